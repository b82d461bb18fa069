package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.Evidence;
import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.Location;

class TerraformRulesTest {

    @Test
    void aBoxedErrorIsItsWholeBoxAndTheFirstComesFirst() {
        JobAnalysis analysis = analyze("terraform/validate.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.CONFIGURATION);
        Evidence error = first(analysis);
        assertThat(error.rule()).isEqualTo("terraform.error");
        assertThat(error.start()).isEqualTo(2);
        // the place, the source line and the explanation, blank bordered lines included; not the next box
        assertThat(error.end()).isEqualTo(8);
        assertThat(analysis.evidence()).anySatisfy(next -> assertThat(next.start()).isEqualTo(11));
        assertThat(analysis.locations())
                .containsExactly(new Location("main.tf", 7, null), new Location("main.tf", 13, null));
    }

    @Test
    void anUnboxedErrorRunsFromItsSummaryToItsSourceLine() {
        JobAnalysis analysis = analyze("terraform/validate-no-color.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.CONFIGURATION);
        assertThat(first(analysis).rule()).isEqualTo("terraform.error");
        assertThat(first(analysis).start()).isEqualTo(9);
        assertThat(first(analysis).contains(12)).isTrue();
    }
}
