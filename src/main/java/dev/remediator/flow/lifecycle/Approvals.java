package dev.remediator.flow.lifecycle;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;


import dev.remediator.core.config.LoadedConfig;
import dev.remediator.core.config.RepositoryConfig.Permission;
import dev.remediator.core.lifecycle.LifecycleChange;
import dev.remediator.core.lifecycle.RemediationEvent;
import dev.remediator.core.lifecycle.RemediationState;
import dev.remediator.github.RepositoryConfigLoader;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.store.RemediationStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Human decisions on a remediation, from a check run button or a pull request comment: only someone with
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
    MeterRegistry registry;

    public Answer approve(RepositoryGitHub github, long installationId, Remediation remediation, String actor,
            String deliveryId) throws IOException {
        LoadedConfig config = configs.load(installationId, remediation.repositoryId(), github.fullName());
        if (remediation.state() == RemediationState.EXECUTING && store.approvedIn(remediation.id(), deliveryId)) {
            // this delivery approved it and was interrupted (GitHub down, a crash): its retry carries the execution on
            return executed(github, remediation, actor, config, deliveryId);
        }
        if (remediation.state() != RemediationState.AWAITING_APPROVAL && remediation.state() != RemediationState.FAILED) {
            return alreadyDecided(github, remediation);
        }
        if (remediation.state() == RemediationState.AWAITING_APPROVAL && remediation.approvalDeadline() != null
                && remediation.approvalDeadline().isBefore(Instant.now())) {
            return alreadyDecided(github, store.apply(remediation.id(), LifecycleChange.of(RemediationEvent.APPROVAL_EXPIRED,
                    RemediationStore.REMEDIATOR, "approved by @" + actor + " after its deadline", deliveryId)
                    .noting("expired: the approval by @" + actor + " came after the deadline")).remediation());
        }
        Answer refusal = refusal(github, remediation, actor, "approve", config);
        if (refusal != null) {
            return refused(github, remediation, actor, refusal);
        }
        RemediationStore.Transition approved = store.apply(remediation.id(), LifecycleChange.of(
                RemediationEvent.APPROVED_BY_HUMAN, actor, "approved by @" + actor, deliveryId)
                .noting("approved by @" + actor));
        if (!approved.applied()) {
            return alreadyDecided(github, approved.remediation());
        }
        return executed(github, approved.remediation(), actor, config, deliveryId);
    }

    private Answer executed(RepositoryGitHub github, Remediation remediation, String actor, LoadedConfig config,
            String deliveryId) throws IOException {
        executor.execute(github, remediation, config.config(), deliveryId);
        reports.publish(github, remediation);
        Remediation after = store.find(remediation.id()).orElseThrow();
        return new Answer(Outcome.APPROVED, "Approved by @" + actor + ": " + after.action().slug() + " is "
                + after.state().name().toLowerCase(Locale.ROOT) + (after.pullUrl() == null ? "" : " (" + after.pullUrl() + ")")
                + ".");
    }

    public Answer reject(RepositoryGitHub github, long installationId, Remediation remediation, String actor,
            String deliveryId) throws IOException {
        if (remediation.state() != RemediationState.AWAITING_APPROVAL) {
            return alreadyDecided(github, remediation);
        }
        LoadedConfig config = configs.load(installationId, remediation.repositoryId(), github.fullName());
        Answer refusal = refusal(github, remediation, actor, "reject", config);
        if (refusal != null) {
            return refused(github, remediation, actor, refusal);
        }
        RemediationStore.Transition rejected = store.apply(remediation.id(), LifecycleChange.of(
                RemediationEvent.REJECTED_BY_HUMAN, actor, "rejected by @" + actor, deliveryId)
                .noting("rejected by @" + actor));
        if (!rejected.applied()) {
            return alreadyDecided(github, rejected.remediation());
        }
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
        github.rerunFailedJobs(runId, github.workflowRun(runId).path("run_attempt").asInt());
        registry.counter("remediator.retries").increment();
        return new Answer(Outcome.APPROVED, "Re-running the failed jobs of run " + runId + " for @" + actor + ".");
    }

    /** Null when {@code actor} may decide; else why not. */
    private Answer refusal(RepositoryGitHub github, Remediation remediation, String actor, String verb,
            LoadedConfig config) throws IOException {
        Permission required = remediation.approvalPermission();
        Permission permission = github.permissionOf(actor);
        if (!permission.atLeast(required)) {
            return new Answer(Outcome.REFUSED, "@" + actor + " cannot " + verb + " this " + remediation.action().slug()
                    + ": it takes " + name(required) + " permission on the repository, and @" + actor + " has "
                    + name(permission) + ".");
        }
        if (actor.equalsIgnoreCase(remediation.culpritAuthor()) && !config.config().approval().allowAuthor()) {
            return new Answer(Outcome.REFUSED, "@" + actor + " wrote the commit this would revert, and may not "
                    + verb + " it alone (config approval.allow_author): someone else with " + name(required)
                    + " permission has to.");
        }
        return null;
    }

    /** Says a refusal where the person looks: the note on the remediation's report. */
    public Answer refused(RepositoryGitHub github, Remediation remediation, String actor, Answer refusal)
            throws IOException {
        LOG.infof("Refused on remediation %d: %s", remediation.id(), refusal.message());
        store.refuse(remediation.id(), actor, refusal.message());
        registry.counter("remediator.approvals", "outcome", "refused", "action", remediation.action().slug()).increment();
        reports.publish(github, remediation);
        return refusal;
    }

    /** Redraws the reports too: a click on a stale button means the person sees an outdated check run. */
    private Answer alreadyDecided(RepositoryGitHub github, Remediation remediation) throws IOException {
        reports.publish(github, remediation);
        return new Answer(Outcome.ALREADY_DECIDED, "This " + remediation.action().slug() + " is already "
                + remediation.state().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": nothing changed.");
    }

    public static String name(Permission permission) {
        return permission.name().toLowerCase(Locale.ROOT);
    }
}
