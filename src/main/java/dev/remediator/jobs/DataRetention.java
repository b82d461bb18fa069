package dev.remediator.jobs;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.remediator.store.JobTicks;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the database from growing without end: finished deliveries (whose payloads weigh up to 25 MB each) after
 * {@code remediator.retention.deliveries} (14 days), and run history after {@code remediator.retention.runs}
 * (90 days: flaky tests and culprits are looked for in recent runs only). Remediations and their audit trail stay.
 */
@ApplicationScoped
public class DataRetention {

    private static final Logger LOG = Logger.getLogger(DataRetention.class);

    @Inject
    JobTicks ticks;

    @Inject
    EntityManager em;

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

    @Transactional
    void forget(Instant now) {
        int deletedDeliveries = em.createNativeQuery("delete from delivery where status in ('DONE', 'IGNORED', "
                + "'REJECTED', 'FAILED') and received_at < ?1").setParameter(1, now.minus(deliveries)).executeUpdate();
        int deletedRuns = em.createNativeQuery("delete from workflow_run where updated_at < ?1")
                .setParameter(1, now.minus(runs)).executeUpdate();
        em.createNativeQuery("delete from push where received_at < ?1").setParameter(1, now.minus(runs)).executeUpdate();
        int deletedAnalyses = em.createNativeQuery("delete from run_analysis where analysed_at < ?1 and not exists ("
                + "select 1 from remediation r where r.run_id = run_analysis.run_id and r.state = 'AWAITING_APPROVAL')")
                .setParameter(1, now.minus(runs)).executeUpdate();
        LOG.infof("Retention: forgot %d deliveries, %d run attempts and %d analyses", deletedDeliveries, deletedRuns,
                deletedAnalyses);
    }
}
