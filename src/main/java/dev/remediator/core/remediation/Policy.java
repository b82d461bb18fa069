package dev.remediator.core.remediation;

import java.util.List;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.config.RepositoryConfig.Permission;

/**
 * The repository's policy applied to one remediation: it runs on its own only in {@code auto} mode,
 * at or below the risk threshold, within the daily pull request limit; otherwise it waits for a human, or, when it
 * may not happen at all, it is skipped with the reason. Every case says why.
 */
public final class Policy {

    public enum Verdict {
        /** Run now, without asking. */
        RUN,
        /** Wait for an approval by someone with {@link Decision#approvalPermission()}. */
        ASK,
        /** Do not run; the reason says what to do instead. */
        SKIP
    }

    public record Decision(Verdict verdict, String reason, Permission approvalPermission) {
    }

    /** From this risk on, only an admin may approve. */
    static final double ADMIN_RISK = 8;

    /** A protected repository lowers the threshold by this much. */
    static final int PROTECTED_THRESHOLD_MARGIN = 2;

    public Decision decide(RemediationAction action, RiskScore risk, RepositoryConfig config, int pullRequestsToday,
            List<String> protectedPathsTouched) {
        Permission permission = approvalPermission(risk, config);
        if (!protectedPathsTouched.isEmpty()) {
            return new Decision(Verdict.SKIP, "it would change protected paths (" + String.join(", ", protectedPathsTouched)
                    + "): Remediator never writes there; make this change by hand", permission);
        }
        if (action.opensPullRequest() && pullRequestsToday >= config.maxPrsPerDay()) {
            return new Decision(Verdict.SKIP, "the daily limit of " + config.maxPrsPerDay()
                    + " pull requests is reached (" + pullRequestsToday + " opened in the last 24 hours)", permission);
        }
        if (action == RemediationAction.FIX) {
            return new Decision(Verdict.ASK, "a model-written fix always waits for a person's approval", permission);
        }
        int threshold = threshold(config);
        if (action == RemediationAction.RERUN && config.failures().rerun().automatic() && risk.value() <= threshold
                && config.mode() == RepositoryConfig.Mode.ADVISORY) {
            return new Decision(Verdict.RUN, "a re-run of a transient failure runs without asking (risk "
                    + risk.formatted() + ", within the threshold of " + threshold
                    + "); failures.rerun.automatic: false makes it ask", permission);
        }
        if (config.mode() == RepositoryConfig.Mode.ADVISORY) {
            return new Decision(Verdict.ASK, "advisory mode: Remediator asks before it acts", permission);
        }
        if (risk.value() > threshold) {
            return new Decision(Verdict.ASK, "risk " + risk.formatted() + " is above the threshold of " + threshold
                    + (config.protectedRepository() ? " (lowered for a protected repository)" : ""), permission);
        }
        return new Decision(Verdict.RUN, "risk " + risk.formatted() + " is within the threshold of " + threshold
                + " in auto mode", permission);
    }

    static int threshold(RepositoryConfig config) {
        return config.protectedRepository() ? Math.max(0, config.riskThreshold() - PROTECTED_THRESHOLD_MARGIN)
                : config.riskThreshold();
    }

    static Permission approvalPermission(RiskScore risk, RepositoryConfig config) {
        Permission permission = config.approval().permission();
        if (config.protectedRepository() && !permission.atLeast(Permission.MAINTAIN)) {
            permission = Permission.MAINTAIN;
        }
        return risk.value() >= ADMIN_RISK ? Permission.ADMIN : permission;
    }
}
