package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.analyzeWith;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class MavenRulesTest {

    @Test
    void theGoalThatFailedTellsWhatBroke() {
        JobAnalysis tests = analyzeWith("maven/surefire-goal.log", MavenRules::new);
        JobAnalysis checkstyle = analyzeWith("maven/checkstyle.log", MavenRules::new);
        JobAnalysis staging = analyzeWith("maven/nexus-staging.log", MavenRules::new);

        assertThat(tests.category()).isEqualTo(FailureCategory.TEST);
        assertThat(first(tests).rule()).isEqualTo("maven.goal-failed");
        assertThat(first(tests).contains(10)).isTrue();
        assertThat(checkstyle.category()).isEqualTo(FailureCategory.LINT);
        assertThat(staging.category()).isEqualTo(FailureCategory.CONFIGURATION);
    }

    @Test
    void aCompilerThatRefusesTheTargetReleaseIsTheWrongJdkNotACompilationError() {
        JobAnalysis analysis = analyze("maven/invalid-target-release.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.CONFIGURATION);
        assertThat(first(analysis).contains(10)).isTrue();
        assertThat(analyzeWith("maven/invalid-target-release.log", MavenRules::new).category())
                .isEqualTo(FailureCategory.CONFIGURATION);
    }

    @Test
    void dependenciesThatCannotBeResolvedAreADependencyFailure() {
        JobAnalysis analysis = analyze("maven/dependency-resolution.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.DEPENDENCY);
        assertThat(analysis.transientFailure()).isFalse();
        assertThat(first(analysis).rule()).isEqualTo("maven.dependency-resolution");
        assertThat(first(analysis).start()).isEqualTo(1);
        assertThat(first(analysis).end()).isEqualTo(2);
    }

    @Test
    void theBuildFailureBannerAloneSaysNothingOfWhy() {
        JobAnalysis analysis = analyzeWith("maven/surefire-goal.log", MavenRules::new);

        assertThat(analysis.evidence()).anyMatch(e -> e.rule().equals("maven.build-failure")
                && e.category() == FailureCategory.UNKNOWN && e.contains(5));
    }
}
