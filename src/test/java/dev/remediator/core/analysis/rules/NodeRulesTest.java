package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class NodeRulesTest {

    @Test
    void npmThatCannotResolveTheDependencyTreeIsADependencyFailureEvenInsideDockerCompose() {
        JobAnalysis analysis = analyze("node/compose-eresolve.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.DEPENDENCY);
        assertThat(first(analysis).rule()).isEqualTo("node.dependency");
        assertThat(analysis.evidence()).anyMatch(e -> e.contains(7));
    }

    @Test
    void aPackageThatCannotBeFoundIsADependencyFailure() {
        JobAnalysis analysis = analyze("node/missing-module.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.DEPENDENCY);
        assertThat(first(analysis).contains(8)).isTrue();
    }

    @Test
    void typescriptErrorsPointAtTheirSourceInBothForms() {
        JobAnalysis plain = analyze("node/tsc.log");
        JobAnalysis pretty = analyze("node/tsc-pretty.log");

        assertThat(plain.category()).isEqualTo(FailureCategory.COMPILATION);
        assertThat(pretty.category()).isEqualTo(FailureCategory.COMPILATION);
        assertThat(plain.locations()).extracting(Object::toString).containsExactly("src/index.ts:2:7", "src/index.ts:6:3");
        assertThat(pretty.locations()).isEqualTo(plain.locations());
    }
}
