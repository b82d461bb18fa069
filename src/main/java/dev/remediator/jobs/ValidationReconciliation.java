package dev.remediator.jobs;

import dev.remediator.config.RemediatorConfig;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.flow.validation.FixValidations;
import dev.remediator.github.GitHubRepositories;
import dev.remediator.store.FixValidationStore;
import dev.remediator.store.JobTicks;
import io.quarkus.scheduler.Scheduled;

/**
 * Validations still pending with no news for a while: a {@code workflow_run} or {@code check_suite} delivery may
 * have been missed, so the fix's head is read again (its check suites first, then its checks and statuses). What
 * changes is redrawn by {@code ReportsOfScheduledChanges}, from the outbox.
 */
@ApplicationScoped
public class ValidationReconciliation {

    private static final Logger LOG = Logger.getLogger(ValidationReconciliation.class);

    /** Pending validations read per tick, at most: a bound on the GitHub calls this job makes. */
    static final int PER_TICK = 50;

    @Inject
    JobTicks ticks;

    @Inject
    FixValidationStore followed;

    @Inject
    FixValidations validations;

    @Inject
    GitHubRepositories repositories;

    @Inject
    RemediatorConfig config;

    @Scheduled(every = "${remediator.validation.reconcile-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reconcile() {
        Instant now = Instant.now();
        Duration interval = config.validation().reconcileInterval();
        if (!ticks.claim("validation-reconciliation", now, interval)) {
            return;
        }
        for (FixValidationStore.Followed fix : followed.pendingSince(now.minus(interval), PER_TICK)) {
            try {
                validations.refresh(repositories.open(fix.repositoryId()), fix, null);
            } catch (Exception e) {
                // the next tick tries again; one repository's trouble must not stop the others
                LOG.warnf(e, "Remediation %d: reading the CI of pull request #%d failed", fix.remediationId(),
                        fix.pullNumber());
            }
        }
    }
}
