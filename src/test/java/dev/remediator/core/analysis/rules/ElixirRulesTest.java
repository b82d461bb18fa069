package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.analyzeText;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.Evidence;
import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.Location;

class ElixirRulesTest {

    @Test
    void anExUnitFailureIsItsNumberedTestWithTheAssertionAndStacktraceBelow() {
        JobAnalysis analysis = analyze("elixir/mix-test.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        Evidence failure = first(analysis);
        assertThat(failure.rule()).isEqualTo("exunit.failure");
        assertThat(failure.start()).isEqualTo(4);
        assertThat(failure.end()).isEqualTo(11);
        assertThat(analysis.failingTests()).containsExactly("FooTest#greets the world");
        assertThat(analysis.evidence()).anySatisfy(counts -> assertThat(counts.rule()).isEqualTo("exunit.counts"));
    }

    @Test
    void aCompileErrorIsPlaced() {
        JobAnalysis analysis = analyzeText("""
                Compiling 1 file (.ex)
                ** (CompileError) lib/foo.ex:3: undefined function bar/0 (there is no such import)
                """);

        assertThat(analysis.category()).isEqualTo(FailureCategory.COMPILATION);
        assertThat(analysis.locations()).containsExactly(new Location("lib/foo.ex", 3, null));
    }
}
