package dev.remediator.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.remediator.core.drift.DriftKind;
import dev.remediator.jobs.NightlyDriftScan;
import dev.remediator.store.DriftReportRecord;
import dev.remediator.store.DriftStore;
import dev.remediator.store.KnownRepository;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;

/**
 * Drift reports over REST (read-only, behind {@link ApiTokenFilter}): the scheduled scan's status, a repository's
 * latest report by context, one node of it, and a repository's history page by page.
 */
@Path("/api/drift")
@Produces(MediaType.APPLICATION_JSON)
public class DriftResource {

    private static final String CURSOR_KIND = "drift-report";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DriftStore drifts;

    @Inject
    Scheduler scheduler;

    @ConfigProperty(name = "remediator.drift.scan-cron", defaultValue = "0 0 3 * * ?")
    String scanCron;

    /** The scan's schedule, its next run, and what its latest run did. */
    public record ScanStatus(String schedule, Instant nextRun, DriftStore.Scan latest) {
    }

    /** A report without its nodes. {@code problem}: why the manifest could not be used (verdict INVALID). */
    public record ReportSummary(long id, String sha, String ref, String source, Instant createdAt, String mode,
            String verdict, String problem, int nodes, int drifted, JsonNode counts, int filesRead, boolean treeTruncated) {
    }

    public record NodeSummary(String id, String kind, double confidence) {
    }

    /** A context of a report: how many nodes of each kind, and which ones drifted. */
    public record ContextReport(String context, int nodes, Map<String, Integer> counts, List<NodeSummary> drifted) {
    }

    public record RepositoryReport(String repository, ReportSummary report, List<ContextReport> contexts) {
    }

    /** One node; {@code drift} is its whole report (files, suggestions, notes), absent from a summary. */
    public record NodeReport(String repository, ReportSummary report, String id, String context, String kind,
            double confidence, JsonNode suggestion, JsonNode drift) {
    }

    /** {@code nextCursor}: pass it as {@code cursor} for the next page; null on the last page. */
    public record History(String repository, List<ReportSummary> reports, String nextCursor) {
    }

    @GET
    @Path("/scan")
    public ScanStatus scan() {
        Trigger trigger = scheduler.getScheduledJob(NightlyDriftScan.JOB);
        return new ScanStatus(trigger == null ? "off" : scanCron, trigger == null ? null : trigger.getNextFireTime(),
                drifts.latestScan().orElse(null));
    }

    /** The repository's latest report on {@code ref} (default: its default branch), per context. */
    @GET
    @Path("/repositories/{owner}/{name}")
    public RepositoryReport repository(@PathParam("owner") String owner, @PathParam("name") String name,
            @QueryParam("ref") String ref) {
        KnownRepository repository = repository(owner, name);
        DriftReportRecord report = latest(repository, ref);
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (DriftStore.KindCount count : drifts.kindsByContext(report.id())) {
            counts.computeIfAbsent(count.context(), context -> everyKind()).put(count.kind(), count.count());
        }
        Map<String, List<NodeSummary>> drifted = new HashMap<>();
        for (DriftStore.NodeRow node : drifts.nodes(report.id(), true)) {
            drifted.computeIfAbsent(node.context(), context -> new ArrayList<>())
                    .add(new NodeSummary(node.id(), node.kind(), node.confidence()));
        }
        List<ContextReport> contexts = counts.entrySet().stream().map(context -> new ContextReport(context.getKey(),
                context.getValue().values().stream().mapToInt(Integer::intValue).sum(), context.getValue(),
                drifted.getOrDefault(context.getKey(), List.of()))).toList();
        return new RepositoryReport(repository.fullName(), summary(report), contexts);
    }

    /** One node of the repository's latest report on {@code ref}, or of the report {@code report}. */
    @GET
    @Path("/repositories/{owner}/{name}/nodes/{node}")
    public NodeReport node(@PathParam("owner") String owner, @PathParam("name") String name,
            @PathParam("node") String nodeId, @QueryParam("ref") String ref, @QueryParam("report") String reportId,
            @QueryParam("summary") boolean summary) {
        KnownRepository repository = repository(owner, name);
        DriftReportRecord report = reportId == null ? latest(repository, ref)
                : drifts.report(ApiPages.number("report", reportId)).filter(r -> r.repositoryId() == repository.id())
                        .orElseThrow(() -> ApiPages.problem(Response.Status.NOT_FOUND, "no report " + reportId + " of "
                                + repository.fullName()));
        DriftStore.NodeRow node = drifts.node(report.id(), nodeId).orElseThrow(() -> ApiPages.problem(Response.Status.NOT_FOUND,
                "no node '" + nodeId + "' in report " + report.id() + " of " + repository.fullName()));
        JsonNode drift = json(node.detail());
        JsonNode suggestion = drift.path("suggestions").path(0);
        return new NodeReport(repository.fullName(), summary(report), node.id(), node.context(), node.kind(),
                node.confidence(), suggestion.isMissingNode() ? null : suggestion, summary ? null : drift);
    }

    /** The repository's reports, newest first, {@code limit} a page (default 20, at most 100). */
    @GET
    @Path("/repositories/{owner}/{name}/history")
    public History history(@PathParam("owner") String owner, @PathParam("name") String name,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        KnownRepository repository = repository(owner, name);
        int size = ApiPages.limit(limit);
        ApiPages.Page<DriftReportRecord> page = ApiPages.page(
                drifts.history(repository.id(), ApiPages.after(CURSOR_KIND, cursor), size + 1), size, CURSOR_KIND, r -> r.id());
        return new History(repository.fullName(), page.items().stream().map(DriftResource::summary).toList(),
                page.nextCursor());
    }

    /** Every kind at zero, in the order of DESIGN §4's table. */
    private static Map<String, Integer> everyKind() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (DriftKind kind : DriftKind.values()) {
            counts.put(kind.name(), 0);
        }
        return counts;
    }

    private KnownRepository repository(String owner, String name) {
        return drifts.repository(owner + "/" + name).orElseThrow(() -> ApiPages.problem(Response.Status.NOT_FOUND,
                "Remediator is not installed on " + owner + "/" + name));
    }

    private DriftReportRecord latest(KnownRepository repository, String ref) {
        String branch = ref != null ? ref : repository.defaultBranch();
        Optional<DriftReportRecord> report = drifts.latest(repository.id(), branch);
        return report.orElseThrow(() -> ApiPages.problem(Response.Status.NOT_FOUND, "no drift report of " + repository.fullName()
                + (branch == null ? "" : " on " + branch) + " yet"));
    }

    private static ReportSummary summary(DriftReportRecord report) {
        return new ReportSummary(report.id(), report.headSha(), report.ref(), report.source(), report.createdAt(), report.mode(),
                report.verdict(), report.problem(), report.nodes(), report.drifted(), json(report.counts()), report.filesRead(),
                report.treeTruncated());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored drift JSON is not readable", e);
        }
    }

}
