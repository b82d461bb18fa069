package dev.remediator.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogLineTest {

    @ParameterizedTest
    @ValueSource(strings = { "[WARNING] Could not transfer metadata", "13:41:15.759 [main] WARN  c.a.S3Client - out of memory",
            "npm WARN deprecated request@2.88.2", "warning: unused variable `x`", "WARNING: Retrying (Retry(total=4))" })
    void aLineAtWarningLevelIsAWarning(String text) {
        assertThat(line(text, LogMarker.NONE).isWarning()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "[ERROR] Tests run: 3", "Warnings: 0", "DeprecationWarning: punycode", "3 warnings generated." })
    void otherLinesAreNot(String text) {
        assertThat(line(text, LogMarker.NONE).isWarning()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Failed to download action", "anything" })
    void theRunnersWarningMarkerMakesAWarning(String text) {
        assertThat(line(text, LogMarker.WARNING).isWarning()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "+ echo 'Build left local git repository checkout dirty'", "++ git status --porcelain" })
    void commandsEchoedBySetXAreShellTraces(String text) {
        assertThat(line(text, LogMarker.NONE).isShellTrace()).isTrue();
    }

    private static LogLine line(String text, LogMarker marker) {
        return new LogLine(1, text, marker, () -> "");
    }
}
