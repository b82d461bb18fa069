package dev.remediator.core.history;

import java.util.List;
import java.util.Optional;

/**
 * A failure of a pull request that the base branch already had: not this change's fault.
 *
 * @param sharedTests the failing tests both runs share
 */
public record BrokenTrunk(RunRecord baseRun, List<String> sharedTests, String evidence) {

    /**
     * The most recent red run of the same workflow on the base branch, before this one, that failed on at least one
     * of the same tests. Without failing tests to compare, nothing is concluded: a red base is not enough.
     *
     * @param baseRecent runs of the same workflow on the base branch, newest first
     */
    public static Optional<BrokenTrunk> find(RunRecord failing, List<RunRecord> baseRecent) {
        if (failing.failingTests().isEmpty()) {
            return Optional.empty();
        }
        for (RunRecord base : baseRecent) {
            if (base.green()) {
                return Optional.empty();
            }
            List<String> shared = base.failingTests().stream().filter(failing.failingTests()::contains).toList();
            if (base.red() && !shared.isEmpty()) {
                return Optional.of(new BrokenTrunk(base, shared, String.join(", ", shared.subList(0, Math.min(3, shared.size())))
                        + (shared.size() > 3 ? " and " + (shared.size() - 3) + " more" : "") + " already failed on "
                        + base.headBranch() + " in " + base.label()));
            }
        }
        return Optional.empty();
    }
}
