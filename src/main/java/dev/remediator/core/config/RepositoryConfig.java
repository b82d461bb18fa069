package dev.remediator.core.config;

import java.util.List;
import java.util.Set;

/**
 * A repository's {@code .github/remediator.yml}, validated. {@link #DEFAULTS} is what applies when
 * there is no file or when the file is invalid.
 */
public record RepositoryConfig(
        Mode mode,
        int riskThreshold,
        boolean protectedRepository,
        List<String> protectedPaths,
        int maxPrsPerDay,
        Approval approval,
        Failures failures,
        Drift drift,
        Notify notifications, AutoMerge autoMerge, Commits commits, Llm llm) {

    public static final String FILE_PATH = ".github/remediator.yml";

    public static final RepositoryConfig DEFAULTS = new RepositoryConfig(
            Mode.ADVISORY, 3, false, List.of(".github/workflows/**"), 5,
            new Approval(24, Permission.WRITE, false),
            new Failures(List.of(), new Rerun(true, 1, true), new Revert(true, List.of()),
                    new Quarantine(true, ".github/quarantine.txt", 30)),
            new Drift(true, ".remediator/provenance.json", DriftMode.WARN, "regenerate.yml", List.of()),
            new Notify(null, null, Set.of(NotifyOn.APPROVAL_REQUESTED, NotifyOn.FAILED, NotifyOn.EXPIRED,
                    NotifyOn.VALIDATION_FAILED)),
            new AutoMerge(false, List.of("quarantine", "rebaseline"), 2, MergeMethod.SQUASH), new Commits(false), Llm.OFF);

    public RepositoryConfig {
        protectedPaths = List.copyOf(protectedPaths);
    }

    /** advisory: propose and ask; auto: run what the policy allows. */
    public enum Mode {
        ADVISORY, AUTO
    }

    /** GitHub's repository permission levels, weakest first, so that they compare by their order. */
    public enum Permission {
        NONE, READ, TRIAGE, WRITE, MAINTAIN, ADMIN;

        public boolean atLeast(Permission other) {
            return compareTo(other) >= 0;
        }
    }

    public record Approval(int timeoutHours, Permission permission, boolean allowAuthor) {
    }

    public record Failures(List<String> workflows, Rerun rerun, Revert revert, Quarantine quarantine) {
        public Failures {
            workflows = List.copyOf(workflows);
        }

        /** An empty list means every workflow. */
        public boolean watches(String workflowName, String workflowPath) {
            return workflows.isEmpty() || workflows.stream().anyMatch(w -> w.equals(workflowName)
                    || (workflowPath != null && (workflowPath.equals(w) || workflowPath.endsWith("/" + w))));
        }
    }

    /**
     * @param automatic whether a re-run of a clearly transient failure (within the risk threshold) runs without asking,
     *                  even in advisory mode: what a new installation is glad of; everything that writes code still asks
     */
    public record Rerun(boolean enabled, int maxAttempts, boolean automatic) {
    }

    /** {@code branches} empty: the repository's default branch only. */
    public record Revert(boolean enabled, List<String> branches) {
        public Revert {
            branches = List.copyOf(branches);
        }

        /** Whether a break on {@code branch} may be reverted. */
        public boolean appliesTo(String branch, String defaultBranch) {
            return branches.isEmpty() ? branch != null && branch.equals(defaultBranch) : branches.contains(branch);
        }
    }

    /**
     * @param expireAfterDays how long a test stays quarantined before a pull request tries to bring it back
     */
    public record Quarantine(boolean enabled, String file, int expireAfterDays) {
    }

    /** The commits Remediator makes. {@code signOff}: each carries a DCO {@code Signed-off-by} trailer. */
    public record Commits(boolean signOff) {
    }

    /**
     * GitHub's native auto-merge on a fix whose CI passed, so that branch protection, reviews and merge queues still
     * decide. Off unless a repository turns it on.
     *
     * @param actions the remediations (by their slug) that may merge without a human
     */
    public record AutoMerge(boolean enabled, List<String> actions, int maxRisk, MergeMethod method) {
        /** The actions whose pull requests auto-merge could apply to. */
        public static final List<String> MERGEABLE = List.of("quarantine", "revert", "regenerate", "rebaseline");

        public AutoMerge {
            actions = List.copyOf(actions);
        }
    }

    public enum MergeMethod {
        MERGE, SQUASH, REBASE
    }

    public enum DriftMode {
        WARN, FAIL
    }

    /** {@code branches} empty: the default branch only. */
    public record Drift(boolean enabled, String manifest, DriftMode mode, String regenerateWorkflow, List<String> branches) {
        public Drift {
            branches = List.copyOf(branches);
        }
    }

    /** What is worth telling people about a remediation, outside GitHub. */
    public enum NotifyOn {
        APPROVAL_REQUESTED, DONE, FAILED, EXPIRED, VALIDATION_FAILED
    }

    /**
     * Where and when to notify: a Slack channel (null: the instance's default, or its incoming webhook), the channel
     * an expired approval escalates to (null: the same channel), and the events that notify.
     */
    public record Notify(String slackChannel, String escalationChannel, Set<NotifyOn> on) {
        public Notify {
            on = Set.copyOf(on);
        }

        public boolean wants(NotifyOn event) {
            return on.contains(event);
        }
    }

    /**
     * The repository's opt-in to the instance's language model, when one is configured: a model's reading of a
     * failure on the check run ({@code explain}) and model-written fix proposals that always wait for approval
     * ({@code fix}).
     */
    public record Llm(boolean explain, boolean fix) {
        public static final Llm OFF = new Llm(false, false);
    }
}
