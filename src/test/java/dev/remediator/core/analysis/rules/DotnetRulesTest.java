package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.analyzeText;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.Evidence;
import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.Location;

class DotnetRulesTest {

    @Test
    void xUnitsFirstFailureComesFirstWithItsMessageAndStackTraceBehindTheTimes() {
        JobAnalysis analysis = analyze("dotnet/xunit-dotnet-test.log");

        assertThat(analysis.category()).isEqualTo(FailureCategory.TEST);
        Evidence failure = first(analysis);
        assertThat(failure.rule()).isEqualTo("dotnet.xunit-failure");
        assertThat(failure.start()).isEqualTo(7);
        // the message, the frames and the test's own line; not the next test
        assertThat(failure.contains(17)).isTrue();
        assertThat(failure.end()).isLessThan(20);
        String tests = "WindowLogger.Presentation.Tests.Forms.MainFormTests#";
        assertThat(analysis.failingTests()).containsExactly(tests + "RefreshActivityGrid_WithActivities_ShouldDisplayData",
                tests + "RefreshActivityGrid_WithEmptyLog_ShouldDisplayCorrectly");
        // VSTest's report of the same failure keeps its message and stack trace
        assertThat(analysis.evidence()).anySatisfy(vstest -> {
            assertThat(vstest.rule()).isEqualTo("dotnet.test-failure");
            assertThat(vstest.start()).isEqualTo(34);
            assertThat(vstest.contains(45)).isTrue();
        });
    }

    @Test
    void msbuildsCompilerAndRestoreErrorsSayWhatKindOfFailureTheyAre() {
        JobAnalysis compiler = analyzeText(
                "src/App/Program.cs(10,25): error CS0246: The type or namespace name 'Foo' could not be found"
                        + " [/src/App/App.csproj]\n");
        JobAnalysis restore = analyzeText(
                "/src/App/App.csproj : error NU1101: Unable to find package Foo. No packages exist with this id\n");

        assertThat(first(compiler).rule()).isEqualTo("dotnet.compiler-error");
        assertThat(compiler.category()).isEqualTo(FailureCategory.COMPILATION);
        assertThat(compiler.locations()).containsExactly(new Location("src/App/Program.cs", 10, 25));
        assertThat(restore.category()).isEqualTo(FailureCategory.DEPENDENCY);
    }
}
