package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.Evidence;
import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class RubyRulesTest {

    @Test
    void anRSpecFailureIsItsNumberedExampleWithTheErrorsBelowIt() {
        JobAnalysis analysis = analyze("ruby/rspec.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        Evidence failure = first(analysis);
        assertThat(failure.rule()).isEqualTo("ruby.rspec-failure");
        assertThat(failure.start()).isEqualTo(700);
        // the first error and its exception
        assertThat(failure.contains(706)).isTrue();
    }

    @Test
    void aMinitestFailureIsItsHeadingTestAndMessage() {
        JobAnalysis analysis = analyze("ruby/raw_minitest_failures.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        assertThat(first(analysis).rule()).isEqualTo("ruby.minitest-failure");
        assertThat(first(analysis).start()).isEqualTo(279);
        assertThat(first(analysis).contains(281)).isTrue();
    }
}
