package dev.remediator.jobs;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.remediator.config.RemediatorConfig;
import dev.remediator.store.JobTicks;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the database from growing without end: finished deliveries (whose payloads weigh up to 25 MB each) after
 * {@code remediator.retention.deliveries} (14 days), and run history after {@code remediator.retention.runs}
 * (90 days: flaky tests and culprits are looked for in recent runs only), and drift reports after the same time but
 * the latest of each branch. Remediations and their audit trail stay.
 */
@ApplicationScoped
public class DataRetention {

    private static final Logger LOG = Logger.getLogger(DataRetention.class);

    @Inject
    JobTicks ticks;

    @Inject
    EntityManager em;

    @Inject
    RemediatorConfig config;

    @Scheduled(cron = "${remediator.retention.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
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
                + "'REJECTED', 'FAILED') and received_at < ?1").setParameter(1, now.minus(config.retention().deliveries())).executeUpdate();
        int deletedRuns = em.createNativeQuery("delete from workflow_run where updated_at < ?1")
                .setParameter(1, now.minus(config.retention().runs())).executeUpdate();
        em.createNativeQuery("delete from push where received_at < ?1").setParameter(1, now.minus(config.retention().runs())).executeUpdate();
        int deletedAnalyses = em.createNativeQuery("delete from run_analysis where analysed_at < ?1 and not exists ("
                + "select 1 from remediation r where r.run_id = run_analysis.run_id and r.state = 'AWAITING_APPROVAL')")
                .setParameter(1, now.minus(config.retention().runs())).executeUpdate();
        // drift reports and their nodes, but the latest of each branch, which the API and the next push compare with
        em.createNativeQuery("""
                delete from drift_node where report_id in (select id from drift_report r where r.created_at < ?1
                  and r.id <> (select max(l.id) from drift_report l where l.repository_id = r.repository_id
                               and l.ref is not distinct from r.ref))""").setParameter(1, now.minus(config.retention().runs())).executeUpdate();
        int deletedReports = em.createNativeQuery("""
                delete from drift_report r where r.created_at < ?1 and not exists (select 1 from drift_node n where n.report_id = r.id)
                  and r.id <> (select max(l.id) from drift_report l where l.repository_id = r.repository_id
                               and l.ref is not distinct from r.ref)""").setParameter(1, now.minus(config.retention().runs())).executeUpdate();
        em.createNativeQuery("delete from drift_check_run where created_at < ?1").setParameter(1, now.minus(config.retention().runs()))
                .executeUpdate();
        em.createNativeQuery("delete from drift_scan where started_at < ?1").setParameter(1, now.minus(config.retention().runs())).executeUpdate();
        LOG.infof("Retention: forgot %d deliveries, %d run attempts, %d analyses and %d drift reports", deletedDeliveries,
                deletedRuns, deletedAnalyses, deletedReports);
    }
}
