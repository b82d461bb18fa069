package dev.remediator.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.history.BrokenTrunk;
import dev.remediator.core.history.CommitChange;
import dev.remediator.core.history.Culprit;
import dev.remediator.core.history.FlakyTest;
import dev.remediator.core.history.RunRecord;
import dev.remediator.core.remediation.Policy.Verdict;

/** The planner's choices, one row per situation the planner tells apart. */
class RemediationPlannerTest {

    private static final RepositoryConfig AUTO = withMode(RepositoryConfig.Mode.AUTO, 5);
    private static final CommitChange CULPRIT = new CommitChange("c0ffee1234567", "Use the new parser", "alice",
            List.of(new CommitChange.ChangedFile("src/main/java/com/acme/Parser.java", "modified", null, 10, 2)));

    private static RepositoryConfig withMode(RepositoryConfig.Mode mode, int threshold) {
        RepositoryConfig d = RepositoryConfig.DEFAULTS;
        return new RepositoryConfig(mode, threshold, false, d.protectedPaths(), d.maxPrsPerDay(), d.approval(),
                d.failures(), d.drift(), d.notifications(), d.autoMerge(), d.commits(), d.llm());
    }

    /** A situation: what failed, where, what history knows. Defaults: a test failure on main, first attempt. */
    private record Situation(String branch, int attempt, boolean fork, FailureCategory category, boolean transientFailure,
            int failedJobs, List<FlakyTest> flaky, boolean brokenTrunk, Culprit culprit, String revertBlocked,
            RepositoryConfig config, int prsToday) {

        static Situation testFailureOnMain() {
            return new Situation("main", 1, false, FailureCategory.TEST, false, 1, List.of(), false, null, null, AUTO, 0);
        }

        Situation on(String b, int a) {
            return new Situation(b, a, fork, category, transientFailure, failedJobs, flaky, brokenTrunk, culprit,
                    revertBlocked, config, prsToday);
        }

        Situation failing(FailureCategory c, boolean t, int jobs) {
            return new Situation(branch, attempt, fork, c, t, jobs, flaky, brokenTrunk, culprit, revertBlocked, config,
                    prsToday);
        }

        Situation fromFork() {
            return new Situation(branch, attempt, true, category, transientFailure, failedJobs, flaky, brokenTrunk,
                    culprit, revertBlocked, config, prsToday);
        }

        Situation withHistory(List<FlakyTest> f, boolean broken, Culprit c, String blocked) {
            return new Situation(branch, attempt, fork, category, transientFailure, failedJobs, f, broken, c, blocked,
                    config, prsToday);
        }

        Situation with(RepositoryConfig c, int prs) {
            return new Situation(branch, attempt, fork, category, transientFailure, failedJobs, flaky, brokenTrunk,
                    culprit, revertBlocked, c, prs);
        }

        FailureCase toCase() {
            RunRecord run = new RunRecord(42, attempt, 7L, "5ha5ha5ha", branch, "failure", List.of("com.acme.ParserTest#parses"),
                    Instant.EPOCH);
            Optional<BrokenTrunk> broken = brokenTrunk ? Optional.of(new BrokenTrunk(
                    new RunRecord(41, 1, 7L, "base", "main", "failure", List.of("com.acme.ParserTest#parses"), Instant.EPOCH),
                    List.of("com.acme.ParserTest#parses"), "com.acme.ParserTest#parses already failed on main in run 41"))
                    : Optional.empty();
            return new FailureCase(run, "main", fork, false, failedJobs, 6,
                    new FailureCase.Verdict(category, 0.9, transientFailure, run.failingTests()),
                    new FailureCase.History(flaky, broken, Optional.ofNullable(culprit), Optional.ofNullable(revertBlocked)),
                    new FailureCase.Context(config, prsToday, Map.of(), false));
        }
    }

    static Stream<Arguments> situations() {
        Situation base = Situation.testFailureOnMain();
        Culprit sure = new Culprit(CULPRIT, 0.9, 1, List.of("the only commit since the last green run"));
        Culprit unsure = new Culprit(CULPRIT, 0.4, 9, List.of("touches Parser.java"));
        FlakyTest flaky = new FlakyTest("com.acme.ParserTest#parses", 0.9, "failed in run 42, passed in attempt 2");
        FlakyTest suspected = new FlakyTest("com.acme.ParserTest#parses", 0.6, "flipped 4 times in the last 10 runs");
        RepositoryConfig advisory = withMode(RepositoryConfig.Mode.ADVISORY, 5);
        RepositoryConfig lowThreshold = withMode(RepositoryConfig.Mode.AUTO, 1);
        return Stream.of(
                Arguments.of("transient infra failure, first attempt: re-run",
                        base.failing(FailureCategory.INFRASTRUCTURE, true, 1), RemediationAction.RERUN, Verdict.RUN),
                Arguments.of("transient failure again on attempt 2: explain, no second re-run",
                        base.on("main", 2).failing(FailureCategory.INFRASTRUCTURE, true, 1), RemediationAction.MANUAL_REVIEW, Verdict.SKIP),
                Arguments.of("transient failure of most jobs: too many for a blind re-run",
                        base.failing(FailureCategory.TIMEOUT, true, 5), RemediationAction.MANUAL_REVIEW, Verdict.SKIP),
                Arguments.of("transient failure in advisory mode: one re-run without asking, the default",
                        base.failing(FailureCategory.INFRASTRUCTURE, true, 1).with(advisory, 0), RemediationAction.RERUN, Verdict.RUN),
                Arguments.of("test failure on main, first attempt: confirm with one re-run",
                        base, RemediationAction.CONFIRM, Verdict.RUN),
                Arguments.of("flaky test proven at the same SHA: quarantine, asks above the threshold",
                        base.withHistory(List.of(flaky), false, null, null).with(lowThreshold, 0), RemediationAction.QUARANTINE, Verdict.ASK),
                Arguments.of("a test that only flipped lately, with a sure culprit: the culprit is reverted",
                        base.on("main", 2).withHistory(List.of(suspected), false, sure, null), RemediationAction.REVERT, Verdict.RUN),
                Arguments.of("a test that only flipped lately, no culprit: quarantine",
                        base.on("main", 2).withHistory(List.of(suspected), false, null, null), RemediationAction.QUARANTINE, Verdict.RUN),
                Arguments.of("a proven flaky test wins over a culprit",
                        base.on("main", 2).withHistory(List.of(flaky), false, sure, null), RemediationAction.QUARANTINE, Verdict.RUN),
                Arguments.of("test failure confirmed on attempt 2 with a sure culprit: revert",
                        base.on("main", 2).withHistory(List.of(), false, sure, null), RemediationAction.REVERT, Verdict.RUN),
                Arguments.of("compile error on main with a sure culprit: revert at once",
                        base.failing(FailureCategory.COMPILATION, false, 1).withHistory(List.of(), false, sure, null),
                        RemediationAction.REVERT, Verdict.RUN),
                Arguments.of("culprit of low confidence: named, not reverted",
                        base.on("main", 2).withHistory(List.of(), false, unsure, null), RemediationAction.MANUAL_REVIEW, Verdict.SKIP),
                Arguments.of("later commits touched the culprit's files: refused",
                        base.on("main", 2).withHistory(List.of(), false, sure, "later commits changed Parser.java"),
                        RemediationAction.MANUAL_REVIEW, Verdict.SKIP),
                Arguments.of("daily pull request limit reached: revert skipped",
                        base.on("main", 2).withHistory(List.of(), false, sure, null).with(AUTO, 5),
                        RemediationAction.REVERT, Verdict.SKIP),
                Arguments.of("pull request run failing like its base: broken trunk, explain",
                        base.on("feature", 1).withHistory(List.of(), true, null, null), RemediationAction.MANUAL_REVIEW, Verdict.SKIP),
                Arguments.of("test failure on a pull request: explain only",
                        base.on("feature", 1), RemediationAction.MANUAL_REVIEW, Verdict.SKIP),
                Arguments.of("fork pull request, even transient: never act",
                        base.on("feature", 1).failing(FailureCategory.INFRASTRUCTURE, true, 1).fromFork(),
                        RemediationAction.MANUAL_REVIEW, Verdict.SKIP),
                Arguments.of("culprit on a branch revert does not cover: explain",
                        base.on("release", 2).failing(FailureCategory.COMPILATION, false, 1)
                                .withHistory(List.of(), false, sure, null), RemediationAction.MANUAL_REVIEW, Verdict.SKIP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void choosesTheRemediationThePolicyAllows(String situation, Situation given, RemediationAction action, Verdict verdict) {
        List<PlannedRemediation> plan = new RemediationPlanner().plan(given.toCase());

        assertThat(plan).isNotEmpty();
        PlannedRemediation first = plan.get(0);
        assertThat(first.action()).as(situation).isEqualTo(action);
        assertThat(first.decision().verdict()).as(situation).isEqualTo(verdict);
        assertThat(first.explanation()).as("every case says why").isNotBlank();
        assertThat(first.decision().reason()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void riskStaysWithinZeroAndTen(String situation, Situation given, RemediationAction action, Verdict verdict) {
        new RemediationPlanner().plan(given.toCase())
                .forEach(p -> assertThat(p.risk().value()).isBetween(0.0, 10.0));
    }

    @Test
    void aTestQuarantinedAlreadyIsNeverProposedTwice() {
        FlakyTest flaky = new FlakyTest("com.acme.ParserTest#parses", 0.9, "failed in run 42, passed in attempt 2");
        FailureCase fresh = Situation.testFailureOnMain().withHistory(List.of(flaky), false, null, null).toCase();
        FailureCase.History history = fresh.history();
        FailureCase again = new FailureCase(fresh.run(), fresh.defaultBranch(), fresh.fromFork(), fresh.outsideAuthor(),
                fresh.failedJobs(), fresh.totalJobs(), fresh.verdict(), new FailureCase.History(history.flakyTests(),
                        history.brokenTrunk(), history.culprit(), history.revertBlocked(), history.culpritFix(),
                        Map.of("com.acme.ParserTest#parses", 12)), fresh.context());

        assertThat(new RemediationPlanner().plan(fresh)).extracting(PlannedRemediation::action)
                .containsExactly(RemediationAction.QUARANTINE);
        List<PlannedRemediation> plan = new RemediationPlanner().plan(again);
        assertThat(plan).extracting(PlannedRemediation::action).containsExactly(RemediationAction.MANUAL_REVIEW);
        assertThat(plan.get(0).explanation()).contains("Quarantined already", "tracking issue #12");
    }
}
