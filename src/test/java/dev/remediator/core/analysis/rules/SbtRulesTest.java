package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.analyzeText;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.Evidence;
import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class SbtRulesTest {

    @Test
    void scalacsErrorComesFirstWithItsSourceLineAndCaretAndSbtsSummaryAfter() {
        JobAnalysis analysis = analyze("scala/sbt-compile-error.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.COMPILATION);
        Evidence error = first(analysis);
        assertThat(error.rule()).isEqualTo("jvm.compiler-error");
        assertThat(error.start()).isEqualTo(2);
        // the message's other lines, the source line and the caret; not the warnings after them
        assertThat(error.end()).isEqualTo(6);
        assertThat(analysis.evidence()).anySatisfy(summary -> assertThat(summary.rule()).startsWith("sbt."));
        assertThat(analysis.evidence()).allSatisfy(evidence -> assertThat(evidence.start()).isNotEqualTo(7));
    }

    @Test
    void aScalaTestFailureIsItsLineWithTheMessageIndentedBelow() {
        JobAnalysis analysis = analyzeText("""
                [info] StackSpec:
                [info] - should pop values in last-in-first-out order *** FAILED ***
                [info]   2 did not equal 1 (StackSpec.scala:11)
                [info] - should throw NoSuchElementException if an empty stack is popped
                """);

        assertThat(first(analysis).rule()).isEqualTo("scalatest.failure");
        assertThat(first(analysis).start()).isEqualTo(2);
        assertThat(first(analysis).end()).isEqualTo(3);
        assertThat(analysis.failingTests()).containsExactly("should pop values in last-in-first-out order");
    }
}
