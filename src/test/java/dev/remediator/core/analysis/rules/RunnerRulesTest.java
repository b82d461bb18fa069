package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.first;
import static dev.remediator.core.analysis.LogSamples.analyzeText;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.Evidence;
import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class RunnerRulesTest {

    @Test
    void aCancelledOperationIsCancelledAndNotWorthARerun() {
        JobAnalysis analysis = analyze("runner/gha_operation_canceled.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.CANCELLED);
        assertThat(analysis.transientFailure()).isFalse();
        assertThat(first(analysis).rule()).isEqualTo("runner.cancelled");
        assertThat(first(analysis).contains(32)).isTrue();
    }

    @Test
    void aRunnerShutdownIsAnInfrastructureFailureThatARerunFixes() {
        JobAnalysis analysis = analyze("runner/gha_cancellation_shutdown.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.INFRASTRUCTURE);
        assertThat(analysis.transientFailure()).isTrue();
        assertThat(first(analysis).rule()).isEqualTo("runner.shutdown-signal");
        assertThat(first(analysis).contains(16)).isTrue();
    }

    @Test
    void aStepInterruptedBySigintWasCancelled() {
        JobAnalysis analysis = analyze("runner/gha_catchall_sigint.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.CANCELLED);
        assertThat(first(analysis).rule()).isEqualTo("runner.interrupted");
        assertThat(first(analysis).contains(33)).isTrue();
    }

    @Test
    void anActionThatRanOutOfTimeTimedOutEvenAfterErrorsInItsOutput() {
        JobAnalysis analysis = analyze("runner/gha_timeout.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.TIMEOUT);
        assertThat(analysis.transientFailure()).isTrue();
        assertThat(first(analysis).rule()).isEqualTo("runner.timeout");
        assertThat(first(analysis).contains(32)).isTrue();
        assertThat(first(analysis).excerpt()).isEqualTo("The action 'Test' has timed out after 360 minutes.");
    }

    @Test
    void theStepThatFailedFirstExplainsTheJobNotTheUploadThatFailedAfterIt() {
        JobAnalysis analysis = analyze("runner/artifact_not_found.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.CONFIGURATION);
        assertThat(first(analysis).rule()).isEqualTo("runner.missing-artifact");
        assertThat(first(analysis).contains(3)).isTrue();
        Evidence upload = analysis.evidence().stream().filter(e -> e.contains(42)).findFirst().orElseThrow();
        assertThat(upload.confidence()).isLessThan(first(analysis).confidence());
    }

    @Test
    void whenNoRuleKnowsTheToolTheFailedStepsLastOutputIsTheEvidence() {
        JobAnalysis analysis = analyze("runner/pr_sanity_exit_code_only.log");

        assertThat(first(analysis).rule()).isEqualTo("runner.failed-step");
        assertThat(first(analysis).contains(26)).isTrue();
        assertThat(first(analysis).end()).isEqualTo(32);
        assertThat(analysis.category()).isEqualTo(FailureCategory.UNKNOWN);
    }

    @Test
    void whatAStepThatWentOnToSucceedPrintedWeighsLessThanTheFailedStepsOutput() {
        JobAnalysis analysis = analyzeText("""
                ##[group]Run flake8 --exit-zero .
                flake8 --exit-zero .
                ##[endgroup]
                app/models.py:12:1: E302 expected 2 blank lines, found 1
                ##[group]Run pytest -q
                pytest -q
                ##[endgroup]
                FAILED tests/test_models.py::test_save - AssertionError: assert 1 == 2
                1 failed, 3 passed in 0.12s
                ##[error]Process completed with exit code 1.
                """);

        assertThat(first(analysis).rule()).isEqualTo("pytest.failed");
        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        assertThat(analysis.evidence()).anySatisfy(lint -> {
            assertThat(lint.rule()).isEqualTo("lint.problem");
            assertThat(lint.confidence()).isLessThan(0.7);
        });
    }
}
