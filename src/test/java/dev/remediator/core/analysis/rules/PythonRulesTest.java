package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.analyzeWith;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class PythonRulesTest {

    @Test
    void aSyntaxErrorIsACompilationErrorWhoseRangeIsItsWholeTraceback() {
        JobAnalysis analysis = analyze("python/collection_syntaxerror.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.COMPILATION);
        assertThat(first(analysis).rule()).isEqualTo("python.syntax-error");
        assertThat(first(analysis).start()).isEqualTo(43);
        assertThat(first(analysis).end()).isEqualTo(49);
        assertThat(analysis.locations()).extracting(Object::toString).contains("test/test_ops.py:49");
    }

    @Test
    void aMissingSharedLibraryIsADependencyFailure() {
        JobAnalysis analysis = analyze("python/python_importerror_missing_so.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.DEPENDENCY);
        assertThat(first(analysis).contains(32)).isTrue();
    }

    @Test
    void anExceptionRaisedByTheWorkflowsOwnScriptsIsAConfigurationProblem() {
        JobAnalysis analysis = analyze("python/ghstack_out_of_sync.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.CONFIGURATION);
        assertThat(first(analysis).rule()).isEqualTo("python.exception-in-workflow");
        assertThat(first(analysis).contains(35)).isTrue();
        assertThat(analysis.locations()).extracting(Object::toString).containsExactly(".github/scripts/trymerge.py:743");
    }

    @Test
    void anExceptionRaisedInTestCodeIsATestFailure() {
        JobAnalysis analysis = analyze("python/test_file_failed_wrapper.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        // the import error that failed the test file, before the wrapper's own "test_cuda 1/1 failed!"
        assertThat(first(analysis).contains(14)).isTrue();
    }

    @Test
    void aWheelThatDoesNotBuildIsADependencyFailure() {
        JobAnalysis analysis = analyze("python/pip_wheel_build_failure.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.DEPENDENCY);
        assertThat(first(analysis).contains(22)).isTrue();
    }

    @Test
    void unittestNamesItsFailuresClassAndMethod() {
        JobAnalysis analysis = analyzeWith("python/unittest.log", PythonRules::new);

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        assertThat(analysis.failingTests()).containsExactly("tests.test_fw_fingerprint.TestFwFingerprint#test_no_duplicate_fw_versions");
    }

    @Test
    void noseNamesItsFailuresModuleAndFunction() {
        JobAnalysis analysis = analyze("python/nose.log");

        assertThat(analysis.failingTests()).containsExactly("test.rosdistro_verify_test#test_verify_files_identical");
        assertThat(analysis.evidence()).anyMatch(e -> e.rule().equals("python.unittest-summary") && e.contains(42));
    }

    @Test
    void aTestModuleThatFailedToImportIsNamedByTheModule() {
        assertThat(analyze("python/unittest-import-failure.log").failingTests()).containsExactly("tests.test_detectron2", "tests.test_layer");
    }
}
