package dev.remediator.jobs;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.remediator.store.JobTicks;
import dev.remediator.store.RetentionStore;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the database from growing without end: finished deliveries (whose payloads weigh up to 25 MB each) after
 * {@code remediator.retention.deliveries} (14 days), and run history after {@code remediator.retention.runs}
 * (90 days: flaky tests and culprits are looked for in recent runs only), and drift reports after the same time but
 * the latest of each branch, and finished outbox work. Remediations and their audit trail stay.
 */
@ApplicationScoped
public class DataRetention {

    private static final Logger LOG = Logger.getLogger(DataRetention.class);

    @Inject
    JobTicks ticks;

    @Inject
    RetentionStore retention;

    @ConfigProperty(name = "remediator.retention.deliveries", defaultValue = "14d")
    Duration deliveries;

    @ConfigProperty(name = "remediator.retention.runs", defaultValue = "90d")
    Duration runs;

    @Scheduled(cron = "${remediator.retention.cron:0 30 3 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetOldData() {
        Instant now = Instant.now();
        if (ticks.claim("data-retention", now, Duration.ofHours(1))) {
            forget(now);
        }
    }

    void forget(Instant now) {
        RetentionStore.Forgotten forgotten = retention.forget(now.minus(deliveries), now.minus(runs));
        LOG.infof("Retention: forgot %d deliveries, %d run attempts, %d analyses, %d drift reports and %d finished "
                + "outbox rows", forgotten.deliveries(), forgotten.runs(), forgotten.analyses(), forgotten.driftReports(),
                forgotten.consumptions());
    }
}
