package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.analyzeWith;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class PytestRulesTest {

    @Test
    void theShortSummaryNamesTheTestByNodeIdAndComesFirstAsTheLastMention() {
        JobAnalysis analysis = analyzeWith("pytest/section-and-summary.log", PytestRules::new);

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        assertThat(first(analysis).contains(35)).isTrue();
        assertThat(analysis.failingTests()).containsExactly("gammapy/irf/psf/tests/test_parametric.py::test_psf_king_containment_radius");
        assertThat(analysis.locations()).extracting(Object::toString).containsExactly("gammapy/irf/psf/tests/test_parametric.py:133");
    }

    @Test
    void withoutASummaryTheSectionNamesTheTestWithTheFileItsTracebackStartsIn() {
        JobAnalysis analysis = analyze("pytest/section-only.log");

        assertThat(first(analysis).start()).isEqualTo(7);
        assertThat(analysis.failingTests()).containsExactly("tests/integration/test_mongodb.py::TestMongoCache::test_ttl");
    }

    @Test
    void collectionErrorsNameTheModuleThatCouldNotBeCollected() {
        JobAnalysis analysis = analyze("pytest/collection-errors.log");

        assertThat(analysis.failingTests()).startsWith("test/unittests/audio/test_service.py", "test/unittests/audio/test_speech.py");
    }

    @Test
    void expectedFailuresAreNoFailures() {
        JobAnalysis analysis = analyze("pytest/xfail.log");

        assertThat(analysis.failingTests()).isEmpty();
        assertThat(analysis.category()).isEqualTo(FailureCategory.UNKNOWN);
    }

    @Test
    void aFailedNodeIdNamedByAnotherHarnessCountsLikeTheSummary() {
        JobAnalysis analysis = analyze("pytest/unittest_failed_consistently.log");

        assertThat(first(analysis).contains(29)).isTrue();
        assertThat(analysis.failingTests()).containsExactly(
                "test/dynamo/test_dynamic_shapes.py::DynamicShapesReproTests::test_vars_traced_correctly_under_compile_dynamic_shapes");
    }

    @Test
    void aSummaryWithADurationIsRead() {
        JobAnalysis analysis = analyze("pytest/pytest_failure.log");

        assertThat(first(analysis).contains(32)).isTrue();
        assertThat(analysis.failingTests()).containsExactly("distributed/test_c10d_spawn_gloo.py::TestDistributedNNFunctionsGloo::test_all_gather");
    }
}
