package dev.remediator.remediation;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.remediator.core.config.LoadedConfig;
import dev.remediator.core.config.RepositoryConfig.Permission;
import dev.remediator.core.remediation.RemediationState;
import dev.remediator.github.RepositoryConfigLoader;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.store.InstalledRepository;
import dev.remediator.store.RemediationRecord;
import dev.remediator.store.RemediationStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Human decisions on a remediation (DESIGN §3), from a check run button or a pull request comment: only someone with
 * the permission the remediation asks for may decide, and never the author of the commit being reverted alone unless
 * the config allows it. A refusal is said where the person looks; a second click or a redelivery changes nothing.
 */
@ApplicationScoped
public class Approvals {

    private static final Logger LOG = Logger.getLogger(Approvals.class);

    public enum Outcome {
        APPROVED, REJECTED, REANALYSED, REFUSED, ALREADY_DECIDED
    }

    /** What happened, in words for the person who asked. */
    public record Answer(Outcome outcome, String message) {
    }

    @Inject
    RemediationStore store;

    @Inject
    RemediationExecutor executor;

    @Inject
    RemediationReports reports;

    @Inject
    RepositoryConfigLoader configs;

    @Inject
    FailureAnalysis analysis;

    @Inject
    MeterRegistry registry;

    public Answer approve(RepositoryGitHub github, long installationId, RemediationRecord remediation, String actor,
            String deliveryId) throws IOException {
        LoadedConfig config = configs.load(installationId, remediation.repositoryId, github.fullName());
        if (remediation.state == RemediationState.EXECUTING && store.approvedIn(remediation.id, deliveryId)) {
            // this delivery approved it and was interrupted (GitHub down, a crash): its retry carries the execution on
            return executed(github, remediation, actor, config, deliveryId);
        }
        if (remediation.state != RemediationState.AWAITING_APPROVAL && remediation.state != RemediationState.FAILED) {
            return alreadyDecided(github, remediation);
        }
        if (remediation.state == RemediationState.AWAITING_APPROVAL && remediation.approvalDeadline != null
                && remediation.approvalDeadline.isBefore(Instant.now())) {
            store.transition(remediation.id, RemediationState.AWAITING_APPROVAL, RemediationState.EXPIRED,
                    RemediationStore.REMEDIATOR, "approved by @" + actor + " after its deadline", deliveryId);
            store.note(remediation.id, "expired: the approval by @" + actor + " came after the deadline");
            return alreadyDecided(github, store.find(remediation.id).orElseThrow());
        }
        Answer refusal = refusal(github, remediation, actor, "approve", config);
        if (refusal != null) {
            return refused(github, remediation, actor, refusal);
        }
        boolean approved = store.transition(remediation.id, remediation.state, RemediationState.APPROVED, actor,
                "approved by @" + actor, deliveryId);
        if (!approved) {
            return alreadyDecided(github, store.find(remediation.id).orElseThrow());
        }
        count("approved", remediation);
        store.note(remediation.id, "approved by @" + actor);
        return executed(github, remediation, actor, config, deliveryId);
    }

    private Answer executed(RepositoryGitHub github, RemediationRecord remediation, String actor, LoadedConfig config,
            String deliveryId) throws IOException {
        executor.execute(github, store.find(remediation.id).orElseThrow(), config.config(), deliveryId);
        reports.publish(github, remediation);
        RemediationRecord after = store.find(remediation.id).orElseThrow();
        return new Answer(Outcome.APPROVED, "Approved by @" + actor + ": " + after.action.slug() + " is "
                + after.state.name().toLowerCase(Locale.ROOT) + (after.pullUrl == null ? "" : " (" + after.pullUrl + ")")
                + ".");
    }

    public Answer reject(RepositoryGitHub github, long installationId, RemediationRecord remediation, String actor,
            String deliveryId) throws IOException {
        if (remediation.state != RemediationState.AWAITING_APPROVAL) {
            return alreadyDecided(github, remediation);
        }
        LoadedConfig config = configs.load(installationId, remediation.repositoryId, github.fullName());
        Answer refusal = refusal(github, remediation, actor, "reject", config);
        if (refusal != null) {
            return refused(github, remediation, actor, refusal);
        }
        if (!store.transition(remediation.id, RemediationState.AWAITING_APPROVAL, RemediationState.REJECTED, actor,
                "rejected by @" + actor, deliveryId)) {
            return alreadyDecided(github, store.find(remediation.id).orElseThrow());
        }
        count("rejected", remediation);
        store.note(remediation.id, "rejected by @" + actor);
        reports.publish(github, remediation);
        return new Answer(Outcome.REJECTED, "Rejected by @" + actor + ": nothing will be done.");
    }

    /** Re-runs a run's failed jobs (the {@code retry} command), for someone who can write to the repository. */
    public Answer retry(RepositoryGitHub github, long runId, String actor) throws IOException {
        Permission permission = github.permissionOf(actor);
        if (!permission.atLeast(Permission.WRITE)) {
            return new Answer(Outcome.REFUSED, "@" + actor + " cannot re-run jobs: that takes write permission, and @"
                    + actor + " has " + name(permission) + ".");
        }
        github.rerunFailedJobs(runId);
        registry.counter("remediator.retries").increment();
        return new Answer(Outcome.APPROVED, "Re-running the failed jobs of run " + runId + " for @" + actor + ".");
    }

    /** Analyses the run again from its logs, for someone who can write to the repository. */
    public Answer reanalyse(RepositoryGitHub github, long installationId, RemediationRecord remediation, String actor,
            String deliveryId) throws IOException {
        if (remediation.aboutDrift()) {
            return new Answer(Outcome.REFUSED, "There is no run to re-analyse: this " + remediation.action.slug()
                    + " is about the drift of a pushed commit.");
        }
        Permission permission = github.permissionOf(actor);
        if (!permission.atLeast(Permission.WRITE)) {
            return refused(github, remediation, actor, new Answer(Outcome.REFUSED, "@" + actor + " cannot re-analyse: that "
                    + "takes write permission, and @" + actor + " has " + name(permission) + "."));
        }
        LoadedConfig config = configs.load(installationId, remediation.repositoryId, github.fullName());
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        // the attempt the remediation is about (a later attempt may have passed), which failed
        ObjectNode run = (ObjectNode) github.workflowRun(remediation.runId);
        run.put("run_attempt", remediation.runAttempt).put("conclusion", "failure");
        payload.set("workflow_run", run);
        payload.putObject("repository").put("id", remediation.repositoryId).put("full_name", github.fullName())
                .put("default_branch", InstalledRepository.defaultBranchOf(remediation.repositoryId));
        analysis.analyse(FailedRun.of(installationId, payload, Instant.now()), config, deliveryId, true);
        return new Answer(Outcome.REANALYSED, "Re-analysed at the request of @" + actor + ".");
    }

    /** Null when {@code actor} may decide; else why not. */
    private Answer refusal(RepositoryGitHub github, RemediationRecord remediation, String actor, String verb,
            LoadedConfig config) throws IOException {
        Permission required = Permission.valueOf(remediation.approvalPermission);
        Permission permission = github.permissionOf(actor);
        if (!permission.atLeast(required)) {
            return new Answer(Outcome.REFUSED, "@" + actor + " cannot " + verb + " this " + remediation.action.slug()
                    + ": it takes " + name(required) + " permission on the repository, and @" + actor + " has "
                    + name(permission) + ".");
        }
        if (actor.equalsIgnoreCase(remediation.culpritAuthor) && !config.config().approval().allowAuthor()) {
            return new Answer(Outcome.REFUSED, "@" + actor + " wrote the commit this would revert, and may not "
                    + verb + " it alone (config approval.allow_author): someone else with " + name(required)
                    + " permission has to.");
        }
        return null;
    }

    private Answer refused(RepositoryGitHub github, RemediationRecord remediation, String actor, Answer refusal)
            throws IOException {
        LOG.infof("Refused on remediation %d: %s", remediation.id, refusal.message());
        store.refuse(remediation.id, actor, refusal.message());
        count("refused", remediation);
        reports.publish(github, remediation);
        return refusal;
    }

    /** Redraws the reports too: a click on a stale button means the person sees an outdated check run. */
    private Answer alreadyDecided(RepositoryGitHub github, RemediationRecord remediation) throws IOException {
        reports.publish(github, remediation);
        return new Answer(Outcome.ALREADY_DECIDED, "This " + remediation.action.slug() + " is already "
                + remediation.state.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": nothing changed.");
    }

    private void count(String outcome, RemediationRecord remediation) {
        registry.counter("remediator.approvals", "outcome", outcome, "action", remediation.action.slug()).increment();
        if (!"refused".equals(outcome)) {
            registry.timer("remediator.approval.latency", "outcome", outcome)
                    .record(Duration.between(remediation.createdAt, Instant.now()));
        }
    }

    private static String name(Permission permission) {
        return permission.name().toLowerCase(Locale.ROOT);
    }
}
