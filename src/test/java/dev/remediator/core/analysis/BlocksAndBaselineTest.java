package dev.remediator.core.analysis;

import static dev.remediator.core.analysis.LogSamples.analyze;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BlocksAndBaselineTest {

    private final LogAnalyzer analyzer = LogAnalyzer.standard();

    @Test
    void aSurefireFailureShowsItsAssertionAndTheFramesUpToTheProjectsOwnPlusAFew() {
        Evidence failure = first(analyze("junit/surefire-failure.log"));

        assertThat(failure.start()).isEqualTo(11);
        // line 13 is the assertion message, line 18 the test's own frame, 19-21 the three frames after it
        assertThat(failure.end()).isEqualTo(21);
        assertThat(failure.block()).extracting(Evidence.BlockLine::number).contains(13, 18, 21);
        assertThat(failure.block().get(2).text()).startsWith("org.opentest4j.AssertionFailedError");
        assertThat(failure.reason()).contains("first test failure").containsPattern("\\d+ stack frames left out");
    }

    @Test
    void aPytestFailureIsItsWholeSection() {
        Evidence failure = first(analyze("pytest/section-and-summary.log"));

        assertThat(failure.start()).isEqualTo(8);
        assertThat(failure.contains(27)).as("the E lines of the assertion").isTrue();
        assertThat(failure.contains(29)).as("where it failed").isTrue();
    }

    @Test
    void aCompilerErrorComesWithItsSourceLineCaretAndNotes() {
        Evidence error = first(analyze("gradle/compile-java.log"));

        assertThat(error.rule()).isEqualTo("jvm.compiler-error");
        assertThat(error.start()).isEqualTo(10);
        assertThat(error.end()).isEqualTo(14);
    }

    @Test
    void aBlockEndsAtABlankLine() throws IOException {
        JobAnalysis analysis = analyzeText("java.lang.IllegalStateException: boom\n\tat com.example.App.run(App.java:3)\n\n"
                + "unrelated output\n");

        assertThat(first(analysis).rule()).isEqualTo("jvm.exception");
        assertThat(first(analysis).start()).isEqualTo(1);
        assertThat(first(analysis).end()).isEqualTo(2);
    }

    @Test
    void aBinaryFileIsNotATextLog() throws IOException {
        byte[] elf = new byte[64 * 1024];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        byte[] words = "error: Segmentation fault, out of memory\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(words, 0, elf, 100, words.length);

        JobAnalysis analysis = analyzer.analyze(new ByteArrayInputStream(elf));

        assertThat(analysis.category()).isEqualTo(FailureCategory.UNKNOWN);
        assertThat(analysis.confidence()).isZero();
        assertThat(first(analysis).excerpt()).isEqualTo("not a text log");
        assertThat(analysis.bytes()).isEqualTo(elf.length);
    }

    @Test
    void linesThePassingRunAlsoPrintedWeighLessThanNewOnes() throws IOException {
        String passing = "2024-05-01T10:00:00.1234567Z error: cache miss for key a3f9c2e1b7 after 12ms\nok\n";
        String failing = "2024-06-02T11:30:00.7654321Z error: cache miss for key 99b1c0ffee after 7ms\n"
                + "step two\n"
                + "error: the database schema is newer than this build\n";

        JobAnalysis without = analyzeText(failing, null);
        JobAnalysis with = analyzeText(failing, PassingLog.read(new ByteArrayInputStream(passing.getBytes(StandardCharsets.UTF_8))));

        assertThat(first(without).start()).as("equal rules: the first error").isEqualTo(1);
        assertThat(first(with).start()).as("the new error first").isEqualTo(3);
        assertThat(first(with).reason()).contains("new since the passing run");
        assertThat(with.evidence()).filteredOn(e -> e.start() == 1 && e.rule().equals("generic.error-line")).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("also printed by the passing run"));
    }

    @Test
    void aPassingLogKeepsABoundedNumberOfLines() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < PassingLog.MAX_LINES + 5000; i++) {
            // words without digits: each line stays distinct once normalised
            StringBuilder word = new StringBuilder();
            for (int n = i; n > 0 || word.isEmpty(); n /= 26) {
                word.append((char) ('a' + n % 26));
            }
            log.append("line ").append(word).append('\n');
        }
        PassingLog passing = PassingLog.read(new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)));

        assertThat(passing.size()).isEqualTo(PassingLog.MAX_LINES);
    }

    private JobAnalysis analyzeText(String log) throws IOException {
        return analyzeText(log, null);
    }

    private JobAnalysis analyzeText(String log, PassingLog passing) throws IOException {
        return analyzer.analyze(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), passing);
    }
}
