package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class GitRulesTest {

    @Test
    void aRefThatDoesNotExistIsAConfigurationProblemWithItsRetriesInOneRange() {
        JobAnalysis analysis = analyze("git/checkout_ciflow_tag_missing.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.CONFIGURATION);
        assertThat(first(analysis).rule()).isEqualTo("git.missing-ref");
        assertThat(first(analysis).start()).isEqualTo(32);
        assertThat(first(analysis).contains(40)).isTrue();
    }

    @Test
    void aMergeConflictJoinsTheTracebackThatReportsIt() {
        JobAnalysis analysis = analyze("git/ghstack_cherry_pick.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.CONFIGURATION);
        assertThat(first(analysis).rule()).isEqualTo("git.merge-conflict");
        assertThat(first(analysis).contains(27)).isTrue();
        assertThat(first(analysis).contains(30)).isTrue();
    }

    @Test
    void aBuildThatLeavesTheCheckoutDirtyFailsItsCheckAndNotItsEchoedCommand() {
        JobAnalysis analysis = analyze("git/dirty_checkout.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.CONFIGURATION);
        assertThat(first(analysis).rule()).isEqualTo("git.dirty-tree");
        // line 13 is the "+ echo ..." of set -x; line 14 is what the script printed
        assertThat(first(analysis).start()).isEqualTo(14);
    }
}
