package dev.remediator.jobs;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.config.RemediatorConfig;
import dev.remediator.flow.quarantine.QuarantineTrials;
import dev.remediator.store.JobTicks;
import dev.remediator.store.QuarantineStore;
import dev.remediator.store.QuarantineStore.Quarantined;
import io.quarkus.scheduler.Scheduled;

/**
 * Quarantines that end: each one past {@code failures.quarantine.expire_after_days} gets its trial (a draft pull
 * request taking the test out of the quarantine file), and trials whose CI sent no news for a tick are read again
 * (a {@code workflow_run} or {@code check_suite} delivery may have been missed). Once per tick across replicas.
 */
@ApplicationScoped
public class QuarantineExpiry {

    private static final Logger LOG = Logger.getLogger(QuarantineExpiry.class);

    /** Quarantines ended and trials read per tick, at most each: a bound on the GitHub calls of one tick. */
    static final int PER_TICK = 20;

    @Inject
    JobTicks ticks;

    @Inject
    QuarantineStore quarantines;

    @Inject
    QuarantineTrials trials;

    @Inject
    RemediatorConfig config;

    @Scheduled(every = "${remediator.quarantine.expiry-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void endExpiredQuarantines() {
        Instant now = Instant.now();
        Duration interval = config.quarantine().expiryInterval();
        if (!ticks.claim("quarantine-expiry", now, interval)) {
            return;
        }
        for (Quarantined expired : quarantines.expired(now, PER_TICK)) {
            try {
                trials.start(expired);
            } catch (Exception e) {
                // the next tick tries again; one repository's trouble must not stop the others
                LOG.warnf(e, "Remediation %d: starting the trial of quarantined %s failed", expired.remediationId(),
                        expired.test());
            }
        }
        for (Quarantined onTrial : quarantines.trialsPendingSince(now.minus(interval), PER_TICK)) {
            try {
                trials.refresh(onTrial, null);
            } catch (Exception e) {
                LOG.warnf(e, "Remediation %d: reading the trial of quarantined %s failed", onTrial.remediationId(),
                        onTrial.test());
            }
        }
    }
}
