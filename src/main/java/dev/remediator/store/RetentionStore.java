package dev.remediator.store;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The deletes of data retention: what the store keeps, and for how long, is decided here in one place. */
@ApplicationScoped
public class RetentionStore {

    @Inject
    EntityManager em;

    /** What one pass of retention deleted. */
    public record Forgotten(int deliveries, int runs, int analyses, int driftReports, int consumptions) {
    }

    /**
     * Deletes finished deliveries received before {@code deliveriesBefore}, and run history, drift reports (but the
     * latest of each branch) and finished outbox work from before {@code runsBefore}.
     */
    @Transactional
    public Forgotten forget(Instant deliveriesBefore, Instant runsBefore) {
        int deletedDeliveries = em.createNativeQuery("delete from delivery where status in ('DONE', 'IGNORED', "
                + "'REJECTED', 'FAILED') and received_at < ?1").setParameter(1, deliveriesBefore).executeUpdate();
        int deletedRuns = em.createNativeQuery("delete from workflow_run where updated_at < ?1")
                .setParameter(1, runsBefore).executeUpdate();
        em.createNativeQuery("delete from push where received_at < ?1").setParameter(1, runsBefore).executeUpdate();
        int deletedAnalyses = em.createNativeQuery("delete from run_analysis where analysed_at < ?1 and not exists ("
                + "select 1 from remediation r where r.run_id = run_analysis.run_id and r.state = 'AWAITING_APPROVAL')")
                .setParameter(1, runsBefore).executeUpdate();
        // drift reports and their nodes, but the latest of each branch, which the API and the next push compare with
        em.createNativeQuery("""
                delete from drift_node where report_id in (select id from drift_report r where r.created_at < ?1
                  and r.id <> (select max(l.id) from drift_report l where l.repository_id = r.repository_id
                               and l.ref is not distinct from r.ref))""").setParameter(1, runsBefore).executeUpdate();
        int deletedReports = em.createNativeQuery("""
                delete from drift_report r where r.created_at < ?1 and not exists (select 1 from drift_node n where n.report_id = r.id)
                  and r.id <> (select max(l.id) from drift_report l where l.repository_id = r.repository_id
                               and l.ref is not distinct from r.ref)""").setParameter(1, runsBefore).executeUpdate();
        em.createNativeQuery("delete from drift_check_run where created_at < ?1").setParameter(1, runsBefore)
                .executeUpdate();
        em.createNativeQuery("delete from drift_scan where started_at < ?1").setParameter(1, runsBefore).executeUpdate();
        int deletedConsumptions = em.createNativeQuery("delete from event_consumption where status in ('DONE', 'FAILED') "
                + "and finished_at < ?1").setParameter(1, runsBefore).executeUpdate();
        return new Forgotten(deletedDeliveries, deletedRuns, deletedAnalyses, deletedReports, deletedConsumptions);
    }
}
