package dev.remediator.core.remediation;

import java.util.List;
import java.util.function.Predicate;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.config.RepositoryConfig.AutoMerge;

/**
 * Whether a fix whose CI passed may be handed to GitHub's auto-merge: only when the repository turned it on, for an
 * action it lists, at or under its risk limit, in a repository not marked {@code protected}, never for changes to
 * protected paths, and never twice.
 */
public final class AutoMergePolicy {

    private AutoMergePolicy() {
    }

    /** @param reason why, for the audit trail and the pull request */
    public record Verdict(boolean enable, String reason) {
    }

    /**
     * @param changedFiles the files the fix's pull request changes
     * @param enabledBefore whether auto-merge was enabled on it already (by Remediator or a person)
     */
    public static Verdict decide(RepositoryConfig config, RemediationAction action, RiskScore risk,
            List<String> changedFiles, boolean enabledBefore) {
        AutoMerge automerge = config.autoMerge();
        if (!automerge.enabled()) {
            return new Verdict(false, "automerge is not enabled in the repository's configuration");
        }
        if (action == RemediationAction.FIX) {
            return new Verdict(false, "a model-written fix is never merged without a person");
        }
        if (enabledBefore) {
            return new Verdict(false, "auto-merge is enabled on this pull request already");
        }
        if (config.protectedRepository()) {
            return new Verdict(false, "the repository is marked protected: a person merges every fix");
        }
        if (!automerge.actions().contains(action.slug())) {
            return new Verdict(false, "automerge.actions does not list " + action.slug());
        }
        if (risk.value() > automerge.maxRisk()) {
            return new Verdict(false, "risk " + risk.formatted() + " is above automerge.max_risk " + automerge.maxRisk());
        }
        Predicate<String> protectedPath = ProtectedPaths.of(config);
        List<String> touched = changedFiles.stream().filter(protectedPath).toList();
        if (!touched.isEmpty()) {
            return new Verdict(false, "it changes protected paths (" + String.join(", ", touched) + ")");
        }
        return new Verdict(true, action.slug() + " at risk " + risk.formatted() + " is within automerge.max_risk "
                + automerge.maxRisk() + "; GitHub merges it (" + automerge.method().name().toLowerCase(java.util.Locale.ROOT)
                + ") once branch protection allows");
    }
}
