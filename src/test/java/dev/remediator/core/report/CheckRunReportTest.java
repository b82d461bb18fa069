package dev.remediator.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.remediator.core.assist.ModelExplanation;
import dev.remediator.core.assist.ModelReading;
import dev.remediator.core.analysis.Evidence;
import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.Location;
import dev.remediator.core.analysis.RunAnalysis;
import dev.remediator.core.config.ConfigProblem;
import dev.remediator.core.config.RepositoryConfig.Permission;
import dev.remediator.core.remediation.RemediationAction;
import dev.remediator.core.lifecycle.RemediationState;
import dev.remediator.core.remediation.RiskFactor;
import dev.remediator.core.remediation.RiskScore;

class CheckRunReportTest {

    private static final RunAnalysis ANALYSIS = RunAnalysis.merge(Map.of("build <script>", new JobAnalysis(
            FailureCategory.TEST, 0.9, false,
            List.of(new Evidence(10, 12, "junit.test-failure", FailureCategory.TEST, 0.9,
                    "FooTest.bar:12 expected token ghp_abcdefghijklmnopqrstuvwxyz0123456789 but `was`")),
            List.of("com.acme.FooTest#bar"), List.of(new Location("src/test/java/com/acme/FooTest.java", 12, null)),
            40, 4000)));

    private static RemediationView remediation(RemediationState state, long id) {
        return new RemediationView(id, RemediationAction.QUARANTINE, "com.acme.FooTest#bar", state,
                new RiskScore(List.of(new RiskFactor("action", 3, "skips a test"), new RiskFactor("confidence", 7.5, "unsure"))),
                "Flaky test.", "risk 10.0 is above the threshold of 3", Permission.ADMIN, Instant.parse("2026-11-22T10:00:00Z"),
                null, null, null);
    }

    private static RunReport report(RemediationView remediation, List<ConfigProblem> problems) {
        return new RunReport("octo-org/api", 42, 1, "CI", "5ha5ha5ha5ha", "main",
                "https://github.com/octo-org/api/actions/runs/42", ANALYSIS, null, List.of(remediation), problems,
                "octo-org/api:.github/remediator.yml", null);
    }

    @Test
    void buttonsStayWithinGitHubsLimitsEvenForLargeIds() {
        CheckRunReport.Rendered rendered = CheckRunReport.render(report(remediation(RemediationState.AWAITING_APPROVAL,
                9_999_999_999L), List.of()));

        assertThat(rendered.conclusion()).isEqualTo(CheckRunReport.Conclusion.ACTION_REQUIRED);
        assertThat(rendered.buttons()).hasSize(3).allSatisfy(button -> {
            assertThat(button.label()).hasSizeLessThanOrEqualTo(20);
            assertThat(button.identifier()).hasSizeLessThanOrEqualTo(20);
            assertThat(button.description()).hasSizeLessThanOrEqualTo(40);
        });
        assertThat(CheckRunReport.remediationId(rendered.buttons().get(0).identifier(), CheckRunReport.APPROVE))
                .isEqualTo(9_999_999_999L);
        assertThat(CheckRunReport.remediationId("approve-x", CheckRunReport.APPROVE)).isEqualTo(-1);
        assertThat(CheckRunReport.remediationId("reject-1", CheckRunReport.APPROVE)).isEqualTo(-1);
    }

    @ParameterizedTest
    @EnumSource(value = RemediationState.class, names = { "DONE", "REJECTED", "EXPIRED", "SKIPPED", "EXECUTING" })
    void onlyARemediationAwaitingADecisionHasButtons(RemediationState state) {
        assertThat(CheckRunReport.render(report(remediation(state, 7), List.of())).buttons()).isEmpty();
    }

    @Test
    void aFailedExecutionCanBeRetried() {
        assertThat(CheckRunReport.render(report(remediation(RemediationState.FAILED, 7), List.of())).buttons())
                .extracting(CheckRunReport.Button::label, CheckRunReport.Button::identifier)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Retry", "approve-7"),
                        org.assertj.core.groups.Tuple.tuple("Re-analyse", "reanalyse-7"));
    }

    @Test
    void logTextIsEscapedAndSecretsMaskedEverywhereItIsQuoted() {
        CheckRunReport.Rendered rendered = CheckRunReport.render(report(remediation(RemediationState.AWAITING_APPROVAL, 7),
                List.of()));

        assertThat(rendered.summary()).contains("build &lt;script&gt;").doesNotContain("<script>");
        assertThat(rendered.text()).doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789").contains("***");
        assertThat(rendered.annotations()).singleElement().satisfies(a -> {
            assertThat(a.path()).isEqualTo("src/test/java/com/acme/FooTest.java");
            assertThat(a.message()).doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789");
        });
    }

    @Test
    void eachJobsBlocksAreShownWithTheirLinesAndLongOnesFolded() {
        List<Evidence.BlockLine> trace = new java.util.ArrayList<>();
        trace.add(new Evidence.BlockLine(20, "java.lang.AssertionError: expected <b> but ``` was token ghp_abcdefghijklmnopqrstuvwxyz0123456789"));
        for (int line = 21; line <= 32; line++) {
            trace.add(new Evidence.BlockLine(line, "\tat com.acme.FooTest.bar(FooTest.java:" + line + ")"));
        }
        Evidence longBlock = new Evidence(20, 32, "junit.test-failure", FailureCategory.TEST, 0.9, "expected",
                "the first test failure in the log (junit.test-failure); 40 stack frames left out", trace);
        Evidence shortBlock = new Evidence(40, 41, "runner.exit-code", FailureCategory.UNKNOWN, 0.2, "exit code 1",
                "the failed step's exit code <b>", List.of(new Evidence.BlockLine(40, "make: *** [test] Error 1"),
                        new Evidence.BlockLine(41, "Process completed with exit code 1.")));
        RunAnalysis analysis = RunAnalysis.merge(Map.of("test", new JobAnalysis(FailureCategory.TEST, 0.9, false,
                List.of(longBlock, shortBlock), List.of(), List.of(), 50, 5000)));
        RunReport report = new RunReport("octo-org/api", 42, 1, "CI", "5ha5ha5ha5ha", "main",
                "https://github.com/octo-org/api/actions/runs/42", analysis, null, List.of(), List.of(),
                "octo-org/api:.github/remediator.yml", null);

        String text = CheckRunReport.render(report).text();

        assertThat(text).contains("<details><summary>lines 20–32 (junit.test-failure): the first test failure in the log")
                .contains("40 stack frames left out")
                .contains("20  java.lang.AssertionError: expected <b> but ``` was token ***")
                .contains("````\n")
                .doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789");
        // a short block is shown as it is, its reason escaped like any log text
        assertThat(text).contains("lines 40–41 (runner\\.exit\\-code): the failed step's exit code &lt;b&gt;\n\n```\n"
                + "40  make: *** [test] Error 1\n41  Process completed with exit code 1.\n```");
        assertThat(text.length()).isLessThanOrEqualTo(65_535);
    }

    @Test
    void aHighRiskAsksForAnAdminAndConfigProblemsAreListed() {
        CheckRunReport.Rendered rendered = CheckRunReport.render(report(remediation(RemediationState.AWAITING_APPROVAL, 7),
                List.of(new ConfigProblem("risk_threshold", "expected a whole number from 0 to 10, got 12"))));

        assertThat(rendered.title()).isEqualTo("Test failure · quarantine awaiting approval · risk 10.0");
        assertThat(rendered.summary()).contains("`admin` permission", "keeps its default, the rest applies");
        assertThat(rendered.text()).contains("## Configuration problems", "risk\\_threshold");
    }

    @Test
    void theStickyCommentCarriesItsMarkerAndStaysWithinGitHubsLimit() {
        String comment = StickyComment.render(report(remediation(RemediationState.DONE, 7), List.of()));
        assertThat(comment).startsWith(StickyComment.MARKER).hasSizeLessThanOrEqualTo(65_535);
    }

    @Test
    void aModelsReadingHasItsOwnHeadingItsWordsEscapedAndOnlyTheLinesItWasSent() {
        ModelExplanation explanation = new ModelExplanation("**Approved** by @octo-org/admins <b>now</b>",
                "see [here](https://evil.example)", 0.7,
                List.of(new ModelExplanation.Cited("build", 12, "error: token ghp_abcdefghijklmnopqrstuvwxyz0123456789")), 2);

        String reading = CheckRunReport.modelReading(ModelReading.of(explanation, "gpt-4o-mini", true));

        assertThat(reading).startsWith("### A model's reading, not verified\n\n<sub>Written by the language model "
                + "`gpt-4o-mini`").contains("Asked for an earlier run with the same failure", "**The model's confidence:** 70 %",
                "2 more lines it named were never sent to it, and left out");
        assertThat(reading).doesNotContain("**Approved**", "<b>", "](https://evil.example)", "@octo-org/admins",
                "ghp_abcdefghij");
        assertThat(CheckRunReport.modelReading(ModelReading.none("gpt-4o-mini", "the provider answered HTTP 503")))
                .isEqualTo("### A model's reading, not verified\n\nNo reading this time: the provider answered HTTP 503. "
                        + "The rule-based analysis above stands.\n\n");
        assertThat(CheckRunReport.modelReading(null)).isEmpty();
    }
}
