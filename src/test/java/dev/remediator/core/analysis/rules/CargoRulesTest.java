package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class CargoRulesTest {

    @Test
    void aRustcErrorAndItsArrowPointAtTheSource() {
        JobAnalysis analysis = analyze("cargo/build.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.COMPILATION);
        assertThat(first(analysis).rule()).isEqualTo("rust.compile-error");
        assertThat(first(analysis).start()).isEqualTo(2);
        assertThat(analysis.locations()).extracting(Object::toString).containsExactly("src/lib.rs:2:12");
    }

    @Test
    void clippysLintsAreLintThoughTheyLookLikeCompileErrors() {
        JobAnalysis analysis = analyze("cargo/clippy.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.LINT);
        assertThat(first(analysis).rule()).isEqualTo("rust.clippy");
        assertThat(analysis.locations()).extracting(Object::toString).containsExactly("src/lib.rs:2:5", "src/lib.rs:5:20");
    }

    @Test
    void aFailedTestIsNamedAsCargoPrintsItAndItsPanicPlacesIt() {
        JobAnalysis analysis = analyze("cargo/test.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        assertThat(analysis.failingTests()).containsExactly("tests::it_works");
        assertThat(first(analysis).start()).isEqualTo(7);
        assertThat(analysis.locations()).extracting(Object::toString).containsExactly("src/lib.rs:12:9");
    }

    @Test
    void rustfmtsDiffIsAFormattingFailure() {
        JobAnalysis analysis = analyze("cargo/fmt.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.LINT);
        assertThat(first(analysis).rule()).isEqualTo("rust.rustfmt");
    }
}
