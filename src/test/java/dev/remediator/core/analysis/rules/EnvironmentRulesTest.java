package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.analyzeText;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class EnvironmentRulesTest {

    @Test
    void aDnsFailureIsATransientInfrastructureFailure() {
        JobAnalysis analysis = analyze("environment/uv_python_download_failed.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.INFRASTRUCTURE);
        assertThat(analysis.transientFailure()).isTrue();
        assertThat(first(analysis).rule()).isEqualTo("environment.network");
        assertThat(first(analysis).contains(32)).isTrue();
        assertThat(first(analysis).contains(37)).isTrue();
    }

    @Test
    void aRateLimitIsTransient() {
        JobAnalysis analysis = analyze("environment/gh_api_rate_limit.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.INFRASTRUCTURE);
        assertThat(analysis.transientFailure()).isTrue();
        assertThat(first(analysis).rule()).isEqualTo("environment.rate-limit");
        assertThat(first(analysis).contains(3)).isTrue();
    }

    @Test
    void runningOutOfGpuMemoryIsAResourceFailureARerunDoesNotFix() {
        JobAnalysis analysis = analyze("environment/cuda_oom_class.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.RESOURCE);
        assertThat(analysis.transientFailure()).isFalse();
        assertThat(first(analysis).contains(22)).isTrue();
        assertThat(analysis.locations()).extracting(Object::toString).containsExactly("benchmarks/dynamo/common.py:1718");
    }

    @Test
    void anImageThatDoesNotExistIsAConfigurationProblemWithItsRetriesInOneRange() {
        JobAnalysis analysis = analyze("environment/docker_manifest_unknown.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.CONFIGURATION);
        assertThat(first(analysis).rule()).isEqualTo("environment.missing-image");
        assertThat(first(analysis).start()).isLessThanOrEqualTo(32);
        assertThat(first(analysis).end()).isGreaterThanOrEqualTo(39);
    }

    @Test
    void aRoleThatMayNotWriteIsAConfigurationProblem() {
        JobAnalysis analysis = analyze("environment/s3_access_denied.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.CONFIGURATION);
        assertThat(first(analysis).rule()).isEqualTo("environment.permission");
        assertThat(first(analysis).contains(27)).isTrue();
    }

    @Test
    void aRunnerPodThatNeverStartsIsAnInfrastructureFailure() {
        JobAnalysis analysis = analyze("environment/infra_osdc_pod_failure.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.INFRASTRUCTURE);
        assertThat(first(analysis).rule()).isEqualTo("environment.runner-provisioning");
        assertThat(first(analysis).contains(8)).isTrue();
    }

    @Test
    void aWarningThatMentionsMemoryIsNoFailure() {
        JobAnalysis analysis = analyze("environment/warning-mentions-memory.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.UNKNOWN);
        assertThat(analysis.evidence()).noneMatch(e -> e.category() == FailureCategory.RESOURCE);
    }

    @Test
    void aFullDiskAndTheOomKillerAreRecognisedWhateverTheTool() {
        assertThat(analyzeText("write /var/lib/docker/tmp: no space left on device\nE: No space left on device\n").category())
                .isEqualTo(FailureCategory.INFRASTRUCTURE);
        JobAnalysis killed = analyzeText("c++: fatal error: Killed signal terminated program cc1plus\n");
        assertThat(killed.category()).isEqualTo(FailureCategory.RESOURCE);
        assertThat(killed.transientFailure()).isTrue();
    }
}
