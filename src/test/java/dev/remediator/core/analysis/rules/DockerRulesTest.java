package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.Evidence;
import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class DockerRulesTest {

    @Test
    void aFailedBuildStepIsItsErrorLineAndTheBoxOfItsOutput() {
        JobAnalysis analysis = analyze("docker/buildx-run-failed.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.CONFIGURATION);
        // what the step's command printed in the box says most: here, a command not found
        Evidence step = first(analysis);
        assertThat(step.rule()).isEqualTo("environment.command-not-found");
        assertThat(step.start()).isEqualTo(8);
        // the step's output, up to the box's closing line and not beyond
        assertThat(step.end()).isEqualTo(11);
    }
}
