package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class NativeBuildRulesTest {

    @Test
    void aGccErrorAndTheNinjaEdgeThatRanItMakeOneRange() {
        JobAnalysis analysis = analyze("native/compile_error.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.COMPILATION);
        assertThat(first(analysis).rule()).isEqualTo("native.compiler-error");
        assertThat(first(analysis).start()).isEqualTo(29);
        assertThat(first(analysis).contains(32)).isTrue();
        assertThat(analysis.locations()).extracting(Object::toString).containsExactly("torch/csrc/profiler/kineto_metadata.cpp:128:26");
    }

    @Test
    void msvcErrorsPointAtTheirSourceOnWindowsRunners() {
        JobAnalysis analysis = analyze("native/msvc_compiler_error.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.COMPILATION);
        // the first error, not the last one printed before the build stopped
        assertThat(first(analysis).contains(32)).isTrue();
        assertThat(analysis.locations()).extracting(Object::toString)
                .contains("third_party/kineto/libkineto/src/plugin/xpupti/XpuptiActivityProfilerSession.h:89");
    }

    @Test
    void aBuildStepWhoseToolIsMissingIsMisconfigured() {
        JobAnalysis analysis = analyze("native/ninja_build_failed.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.CONFIGURATION);
        assertThat(first(analysis).start()).isEqualTo(13);
        assertThat(first(analysis).end()).isEqualTo(15);
    }

    @Test
    void aCTestFailureIsItsLineWithTheTestsOutput() {
        JobAnalysis analysis = analyze("native/ctest.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        assertThat(first(analysis).rule()).isEqualTo("native.ctest-failure");
        assertThat(first(analysis).start()).isEqualTo(5);
        // the test's output; CTest's counts and list a few lines below join the range
        assertThat(first(analysis).contains(6)).isTrue();
        assertThat(analysis.failingTests()).containsExactly("format");
    }
}
