package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class GradleRulesTest {

    @Test
    void aFailedCompileTaskAndItsExplanationAreACompilationFailure() {
        JobAnalysis analysis = analyze("gradle/compile-java.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.COMPILATION);
        assertThat(first(analysis).rule()).isEqualTo("jvm.compiler-error");
        assertThat(analysis.evidence()).anyMatch(e -> e.rule().equals("gradle.what-went-wrong") && e.contains(29));
        assertThat(analysis.locations()).extracting(Object::toString)
                .containsExactly("src/main/java/emu/grasscutter/game/dungeons/challenge/DungeonChallenge.java:91");
    }

    @Test
    void aFailedFormattingCheckIsLint() {
        JobAnalysis analysis = analyze("gradle/spotless.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.LINT);
        assertThat(analysis.evidence()).anyMatch(e -> e.rule().equals("gradle.task-failed") && e.contains(6));
    }

    @Test
    void testsInNestedClassesAreNamedWithDollars() {
        JobAnalysis analysis = analyze("gradle/nested-test.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        assertThat(first(analysis).contains(6)).isTrue();
        assertThat(analysis.failingTests()).containsExactly("UserEndpointTest$GetUserDetail#shouldResponseErrorIfUserNotFound");
    }

    @Test
    void parameterisedTestsAreNamedByTheirQualifiedInvocation() {
        JobAnalysis analysis = analyze("gradle/parameterised-tests.log");

        assertThat(analysis.failingTests()).containsExactly(
                "org.apache.poi.ss.formula.eval.TestFormulasFromSpreadsheet#processFunctionRow(String, int, int)[48]",
                "org.apache.poi.ss.formula.eval.TestFormulasFromSpreadsheet#processFunctionRow(String, int, int)[135]",
                "TestMathX#testFloor", "TestMathX#testCeiling");
    }

    @Test
    void aTestPrintedWithItsQualifiedClassIsSplitIntoClassAndMethod() {
        JobAnalysis analysis = analyze("gradle/qualified-test.log");

        assertThat(analysis.failingTests()).containsExactly("picard.sam.SamErrorMetric.CollectSamErrorMetricsTest#samMetricsProvider");
    }
}
