package dev.remediator.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FlakyTestFinderTest {

    private final FlakyTestFinder finder = new FlakyTestFinder();

    private static RunRecord run(long id, int attempt, String sha, String conclusion, String... failing) {
        return new RunRecord(id, attempt, 7L, sha, "main", conclusion, List.of(failing), Instant.EPOCH);
    }

    @Test
    void aTestThatFailedAndPassedAtTheSameShaIsFlaky() {
        RunRecord failed = run(100, 1, "abc1234def", "failure", "com.acme.CacheTest#expires");
        RunRecord rerun = run(100, 2, "abc1234def", "success");

        List<FlakyTest> flaky = finder.find(failed, List.of(failed, rerun), List.of());

        assertThat(flaky).singleElement().satisfies(test -> {
            assertThat(test.name()).isEqualTo("com.acme.CacheTest#expires");
            assertThat(test.confidence()).isGreaterThanOrEqualTo(0.9);
            assertThat(test.evidence()).contains("run 100 (attempt 2)", "abc1234");
        });
    }

    @Test
    void aGreenRunOfAnotherWorkflowOrAnotherShaProvesNothing() {
        RunRecord failed = run(100, 1, "abc", "failure", "t1");
        RunRecord otherSha = run(101, 1, "def", "success");
        RunRecord otherWorkflow = new RunRecord(102, 1, 8L, "abc", "main", "success", List.of(), Instant.EPOCH);

        assertThat(finder.find(failed, List.of(otherSha, otherWorkflow), List.of())).isEmpty();
    }

    @Test
    void aTestFailingAgainOnTheRerunIsNotFlaky() {
        RunRecord failed = run(100, 1, "abc", "failure", "t1");
        RunRecord again = run(100, 2, "abc", "failure", "t1");
        assertThat(finder.find(failed, List.of(failed, again), List.of())).isEmpty();
    }

    @Test
    void aTestFlippingOftenOnTheBranchIsSuspected() {
        List<RunRecord> recent = new ArrayList<>();
        String[] pattern = { "failure", "success", "failure", "success", "success", "failure" };
        for (int i = 0; i < pattern.length; i++) {
            recent.add("failure".equals(pattern[i]) ? run(200 + i, 1, "s" + i, "failure", "t1")
                    : run(200 + i, 1, "s" + i, "success"));
        }
        RunRecord failed = run(300, 1, "new", "failure", "t1", "t2");

        List<FlakyTest> flaky = finder.find(failed, List.of(), recent);

        assertThat(flaky).extracting(FlakyTest::name).containsExactly("t1");
        assertThat(flaky.get(0).confidence()).isLessThan(0.9);
        assertThat(flaky.get(0).evidence()).contains("flipped 4 times");
    }

    @Test
    void aTestFailingInEveryRecentRunOfTheBranchIsBrokenNotFlakyEvenWithAPassingRerun() {
        RunRecord failed = run(300, 1, "new", "failure", "t1");
        RunRecord rerun = run(300, 2, "new", "success");
        List<RunRecord> everyRunRed = List.of(failed, run(299, 1, "s2", "failure", "t1"), run(298, 1, "s1", "failure", "t1"));

        assertThat(finder.find(failed, List.of(failed, rerun), everyRunRed)).isEmpty();
        assertThat(finder.find(failed, List.of(failed, rerun), everyRunRed.subList(0, 2)))
                .as("two red runs are too few to call it broken").extracting(FlakyTest::name).containsExactly("t1");
        assertThat(finder.find(failed, List.of(failed, rerun), List.of(failed, run(299, 1, "s2", "success"),
                run(298, 1, "s1", "failure", "t1")))).as("one green run among them").hasSize(1);
    }

    @Test
    void brokenTrunkIsTheSameFailureOnTheBaseBranch() {
        RunRecord pr = new RunRecord(400, 1, 7L, "prsha", "feature", "failure", List.of("t1", "t9"), Instant.EPOCH);
        RunRecord baseRed = run(390, 1, "base", "failure", "t1");
        assertThat(BrokenTrunk.find(pr, List.of(baseRed))).get().satisfies(b -> {
            assertThat(b.sharedTests()).containsExactly("t1");
            assertThat(b.evidence()).contains("already failed on main", "run 390");
        });
        assertThat(BrokenTrunk.find(pr, List.of(run(395, 1, "b2", "success"), baseRed))).isEmpty();
        assertThat(BrokenTrunk.find(pr, List.of(run(391, 1, "b3", "failure", "t5")))).isEmpty();
    }
}
