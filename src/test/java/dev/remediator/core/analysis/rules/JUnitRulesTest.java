package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.analyzeWith;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;

class JUnitRulesTest {

    @Test
    void surefireNamesTheFailedTestByItsClassAndMethod() {
        JobAnalysis analysis = analyzeWith("junit/surefire-failure.log", JUnitRules::new);

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        assertThat(first(analysis).contains(12)).isTrue();
        assertThat(analysis.failingTests()).containsExactly("com.alibaba.fastjson2.JSONReaderStrTest#test_UUID");
    }

    @Test
    void junit4NamesMethodOfClass() {
        assertThat(analyze("junit/junit4-names.log").failingTests())
                .containsExactly("ch.qos.logback.classic.sift.SiftingAppenderTest#compositePropertyShouldCombineWithinAndWithoutSiftElement");
    }

    @Test
    void aTestRerunThreeTimesIsOneFailedTestAndItsSummaryDoesNotAddTheMethodThatFailedEachRun() {
        JobAnalysis analysis = analyze("junit/surefire-rerun.log");

        assertThat(analysis.failingTests()).containsExactly("de.codecentric.boot.admin.server.cloud.AdminApplicationDiscoveryTest#lifecycle");
        assertThat(first(analysis).contains(6)).isTrue();
    }

    @Test
    void antPrintsTheVerdictOnTheLineAfterTheTestCase() {
        JobAnalysis analysis = analyze("junit/ant-testcase.log");

        assertThat(analysis.failingTests()).containsExactly("abstraction.FiliereParDefaultTest#testNext");
        assertThat(first(analysis).contains(16)).isTrue();
    }

    @Test
    void antMayPrintTheClassWithTheTestCase() {
        assertThat(analyze("junit/ant-testcase-inline.log").failingTests()).containsExactly("com.sun.jna.DirectCallbacksTest#testInvokeCallback");
    }

    @Test
    void theConsoleLauncherNamesFailuresByTheirMethodSource() {
        JobAnalysis analysis = analyze("junit/console-launcher.log");

        assertThat(analysis.failingTests()).hasSize(14)
                .startsWith("com.exedio.cope.vault.VaultFileServicePropertiesProbeTest#probeGroups")
                .contains("com.exedio.cope.vault.VaultFileServicePosixGroupTest#directoryStructure");
    }

    @Test
    void sbtNamesTheFailedTest() {
        assertThat(analyze("junit/sbt.log").failingTests()).containsExactly("basic.FooTest#failingTest");
    }

    @Test
    void aCountOfFailuresIsATestFailureEvenWithoutTheTestsName() {
        JobAnalysis analysis = analyze("junit/junitlauncher.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        assertThat(first(analysis).contains(8)).isTrue();
        assertThat(analysis.failingTests()).isEmpty();
    }
}
