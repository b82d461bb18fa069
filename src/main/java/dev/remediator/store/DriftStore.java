package dev.remediator.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.remediator.core.config.ConfigProblem;
import dev.remediator.core.report.CheckRunReport;

/**
 * Drift reports (one per repository and commit, with a row per node), the Drift check run of each pushed commit,
 * and the runs of the scheduled scan.
 */
@ApplicationScoped
public class DriftStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ScanProblem>> SCAN_PROBLEMS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    /**
     * A report to store. {@code reportJson} is the report as {@code DriftReportJson} writes it (its {@code nodes}
     * become the node rows), null when the manifest could not be used.
     */
    public record NewReport(long repositoryId, String headSha, String ref, String source, String deliveryId,
            String manifestPath, String mode, String verdict, String problem, int nodes, int drifted,
            Map<String, Integer> counts, int filesRead, boolean treeTruncated, String configLocation,
            List<ConfigProblem> configProblems, String summary, List<CheckRunReport.Annotation> annotations, long millis,
            String reportJson) {
    }

    /**
     * Stores the report of a commit, or finds the one stored before: a commit's drift does not change, so a
     * redelivery or a later scan keeps the first.
     */
    @Transactional
    public DriftReportRecord save(NewReport report) {
        List<?> ids = em.createNativeQuery("""
                insert into drift_report (repository_id, head_sha, ref, source, delivery_id, manifest_path, mode, verdict,
                    problem, nodes, drifted, counts, files_read, tree_truncated, config_location, config_problems, summary,
                    annotations, millis)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, cast(?12 as jsonb), ?13, ?14, ?15, cast(?16 as jsonb),
                    ?17, cast(?18 as jsonb), ?19)
                on conflict (repository_id, head_sha) do nothing
                returning id""")
                .setParameter(1, report.repositoryId()).setParameter(2, report.headSha()).setParameter(3, report.ref())
                .setParameter(4, report.source()).setParameter(5, report.deliveryId())
                .setParameter(6, report.manifestPath()).setParameter(7, report.mode()).setParameter(8, report.verdict())
                .setParameter(9, report.problem()).setParameter(10, report.nodes()).setParameter(11, report.drifted())
                .setParameter(12, json(report.counts())).setParameter(13, report.filesRead())
                .setParameter(14, report.treeTruncated()).setParameter(15, report.configLocation())
                .setParameter(16, json(report.configProblems())).setParameter(17, report.summary())
                .setParameter(18, json(report.annotations())).setParameter(19, (int) Math.min(Integer.MAX_VALUE, report.millis()))
                .getResultList();
        if (!ids.isEmpty() && report.reportJson() != null) {
            // one statement for all nodes, however many: the database splits the report's node list itself
            em.createNativeQuery("""
                    insert into drift_node (report_id, node_id, context, kind, confidence, detail)
                    select ?1, n ->> 'id', n ->> 'context', n ->> 'kind', cast(n ->> 'confidence' as double precision), n
                    from jsonb_array_elements(cast(?2 as jsonb) -> 'nodes') as n""")
                    .setParameter(1, ((Number) ids.get(0)).longValue()).setParameter(2, report.reportJson())
                    .executeUpdate();
        }
        return report(report.repositoryId(), report.headSha()).orElseThrow();
    }

    @Transactional
    public Optional<DriftReportRecord> report(long repositoryId, String headSha) {
        return DriftReportRow.find("repositoryId = ?1 and headSha = ?2", repositoryId, headSha)
                .<DriftReportRow>firstResultOptional().map(DriftReportRow::record);
    }

    @Transactional
    public Optional<DriftReportRecord> report(long id) {
        return DriftReportRow.<DriftReportRow>findByIdOptional(id).map(DriftReportRow::record);
    }

    /** The newest report of a repository on a branch; any branch when {@code ref} is null. */
    @Transactional
    public Optional<DriftReportRecord> latest(long repositoryId, String ref) {
        return (ref == null ? DriftReportRow.find("repositoryId = ?1 order by id desc", repositoryId)
                : DriftReportRow.find("repositoryId = ?1 and ref = ?2 order by id desc", repositoryId, ref))
                .<DriftReportRow>firstResultOptional().map(DriftReportRow::record);
    }

    /** A page of a repository's reports, newest first, after the report {@code beforeId} (exclusive) when given. */
    @Transactional
    public List<DriftReportRecord> history(long repositoryId, Long beforeId, int limit) {
        return (beforeId == null ? DriftReportRow.find("repositoryId = ?1 order by id desc", repositoryId)
                : DriftReportRow.find("repositoryId = ?1 and id < ?2 order by id desc", repositoryId, beforeId))
                .page(0, limit).<DriftReportRow>list().stream().map(DriftReportRow::record).toList();
    }

    /** A node of a report: its context, kind and confidence, and its whole drift as JSON. */
    public record NodeRow(String id, String context, String kind, double confidence, String detail) {
    }

    /** The nodes of a report, by context then id; only the drifted ones when {@code driftedOnly}. */
    @Transactional
    public List<NodeRow> nodes(long reportId, boolean driftedOnly) {
        List<?> rows = em.createNativeQuery("select node_id, context, kind, confidence, cast(detail as text) from drift_node "
                + "where report_id = ?1" + (driftedOnly ? " and kind <> 'NONE'" : "") + " order by context, node_id")
                .setParameter(1, reportId).getResultList();
        return rows.stream().map(DriftStore::nodeRow).toList();
    }

    /** How many nodes of one kind a context of a report has. */
    public record KindCount(String context, String kind, int count) {
    }

    /** The node counts of a report by context and kind, contexts sorted. */
    @Transactional
    public List<KindCount> kindsByContext(long reportId) {
        List<?> rows = em.createNativeQuery("select context, kind, count(*) from drift_node where report_id = ?1 "
                + "group by context, kind order by context, kind").setParameter(1, reportId).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new KindCount((String) r[0], (String) r[1], ((Number) r[2]).intValue());
        }).toList();
    }

    @Transactional
    public Optional<NodeRow> node(long reportId, String nodeId) {
        List<?> rows = em.createNativeQuery("select node_id, context, kind, confidence, cast(detail as text) from drift_node "
                + "where report_id = ?1 and node_id = ?2").setParameter(1, reportId).setParameter(2, nodeId).getResultList();
        return rows.stream().findFirst().map(DriftStore::nodeRow);
    }

    /** The installed repository of that name (as the API is asked for it). */
    @Transactional
    public Optional<KnownRepository> repository(String fullName) {
        return InstalledRepository.byFullName(fullName).map(InstallationStore::known);
    }

    // ---- the Drift check run of a pushed commit -------------------------------------------------------------------

    @Transactional
    public Optional<Long> checkRun(long repositoryId, String headSha) {
        List<?> ids = em.createNativeQuery("select check_run_id from drift_check_run where repository_id = ?1 and head_sha = ?2")
                .setParameter(1, repositoryId).setParameter(2, headSha).getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    @Transactional
    public void saveCheckRun(long repositoryId, String headSha, long checkRunId) {
        em.createNativeQuery("insert into drift_check_run (repository_id, head_sha, check_run_id) values (?1, ?2, ?3) "
                + "on conflict (repository_id, head_sha) do nothing")
                .setParameter(1, repositoryId).setParameter(2, headSha).setParameter(3, checkRunId).executeUpdate();
    }

    /** Annotations append on GitHub: true for the one caller that may send them for this check run. */
    @Transactional
    public boolean claimAnnotations(long repositoryId, String headSha) {
        return em.createNativeQuery("update drift_check_run set annotated = true "
                + "where repository_id = ?1 and head_sha = ?2 and not annotated")
                .setParameter(1, repositoryId).setParameter(2, headSha).executeUpdate() == 1;
    }

    // ---- the scheduled scan --------------------------------------------------------------------------------------

    /** The repositories a scan looks at: installed, in an installation that is neither removed nor suspended. */
    @Transactional
    public List<KnownRepository> repositoriesToScan() {
        return InstalledRepository.<InstalledRepository>list("removedAt is null and installationId in "
                + "(select i.id from Installation i where i.removedAt is null and i.suspendedAt is null) order by id")
                .stream().map(InstallationStore::known).toList();
    }

    /** A repository the scan could not look at, and why. */
    public record ScanProblem(String repository, String problem) {
    }

    /** What one run of the scan did: how many repositories ended which way, and those it could not scan. */
    public record Scan(long id, Instant startedAt, Instant finishedAt, int repositories, int scanned, int unchanged,
            int skipped, int drifted, int invalid, int failed, List<ScanProblem> problems) {
    }

    @Transactional
    public long startScan(int repositories) {
        return ((Number) em.createNativeQuery("insert into drift_scan (repositories) values (?1) returning id")
                .setParameter(1, repositories).getSingleResult()).longValue();
    }

    @Transactional
    public void finishScan(Scan scan) {
        em.createNativeQuery("""
                update drift_scan set finished_at = now(), scanned = ?2, unchanged = ?3, skipped = ?4, drifted = ?5,
                    invalid = ?6, failed = ?7, problems = cast(?8 as jsonb) where id = ?1""")
                .setParameter(1, scan.id()).setParameter(2, scan.scanned()).setParameter(3, scan.unchanged())
                .setParameter(4, scan.skipped()).setParameter(5, scan.drifted()).setParameter(6, scan.invalid())
                .setParameter(7, scan.failed()).setParameter(8, json(scan.problems())).executeUpdate();
    }

    /** The latest run of the scan, finished or not. */
    @Transactional
    public Optional<Scan> latestScan() {
        return scans("order by id desc limit 1").stream().findFirst();
    }

    @Transactional
    public Optional<Scan> scan(long id) {
        return scans("where id = ?1", id).stream().findFirst();
    }

    private List<Scan> scans(String where, Object... parameters) {
        List<?> rows = NativeRows.query(em, "select id, started_at, finished_at, repositories, scanned, unchanged, skipped, "
                + "drifted, invalid, failed, cast(problems as text) from drift_scan " + where, parameters).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            try {
                return new Scan(((Number) r[0]).longValue(), NativeRows.instant(r[1]), NativeRows.instant(r[2]), ((Number) r[3]).intValue(),
                        ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                        ((Number) r[7]).intValue(), ((Number) r[8]).intValue(), ((Number) r[9]).intValue(),
                        JSON.readValue((String) r[10], SCAN_PROBLEMS));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the problems of drift scan " + r[0] + " are not readable", e);
            }
        }).toList();
    }

    private static NodeRow nodeRow(Object row) {
        Object[] r = (Object[]) row;
        return new NodeRow((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).doubleValue(), (String) r[4]);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("drift report parts are plain records and maps", e);
        }
    }
}
