package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.analyzeText;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.Evidence;
import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

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
}
