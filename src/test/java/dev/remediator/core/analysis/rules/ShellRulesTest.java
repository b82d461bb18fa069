package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.Location;

class ShellRulesTest {

    @Test
    void bashsErrorsArePlacedInTheScriptAndAnUnsetVariableSaysMostAboutThem() {
        JobAnalysis analysis = analyze("shell/bash-errors.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.CONFIGURATION);
        assertThat(first(analysis).rule()).isEqualTo("shell.unbound-variable");
        // the three error lines are one range: neighbours, and no step between them
        assertThat(first(analysis).start()).isEqualTo(2);
        assertThat(first(analysis).end()).isEqualTo(4);
        assertThat(analysis.locations())
                .contains(new Location("release.sh", 5, null), new Location("check.sh", 3, null));
    }
}
