package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.analyzeText;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.Evidence;
import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.LogSamples;

class GenericRulesTest {

    @Test
    void aCommandKilledByTimeoutExitsWith124() {
        JobAnalysis analysis = analyze("generic/python_test_keyboardinterrupt.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.TIMEOUT);
        assertThat(analysis.transientFailure()).isTrue();
        assertThat(first(analysis).rule()).isEqualTo("generic.timeout-exit-code");
        assertThat(first(analysis).contains(32)).isTrue();
        assertThat(first(analysis).contains(37)).isTrue();
    }

    @Test
    void aTestProcessThatCrashedIsATestFailure() {
        JobAnalysis analysis = analyze("generic/test_file_signal_crash.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        assertThat(first(analysis).rule()).isEqualTo("generic.crash");
        assertThat(first(analysis).contains(5)).isTrue();
    }

    @Test
    void anUnknownToolsFailureIsFoundWhereItSaysSoAndTheLogsEndIsKept() {
        JobAnalysis analysis = analyze("generic/pr_time_benchmarks_regression.log");

        assertThat(first(analysis).rule()).isEqualTo("generic.error-word");
        assertThat(first(analysis).contains(32)).isTrue();
        assertThat(analysis.evidence()).anyMatch(e -> e.rule().equals("runner.log-end") && e.contains(61));
    }

    @Test
    void countsOfZeroWarningsAndEchoedCommandsAreNoFailure() {
        JobAnalysis analysis = analyzeText("""
                Tests run: 12, Failures: 0, Errors: 0, Skipped: 1
                0 failed, 12 passed
                [WARNING] error handling is deprecated
                + echo "error: not really"
                """);

        // a log cut off inside a step always keeps its last lines as context, and nothing else here
        assertThat(analysis.evidence()).extracting(Evidence::rule).containsOnly("runner.log-end");
    }

    @Test
    void whenNoSpecificRuleExplainsAFailedStepItsLastErrorLikeLineComesFirst() {
        JobAnalysis analysis = LogSamples.analyzeText("""
                ##[group]Run ./package.sh
                ./package.sh
                ##[endgroup]
                error: could not read the version file, using 0.0.0
                packaging 12 files
                Error: the signing key has expired
                cleaning up
                ##[error]Process completed with exit code 1.
                ##[group]Run ./upload.sh
                ./upload.sh
                ##[endgroup]
                """);

        Evidence first = LogSamples.first(analysis);
        assertThat(first.rule()).isEqualTo("generic.failed-step-error");
        assertThat(first.excerpt()).isEqualTo("Error: the signing key has expired");
        assertThat(first.contains(6)).isTrue();
        assertThat(first.reason()).startsWith("the failed step's last error-like line");
    }

    @Test
    void aFailedStepThatASpecificRuleExplainsKeepsThatRulesEvidenceFirst() {
        JobAnalysis analysis = LogSamples.analyzeText("""
                ##[group]Run go test ./...
                go test ./...
                ##[endgroup]
                --- FAIL: TestParse (0.00s)
                    parse_test.go:12: got 1, want 2
                error: 1 test failed
                ##[error]Process completed with exit code 1.
                """);

        assertThat(LogSamples.first(analysis).rule()).isEqualTo("go.test-failure");
        assertThat(analysis.evidence()).noneMatch(evidence -> evidence.rule().equals("generic.failed-step-error"));
    }
}
