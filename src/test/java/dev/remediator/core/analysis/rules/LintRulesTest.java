package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.analyzeWith;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class LintRulesTest {

    @Test
    void eslintsProblemsArePlacedInTheFileNamedOnTheLineBeforeThem() {
        JobAnalysis analysis = analyzeWith("lint/eslint.log", LintRules::new);

        assertThat(analysis.category()).isEqualTo(FailureCategory.LINT);
        assertThat(analysis.locations()).extracting(Object::toString)
                .containsExactly("src/app.js:1:7", "src/app.js:1:17", "src/app.js:2:16", "src/app.js:3:21");
    }

    @Test
    void flake8sProblemsArePlaced() {
        JobAnalysis analysis = analyze("lint/flake8.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.LINT);
        assertThat(analysis.locations()).extracting(Object::toString).startsWith("sahi/predict.py:124:1");
    }

    @Test
    void lintrunnersLastReportComesFirst() {
        JobAnalysis analysis = analyze("lint/lint_lintrunner.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.LINT);
        assertThat(first(analysis).start()).isEqualTo(194);
    }

    @Test
    void aLinterThatCrashedIsALintFailure() {
        assertThat(analyze("lint/lintrunner_general_failure.log").category()).isEqualTo(FailureCategory.LINT);
        JobAnalysis crashed = analyze("lint/python_runtimeerror.log");
        assertThat(crashed.category()).isEqualTo(FailureCategory.LINT);
        assertThat(first(crashed).contains(32)).isTrue();
    }

    @Test
    void spotlessFormatViolationsAreLint() {
        JobAnalysis analysis = analyzeWith("gradle/spotless.log", LintRules::new);

        assertThat(analysis.category()).isEqualTo(FailureCategory.LINT);
        assertThat(analysis.evidence()).anyMatch(e -> e.contains(16)).anyMatch(e -> e.contains(75));
    }

    @Test
    void ruboCopsOffencesArePlacedAndTheFirstComesFirst() {
        JobAnalysis analysis = analyze("lint/rubocop.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.LINT);
        assertThat(first(analysis).rule()).isEqualTo("lint.problem");
        assertThat(first(analysis).start()).isEqualTo(6);
        assertThat(analysis.locations()).extracting(Object::toString).startsWith("Gemfile:4:1", "Gemfile:50:81");
    }

    @Test
    void golangciLintsProblemsComeWithTheirSourceLineAndCaret() {
        JobAnalysis analysis = analyze("lint/golangci-lint.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.LINT);
        assertThat(first(analysis).start()).isEqualTo(1);
        assertThat(first(analysis).end()).isEqualTo(3);
        assertThat(analysis.locations()).extracting(Object::toString).startsWith("fmts/fmt_test.go:42:21");
    }

    @Test
    void checkstylesPlainProblemsArePlaced() {
        JobAnalysis analysis = analyze("lint/checkstyle-plain.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.LINT);
        assertThat(first(analysis).rule()).isEqualTo("lint.problem");
        assertThat(first(analysis).start()).isEqualTo(3);
        assertThat(analysis.locations()).extracting(Object::toString)
                .containsExactly("byte-buddy-dep/src/main/java/net/bytebuddy/matcher/HasSuperTypeMatcher.java:24:8");
    }
}
