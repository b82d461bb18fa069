package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class GoRulesTest {

    @Test
    void aFailedSubtestIsTheFailedTestAndItsMessageGivesNoLocation() {
        JobAnalysis analysis = analyze("go/test.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        assertThat(analysis.failingTests()).containsExactly("TestAdd/positive");
        assertThat(first(analysis).contains(2)).isTrue();
        // "calc_test.go:14" is relative to the package, not the repository
        assertThat(analysis.locations()).isEmpty();
    }

    @Test
    void aBuildErrorPointsAtItsSource() {
        JobAnalysis analysis = analyze("go/build.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.COMPILATION);
        assertThat(analysis.locations()).extracting(Object::toString).containsExactly("broken/broken.go:4:13");
    }
}
