package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.analyzeText;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.Evidence;
import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class PhpRulesTest {

    @Test
    void aPHPUnitFailureIsItsNumberedTestWithTheAssertionDiffAndPlace() {
        JobAnalysis analysis = analyze("php/phpunit-failures.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        Evidence failure = first(analysis);
        assertThat(failure.rule()).isEqualTo("phpunit.failure");
        assertThat(failure.start()).isEqualTo(9);
        // the diff, the place after its blank line, and not the next failure
        assertThat(failure.contains(20)).isTrue();
        assertThat(failure.end()).isLessThan(22);
        assertThat(analysis.failingTests()).startsWith("FailureTest#testAssertArrayEqualsArray");
        // the next failure is a range of its own
        assertThat(analysis.evidence().get(1).start()).isEqualTo(22);
        assertThat(analysis.evidence().get(1).end()).isEqualTo(26);
    }

    @Test
    void composersUnresolvableRequirementsAreADependencyFailure() {
        JobAnalysis analysis = analyzeText("""
                Loading composer repositories with package information
                Your requirements could not be resolved to an installable set of packages.

                  Problem 1
                """);

        assertThat(analysis.category()).isEqualTo(FailureCategory.DEPENDENCY);
        assertThat(first(analysis).rule()).isEqualTo("composer.unresolvable");
    }
}
