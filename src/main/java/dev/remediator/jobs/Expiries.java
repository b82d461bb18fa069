package dev.remediator.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.remediator.core.lifecycle.LifecycleChange;
import dev.remediator.core.lifecycle.RemediationEvent;
import dev.remediator.store.JobTicks;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.store.RemediationStore;
import io.quarkus.scheduler.Scheduled;

/**
 * Waits that end (DESIGN §3): an approval nobody gives within {@code approval.timeout_hours} (default 24 h) expires
 * and its check run loses its buttons; a regeneration whose workflow has not pushed its result within
 * {@code remediator.drift.regeneration-timeout} (6 h) fails, saying so. Every replica's scheduler fires; one per tick
 * does the work. What GitHub shows of it is redrawn by {@code ReportsOfScheduledChanges}, from the outbox.
 */
@ApplicationScoped
public class Expiries {

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    JobTicks ticks;

    @Inject
    RemediationStore remediations;

    @ConfigProperty(name = "remediator.approval.expiry-interval", defaultValue = "60s")
    Duration interval;

    @ConfigProperty(name = "remediator.drift.regeneration-timeout", defaultValue = "6h")
    Duration regenerationTimeout;

    @Scheduled(every = "${remediator.approval.expiry-interval:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void endOverdueWaits() {
        Instant now = Instant.now();
        if (!ticks.claim("approval-expiry", now, interval)) {
            return;
        }
        for (Remediation remediation : remediations.overdueApprovals(now)) {
            remediations.apply(remediation.id(), LifecycleChange.of(RemediationEvent.APPROVAL_EXPIRED,
                    RemediationStore.REMEDIATOR, "no decision before " + remediation.approvalDeadline(), null)
                    .noting("expired: nobody approved or rejected it before "
                            + DEADLINE.format(remediation.approvalDeadline())));
        }
        for (Remediation remediation : remediations.dispatchedBefore(now.minus(regenerationTimeout))) {
            String reason = "the regeneration workflow has not pushed its result within " + regenerationTimeout.toHours()
                    + " hours of its dispatch: look at its runs, then approve again";
            remediations.apply(remediation.id(), LifecycleChange.of(RemediationEvent.EXECUTION_FAILED,
                    RemediationStore.REMEDIATOR, reason, null).noting(reason));
        }
        ticks.forgetBefore(now.minus(Duration.ofDays(1)));
    }
}
