package dev.remediator.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.remediator.core.remediation.RemediationAction;
import dev.remediator.core.lifecycle.RemediationState;
import dev.remediator.core.lifecycle.FixValidation;
import dev.remediator.store.FixValidationStore;
import dev.remediator.store.InstallationStore;
import dev.remediator.store.KnownRepository;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.store.RemediationStore;
import dev.remediator.store.RunHistoryStore;

/**
 * Read-only views of analyses, remediations and the audit trail. Lists come newest first with
 * {@code limit} and {@code cursor} (see {@link ApiPages}); {@code repository} is {@code owner/name}.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class RemediationResource {

    @Inject
    InstallationStore installations;

    @Inject
    RemediationStore remediations;

    @Inject
    RunHistoryStore history;

    @Inject
    FixValidationStore validations;

    public record RemediationSummary(long id, String action, String target, String state, double risk, Long runId,
            String subject, String headSha, String headBranch, String pullUrl, Instant createdAt, Instant updatedAt) {
    }

    /** What CI says of the remediation's pull request; null when it opened none. */
    public record Validation(String state, String headSha, List<FixValidation.Check> checks) {
    }

    public record RemediationDetail(RemediationSummary summary, String explanation, String decisionReason,
            String approvalPermission, Instant approvalDeadline, String note, String outcome, Validation validation,
            List<RemediationStore.AuditEvent> audit) {
    }

    @GET
    @Path("/analyses")
    public ApiPages.Page<RunHistoryStore.AnalysisSummary> analyses(@QueryParam("repository") String repository,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        long repositoryId = repository(repository).id();
        int size = ApiPages.limit(limit);
        return ApiPages.page(history.analyses(repositoryId, ApiPages.after("run", cursor), size + 1), size, "run",
                RunHistoryStore.AnalysisSummary::runId);
    }

    @GET
    @Path("/remediations")
    public ApiPages.Page<RemediationSummary> remediations(@QueryParam("repository") String repository,
            @QueryParam("state") String state, @QueryParam("action") String action, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        long repositoryId = repository(repository).id();
        int size = ApiPages.limit(limit);
        List<Remediation> rows = remediations.list(repositoryId, choice("state", state, RemediationState.class),
                choice("action", action, RemediationAction.class), ApiPages.after("remediation", cursor), size + 1);
        ApiPages.Page<Remediation> page = ApiPages.page(rows, size, "remediation", r -> r.id());
        return new ApiPages.Page<>(page.items().stream().map(RemediationResource::summary).toList(), page.nextCursor());
    }

    @GET
    @Path("/remediations/{id}")
    public RemediationDetail remediation(@PathParam("id") String id) {
        long number = ApiPages.number("id", id);
        Remediation r = remediations.find(number).orElseThrow(() -> ApiPages.problem(Response.Status.NOT_FOUND,
                "no remediation " + number));
        return new RemediationDetail(summary(r), r.explanation(), r.decisionReason(), r.approvalPermission().name(),
                r.approvalDeadline(), r.note(), r.outcome(), validations.find(r.id())
                        .map(v -> new Validation(v.state().name(), v.headSha(), v.checks())).orElse(null),
                remediations.audit(null, r.id(), null, null, ApiPages.MAX_LIMIT));
    }

    /** The audit trail: every state change with actor, time, reason and delivery id. */
    @GET
    @Path("/audit")
    public ApiPages.Page<RemediationStore.AuditEvent> audit(@QueryParam("repository") String repository,
            @QueryParam("remediation") String remediation, @QueryParam("actor") String actor,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Long repositoryId = repository == null ? null : repository(repository).id();
        Long remediationId = remediation == null ? null : ApiPages.number("remediation", remediation);
        int size = ApiPages.limit(limit);
        return ApiPages.page(remediations.audit(repositoryId, remediationId, actor, ApiPages.after("audit", cursor),
                size + 1), size, "audit", RemediationStore.AuditEvent::id);
    }

    private static RemediationSummary summary(Remediation r) {
        return new RemediationSummary(r.id(), r.action().name(), r.target(), r.state().name(), r.risk().value(), r.runId(), r.subject(),
                r.headSha(), r.headBranch(), r.pullUrl(), r.createdAt(), r.updatedAt());
    }

    private KnownRepository repository(String fullName) {
        if (fullName == null || !fullName.contains("/")) {
            throw ApiPages.problem(Response.Status.BAD_REQUEST, "repository must be given as owner/name");
        }
        return installations.repository(fullName).orElseThrow(() -> ApiPages.problem(Response.Status.NOT_FOUND,
                "Remediator is not installed on " + fullName));
    }

    private static <E extends Enum<E>> E choice(String parameter, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiPages.problem(Response.Status.BAD_REQUEST, parameter + " '" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
