package dev.remediator.core.remediation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.history.BrokenTrunk;
import dev.remediator.core.history.Culprit;
import dev.remediator.core.history.FlakyTest;
import dev.remediator.core.history.RunRecord;

/**
 * Everything the planner weighs about one failed run: what failed, what history says, and the repository's policy.
 *
 * @param fromFork      the run belongs to a pull request from a fork
 * @param outsideAuthor the change's author is not a member or collaborator of the repository's owner
 */
public record FailureCase(
        RunRecord run,
        String defaultBranch,
        boolean fromFork,
        boolean outsideAuthor,
        int failedJobs,
        int totalJobs,
        Verdict verdict,
        History history,
        Context context) {

    /** What the analysis of the logs concluded. */
    public record Verdict(FailureCategory category, double confidence, boolean transientFailure,
            List<String> failingTests) {
        public Verdict {
            failingTests = List.copyOf(failingTests);
        }
    }

    /**
     * What the store and GitHub's history say.
     *
     * @param revertBlocked why reverting the culprit is refused (later commits touched its files), if it is
     * @param culpritFix   when the culprit is the merge of one of Remediator's own pull requests: which one
     * @param quarantined  the tests quarantined already (or on their way), with their tracking issue's number
     */
    public record History(List<FlakyTest> flakyTests, Optional<BrokenTrunk> brokenTrunk, Optional<Culprit> culprit,
            Optional<String> revertBlocked, Optional<MergedFix> culpritFix, Map<String, Integer> quarantined) {
        public History {
            flakyTests = List.copyOf(flakyTests);
            quarantined = Map.copyOf(quarantined);
        }

        public History(List<FlakyTest> flakyTests, Optional<BrokenTrunk> brokenTrunk, Optional<Culprit> culprit,
                Optional<String> revertBlocked) {
            this(flakyTests, brokenTrunk, culprit, revertBlocked, Optional.empty(), Map.of());
        }
    }

    /** A pull request of Remediator's that was merged: the remediation it came from. */
    public record MergedFix(long remediationId, RemediationAction action, int pullNumber) {
    }

    /** The repository's policy and what it has done lately. */
    public record Context(RepositoryConfig config, int pullRequestsToday, Map<RemediationAction, TrackRecord> trackRecords,
            boolean targetBranchProtected) {
        public Context {
            trackRecords = Map.copyOf(trackRecords);
        }

        public TrackRecord trackRecord(RemediationAction action) {
            return trackRecords.getOrDefault(action, TrackRecord.NONE);
        }
    }

    public boolean onDefaultBranch() {
        return defaultBranch.equals(run.headBranch());
    }
}
