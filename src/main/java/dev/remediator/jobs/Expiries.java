package dev.remediator.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.config.RemediatorConfig;
import dev.remediator.core.remediation.RemediationState;
import dev.remediator.github.GitHubRepositories;
import dev.remediator.remediation.RemediationReports;
import dev.remediator.store.InstalledRepository;
import dev.remediator.store.JobTicks;
import dev.remediator.store.RemediationRecord;
import dev.remediator.store.RemediationStore;
import io.quarkus.scheduler.Scheduled;

/**
 * Waits that end (DESIGN §3): an approval nobody gives within {@code approval.timeout_hours} (default 24 h) expires
 * and its check run loses its buttons; a regeneration whose workflow has not pushed its result within
 * {@code remediator.drift.regeneration-timeout} (6 h) fails, saying so. Every replica's scheduler fires; one per tick
 * does the work.
 */
@ApplicationScoped
public class Expiries {

    private static final Logger LOG = Logger.getLogger(Expiries.class);
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    JobTicks ticks;

    @Inject
    RemediationStore remediations;

    @Inject
    GitHubRepositories repositories;

    @Inject
    RemediationReports reports;

    @Inject
    RemediatorConfig config;

    @Scheduled(every = "${remediator.approval.expiry-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void endOverdueWaits() {
        Instant now = Instant.now();
        if (!ticks.claim("approval-expiry", now, config.approval().expiryInterval())) {
            return;
        }
        for (RemediationRecord remediation : remediations.overdueApprovals(now)) {
            if (remediations.transition(remediation.id, RemediationState.AWAITING_APPROVAL, RemediationState.EXPIRED,
                    RemediationStore.REMEDIATOR, "no decision before " + remediation.approvalDeadline, null)) {
                remediations.note(remediation.id, "expired: nobody approved or rejected it before "
                        + DEADLINE.format(remediation.approvalDeadline));
                publish(remediation);
            }
        }
        for (RemediationRecord remediation : remediations.dispatchedBefore(now.minus(config.drift().regenerationTimeout()))) {
            String reason = "the regeneration workflow has not pushed its result within " + config.drift().regenerationTimeout().toHours()
                    + " hours of its dispatch: look at its runs, then approve again";
            if (remediations.transition(remediation.id, RemediationState.EXECUTING, RemediationState.FAILED,
                    RemediationStore.REMEDIATOR, reason, null)) {
                remediations.note(remediation.id, reason);
                publish(remediation);
            }
        }
        ticks.forgetBefore(now.minus(Duration.ofDays(1)));
    }

    private void publish(RemediationRecord remediation) {
        InstalledRepository repository = InstalledRepository.findById(remediation.repositoryId);
        try {
            reports.publish(repositories.open(repository.installationId, repository.id, repository.fullName),
                    remediation);
        } catch (Exception e) {
            // The state is stored whatever GitHub shows; the next report of it (a click, a re-analysis) redraws it.
            LOG.errorf(e, "Remediation %d ended, but its check run could not be updated", remediation.id);
        }
    }
}
