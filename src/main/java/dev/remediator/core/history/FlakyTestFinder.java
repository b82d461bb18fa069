package dev.remediator.core.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Tells flaky tests from real breaks: a test is flaky when it failed and passed at the same SHA (a re-run
 * attempt, or another run of the same workflow), or when it flipped often on the default branch lately.
 */
public final class FlakyTestFinder {

    /**
     * Runs of the default branch, all failing on the test, that make it broken rather than flaky: a passing re-run
     * does not make a test that fails every time worth hiding in the quarantine.
     */
    static final int RUNS_FOR_BROKEN = 3;

    /** Flips on the default branch that make a test look flaky without a same-SHA proof. */
    static final int FLIPS_FOR_SUSPICION = 3;

    /**
     * @param failing      the tests failing in the run at hand
     * @param sameSha      other attempts and runs of the same workflow at the same SHA
     * @param branchRecent recent runs of the same workflow on the default branch, newest first
     */
    public List<FlakyTest> find(RunRecord failing, List<RunRecord> sameSha, List<RunRecord> branchRecent) {
        List<FlakyTest> flaky = new ArrayList<>();
        for (String test : failing.failingTests()) {
            if (brokenOnBranch(test, branchRecent)) {
                continue;
            }
            provenAtSameSha(test, failing, sameSha).or(() -> flippingOnBranch(test, branchRecent)).ifPresent(flaky::add);
        }
        return flaky;
    }

    private static java.util.Optional<FlakyTest> provenAtSameSha(String test, RunRecord failing, List<RunRecord> sameSha) {
        return sameSha.stream()
                .filter(run -> run.headSha().equals(failing.headSha()) && Objects.equals(run.workflowId(), failing.workflowId()))
                .filter(run -> run.runId() != failing.runId() || run.attempt() != failing.attempt())
                .filter(RunRecord::green)
                .min(Comparator.comparing(RunRecord::attempt))
                .map(green -> new FlakyTest(test, 0.9, test + " failed in " + failing.label() + " and passed in "
                        + green.label() + " at the same commit " + CommitChange.shortSha(failing.headSha())));
    }

    /** Whether the test failed in every recent run of the default branch that finished, and there are enough. */
    private static boolean brokenOnBranch(String test, List<RunRecord> recent) {
        List<RunRecord> finished = recent.stream().filter(run -> run.green() || run.red()).toList();
        return finished.size() >= RUNS_FOR_BROKEN && finished.stream().allMatch(run -> run.failingTests().contains(test));
    }

    private static java.util.Optional<FlakyTest> flippingOnBranch(String test, List<RunRecord> recent) {
        List<Boolean> failedInRun = recent.stream().filter(run -> run.green() || run.red())
                .map(run -> run.failingTests().contains(test)).toList();
        int flips = 0;
        for (int i = 1; i < failedInRun.size(); i++) {
            if (!failedInRun.get(i).equals(failedInRun.get(i - 1))) {
                flips++;
            }
        }
        if (flips < FLIPS_FOR_SUSPICION) {
            return java.util.Optional.empty();
        }
        long failures = failedInRun.stream().filter(b -> b).count();
        return java.util.Optional.of(new FlakyTest(test, 0.6, test + " flipped " + flips + " times in the last "
                + failedInRun.size() + " runs of the default branch (" + failures + " failures)"));
    }

}
