package dev.remediator.dashboard;

import dev.remediator.config.RemediatorConfig;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.remediator.github.GitHubRepositories;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.flow.lifecycle.Approvals;
import dev.remediator.store.DashboardStore;
import dev.remediator.store.DashboardStore.RemediationDetail;
import dev.remediator.store.DashboardStore.RemediationRow;
import dev.remediator.store.DashboardStore.RepositoryRow;
import dev.remediator.store.DriftReportRecord;
import dev.remediator.store.DriftStore;
import dev.remediator.store.RemediationStore;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The dashboard: what Remediator saw and did across the repositories a signed-in user can see on GitHub, and the
 * same Approve and Reject as the check run's buttons, decided by {@link Approvals} with the same rules. Every page
 * and every decision asks {@link DashboardAccess} again whether the user can see the repository.
 */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @Inject
    RemediatorConfig config;

    private static final Logger LOG = Logger.getLogger(DashboardResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHART_DAYS = 30;

    @Inject
    SecurityIdentity identity;

    @Inject
    DashboardAccess access;

    @Inject
    DashboardStore store;

    @Inject
    RemediationStore remediations;

    @Inject
    GitHubRepositories repositories;

    @Inject
    DriftStore drift;

    @Inject
    Approvals approvals;

    @Inject
    OidcSession session;

    @Inject
    @Location("dashboard/welcome.html")
    Template welcome;

    @Inject
    @Location("dashboard/overview.html")
    Template overview;

    @Inject
    @Location("dashboard/repository.html")
    Template repository;

    @Inject
    @Location("dashboard/remediation.html")
    Template remediation;

    @Inject
    @Location("dashboard/message.html")
    Template message;

    @GET
    @PermitAll
    public Object index() throws IOException {
        if (!OAuthSignInConfigSourceFactory.enabled(ConfigProvider.getConfig())) {
            return welcome.data("configured", false);
        }
        if (identity.isAnonymous()) {
            return welcome.data("configured", true);
        }
        Viewer viewer = viewer();
        List<Long> ids = viewer.repositoryIds();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.minusDays(CHART_DAYS - 1);
        boolean any = !ids.isEmpty();
        return overview.data("viewer", viewer).data("web", config.github().webUrl())
                .data("categories", any ? store.failuresByCategory(ids) : List.of())
                .data("states", any ? store.remediationsByState(ids) : List.of())
                .data("awaiting", any ? store.awaitingApproval(ids, 20) : List.of())
                .data("chart", OutcomeChart.svg(any ? store.outcomesByDay(ids,
                        first.atStartOfDay().toInstant(ZoneOffset.UTC)) : List.of(), first, today));
    }

    /** Where GitHub sends the user back to; signed in, the overview. */
    @GET
    @Path("/sign-in")
    @Authenticated
    public Response signIn() {
        return Response.seeOther(URI.create("/dashboard")).build();
    }

    @POST
    @Path("/sign-out")
    @Authenticated
    public Response signOut() {
        session.logout().await().indefinitely();
        return Response.seeOther(URI.create("/dashboard")).build();
    }

    @GET
    @Path("/repositories/{owner}/{name}")
    @Authenticated
    public Object repository(@PathParam("owner") String owner, @PathParam("name") String name) throws IOException {
        Viewer viewer = viewer();
        Optional<RepositoryRow> row = viewer.repository(owner + "/" + name);
        if (row.isEmpty()) {
            return notVisible(viewer);
        }
        return repositoryPage(viewer, row.get(), List.of());
    }

    @POST
    @Path("/repositories/{owner}/{name}/approve-safe-fixes")
    @Authenticated
    public Object approveSafeFixes(@PathParam("owner") String owner, @PathParam("name") String name)
            throws IOException {
        Viewer viewer = viewer();
        Optional<RepositoryRow> row = viewer.repository(owner + "/" + name);
        if (row.isEmpty()) {
            return notVisible(viewer);
        }
        RepositoryGitHub github = repositories.open(row.get().installationId(), row.get().id(), row.get().fullName());
        List<String> answers = new ArrayList<>();
        for (RemediationRow fix : store.safeDriftFixesAwaiting(row.get().id())) {
            Optional<Remediation> record = remediations.find(fix.id());
            if (record.isPresent()) {
                Approvals.Answer answer = approvals.approve(github, row.get().installationId(), record.get(),
                        viewer.login(), deliveryId());
                answers.add(fix.action().toLowerCase() + " " + fix.target() + ": " + answer.message());
            }
        }
        if (answers.isEmpty()) {
            answers.add("No regeneration or rebaseline awaits approval in " + row.get().fullName() + ".");
        }
        return repositoryPage(viewer, row.get(), answers);
    }

    @GET
    @Path("/remediations/{id}")
    @Authenticated
    public Object remediation(@PathParam("id") long id) throws IOException {
        Viewer viewer = viewer();
        Optional<RemediationDetail> detail = visibleRemediation(viewer, id);
        if (detail.isEmpty()) {
            return notVisible(viewer);
        }
        return remediationPage(viewer, detail.get(), null);
    }

    @POST
    @Path("/remediations/{id}/approve")
    @Authenticated
    public Object approve(@PathParam("id") long id) throws IOException {
        return decide(id, true);
    }

    @POST
    @Path("/remediations/{id}/reject")
    @Authenticated
    public Object reject(@PathParam("id") long id) throws IOException {
        return decide(id, false);
    }

    private Object decide(long id, boolean approve) throws IOException {
        Viewer viewer = viewer();
        Optional<RemediationDetail> detail = visibleRemediation(viewer, id);
        Optional<Remediation> record = detail.flatMap(found -> remediations.find(id));
        if (record.isEmpty()) {
            return notVisible(viewer);
        }
        RepositoryRow row = viewer.repository(record.get().repositoryId()).orElseThrow();
        RepositoryGitHub github = repositories.open(row.installationId(), row.id(), row.fullName());
        Approvals.Answer answer = approve
                ? approvals.approve(github, row.installationId(), record.get(), viewer.login(), deliveryId())
                : approvals.reject(github, row.installationId(), record.get(), viewer.login(), deliveryId());
        LOG.infof("Dashboard: @%s %s remediation %d: %s", viewer.login(), approve ? "approved" : "rejected", id,
                answer.message());
        TemplateInstance page = remediationPage(viewer, store.remediation(id).orElseThrow(), answer);
        return Response.status(answer.outcome() == Approvals.Outcome.REFUSED ? 403 : 200).entity(page).build();
    }

    private Optional<RemediationDetail> visibleRemediation(Viewer viewer, long id) {
        return store.remediation(id).filter(detail -> viewer.repository(detail.row().repositoryId()).isPresent());
    }

    private TemplateInstance repositoryPage(Viewer viewer, RepositoryRow row, List<String> answers) {
        List<Long> ids = List.of(row.id());
        Optional<DriftReportRecord> latestDrift = drift.latest(row.id(), null);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.minusDays(CHART_DAYS - 1);
        return repository.data("viewer", viewer).data("web", config.github().webUrl()).data("repository", row)
                .data("answers", answers)
                .data("failures", store.recentFailures(row.id(), 20))
                .data("remediations", store.remediations(row.id(), 25))
                .data("quarantines", store.quarantines(row.id(), 20))
                .data("quarantinedTests", store.quarantinedTests(row.id(), 50))
                .data("drift", latestDrift.orElse(null))
                .data("driftContexts", latestDrift.map(report -> drift.kindsByContext(report.id())).orElse(List.of()))
                .data("safeFixes", store.safeDriftFixesAwaiting(row.id()).size())
                .data("chart", OutcomeChart.svg(store.outcomesByDay(ids, first.atStartOfDay().toInstant(ZoneOffset.UTC)),
                        first, today));
    }

    private TemplateInstance remediationPage(Viewer viewer, RemediationDetail detail, Approvals.Answer answer)
            throws IOException {
        return remediation.data("viewer", viewer).data("web", config.github().webUrl()).data("r", detail.row()).data("detail", detail)
                .data("answer", answer)
                .data("refused", answer != null && answer.outcome() == Approvals.Outcome.REFUSED)
                .data("factors", riskFactors(detail.riskFactors()))
                .data("timeline", oldestFirst(remediations.audit(null, detail.row().id(), null, null, 200)));
    }

    private static <T> List<T> oldestFirst(List<T> newestFirst) {
        List<T> timeline = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(timeline);
        return timeline;
    }

    /** The risk factors as stored: [{"name", "points", "explanation"}]. */
    private static List<JsonNode> riskFactors(String json) throws IOException {
        List<JsonNode> factors = new ArrayList<>();
        if (json != null) {
            JSON.readTree(json).forEach(factors::add);
        }
        return factors;
    }

    private Response notVisible(Viewer viewer) {
        return Response.status(404).entity(message.data("viewer", viewer).data("title", "Not found")
                .data("text", "There is no such repository or remediation, or GitHub does not let you see it.")).build();
    }

    private Viewer viewer() throws IOException {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        return access.viewer(identity.getPrincipal().getName(), token.getToken());
    }

    /** Decisions from the dashboard are audited like a delivery's, under an id of their own. */
    private static String deliveryId() {
        return "dashboard-" + UUID.randomUUID();
    }
}
