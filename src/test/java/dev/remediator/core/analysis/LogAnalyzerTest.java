package dev.remediator.core.analysis;

import static dev.remediator.core.analysis.LogSamples.analyzeText;
import static dev.remediator.core.analysis.LogSamples.first;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.remediator.core.text.SecretMasker;

class LogAnalyzerTest {

    private final LogAnalyzer analyzer = LogAnalyzer.standard();

    @Test
    void anEmptyLogExplainsNothing() {
        JobAnalysis analysis = analyzeText("");

        assertThat(analysis.category()).isEqualTo(FailureCategory.UNKNOWN);
        assertThat(analysis.confidence()).isZero();
        assertThat(analysis.evidence()).isEmpty();
        assertThat(analysis.lines()).isZero();
        assertThat(analysis.bytes()).isZero();
    }

    @Test
    void evidenceLinesAreNumberedFromOneInTheOriginalLog() {
        JobAnalysis analysis = analyzeText("compiling\nlinking\nNo space left on device\ncleaning up\n");

        assertThat(first(analysis).start()).isEqualTo(3);
        assertThat(first(analysis).end()).isEqualTo(3);
        assertThat(analysis.lines()).isEqualTo(4);
    }

    @Test
    void aLastLineWithoutNewlineIsRead() {
        JobAnalysis analysis = analyzeText("compiling\nNo space left on device");

        assertThat(first(analysis).start()).isEqualTo(2);
        assertThat(analysis.lines()).isEqualTo(2);
    }

    @Test
    void runnerTimestampsColoursCarriageReturnsAndMarkersAreUnderstood() {
        String log = "\uFEFF2024-05-01T10:00:00.1234567Z Run tests\r\n"
                + "2024-05-01T10:00:01.1234567Z \u001b[31mNo space\u001b[0m left on \u001b]8;;https://x\u0007device\r\n"
                + "2024-05-01T10:00:02.1234567Z ##[error]Process completed with exit code 1.\r\n";

        JobAnalysis analysis = analyzeText(log);

        assertThat(analysis.category()).isEqualTo(FailureCategory.INFRASTRUCTURE);
        assertThat(first(analysis).rule()).isEqualTo("environment.disk-full");
        assertThat(first(analysis).excerpt()).isEqualTo("No space left on device");
        // the runner's exit code right after the error, and the failed step's last output, belong to its chunk
        assertThat(first(analysis).contains(2)).isTrue();
        assertThat(first(analysis).end()).isEqualTo(3);
    }

    @Test
    void binaryGarbageGivesAnAnswer() throws IOException {
        byte[] garbage = new byte[3 << 20];
        new Random(42).nextBytes(garbage);
        long newlines = countNewlines(garbage);

        JobAnalysis analysis = analyzer.analyze(new ByteArrayInputStream(garbage));

        boolean endsWithNewline = garbage[garbage.length - 1] == '\n';
        assertThat(analysis.lines()).isEqualTo(newlines + (endsWithNewline ? 0 : 1));
        assertThat(analysis.bytes()).isEqualTo(garbage.length);
    }

    @Test
    void anExecutableIsNotATextLogWhateverWordsItHolds() throws IOException {
        ByteArrayOutputStream executable = new ByteArrayOutputStream();
        // an ELF header, as /usr/bin/ls starts, then the zeros and strings of its sections
        executable.write(new byte[] { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0 });
        executable.write(new byte[4096]);
        executable.write("memory exhausted\0Killed\0error: cannot access\0FAILED\n".getBytes(StandardCharsets.UTF_8));

        JobAnalysis analysis = analyzer.analyze(new ByteArrayInputStream(executable.toByteArray()));

        assertThat(analysis.category()).isEqualTo(FailureCategory.UNKNOWN);
        assertThat(analysis.confidence()).isZero();
        assertThat(first(analysis).rule()).isEqualTo("input.not-text");
        assertThat(first(analysis).reason()).startsWith("not a text log");
    }

    @Test
    void aVerdictIsAsConfidentAsItsRuleIsSpecific() {
        JobAnalysis specific = analyzeText("--- FAIL: TestParse (0.00s)\n    parse_test.go:12: got 1, want 2\nFAIL\n");
        JobAnalysis generic = analyzeText("the tests failed, see above\n");

        assertThat(specific.category()).isEqualTo(FailureCategory.TEST);
        assertThat(generic.category()).isEqualTo(FailureCategory.TEST);
        assertThat(specific.confidence()).isGreaterThan(generic.confidence() + 0.2);
    }

    @Test
    void aTenMegabyteLineIsReadAsOneLineWithoutHanging() {
        byte[] line = new byte[10 << 20];
        Arrays.fill(line, (byte) 'x');
        byte[] start = "Error: out of memory while linking ".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, line, 0, start.length);

        JobAnalysis analysis = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> analyzer.analyze(new ByteArrayInputStream(line)));

        assertThat(analysis.lines()).isEqualTo(1);
        assertThat(first(analysis).rule()).isEqualTo("environment.out-of-memory");
        assertThat(first(analysis).excerpt()).hasSizeLessThanOrEqualTo(LogScan.MAX_EXCERPT + 1);
    }

    @Test
    void aLongLineTrickledFromTheNetworkIsSearchedForItsEndOnce() throws IOException {
        // a few bytes per read, as a slow connection gives them: searching the whole line again at every read took
        // over a minute for this log
        byte[] log = concat(filler(LogScan.BUFFER_SIZE - 10, (byte) 'y'),
                "\nNo space left on device\n".getBytes(StandardCharsets.UTF_8));

        JobAnalysis analysis = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> analyzer.analyze(new Trickle(new ByteArrayInputStream(log))));

        assertThat(first(analysis).rule()).isEqualTo("environment.disk-full");
        assertThat(first(analysis).start()).isEqualTo(2);
    }

    @Test
    void aLineLongerThanTheBufferDoesNotShiftTheLinesAfterIt() throws IOException {
        byte[] log = concat(filler(3 << 20, (byte) 'y'), "\nok\nNo space left on device\n".getBytes(StandardCharsets.UTF_8));

        JobAnalysis analysis = analyzer.analyze(new ByteArrayInputStream(log));

        assertThat(first(analysis).start()).isEqualTo(3);
        assertThat(analysis.lines()).isEqualTo(3);
    }

    @Test
    void aKeywordAcrossTheBufferBoundaryIsFound() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int lines = 0;
        while (log.size() < LogScan.BUFFER_SIZE - 10) {
            log.writeBytes("all good here\n".getBytes(StandardCharsets.UTF_8));
            lines++;
        }
        log.writeBytes("No space left on device\n".getBytes(StandardCharsets.UTF_8));

        JobAnalysis analysis = analyzer.analyze(new ByteArrayInputStream(log.toByteArray()));

        assertThat(first(analysis).start()).isEqualTo(lines + 1);
        assertThat(first(analysis).rule()).isEqualTo("environment.disk-full");
    }

    @Test
    void aStreamThatTricklesGivesTheSameAnswerAsOneThatDoesNot() throws IOException {
        byte[] log = sample("junit/surefire-rerun.log");

        JobAnalysis whole = analyzer.analyze(new ByteArrayInputStream(log));
        JobAnalysis trickled = analyzer.analyze(new Trickle(new ByteArrayInputStream(log)));

        assertThat(trickled).isEqualTo(whole);
    }

    @Test
    void anAnalysisSeesNothingOfTheLogBeforeItInTheBuffersItReuses() throws IOException {
        byte[] small = sample("junit/surefire-rerun.log");
        JobAnalysis alone = LogAnalyzer.standard().analyze(new ByteArrayInputStream(small));
        // a log that fills the buffers with other failures, an overlong line and no final newline
        byte[] before = concat(sample("junit/surefire-rerun.log"), concat(filler(3 << 20, (byte) 'z'),
                "\nNo space left on device\nerror: something else".getBytes(StandardCharsets.UTF_8)));

        analyzer.analyze(new ByteArrayInputStream(before));
        JobAnalysis after = analyzer.analyze(new ByteArrayInputStream(small));

        assertThat(after).isEqualTo(alone);
    }

    @Test
    void analysesAtOnceGiveTheAnswersTheyGiveOneByOne() throws Exception {
        byte[] junit = sample("junit/surefire-rerun.log");
        byte[] disk = concat(filler(2 << 20, (byte) 'y'),
                "\nNo space left on device\n".getBytes(StandardCharsets.UTF_8));
        JobAnalysis junitAlone = analyzer.analyze(new ByteArrayInputStream(junit));
        JobAnalysis diskAlone = analyzer.analyze(new ByteArrayInputStream(disk));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<JobAnalysis>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                byte[] log = i % 2 == 0 ? junit : disk;
                answers.add(threads.submit(() -> analyzer.analyze(new Trickle(new ByteArrayInputStream(log)))));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo(i % 2 == 0 ? junitAlone : diskAlone);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void failingTestsAndEvidenceStayBoundedWhateverTheLogHolds() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        for (int i = 0; i < 5000; i++) {
            log.writeBytes(("--- FAIL: TestNumber" + i + " (0.00s)\nsome output\n\n\n\n\n").getBytes(StandardCharsets.UTF_8));
        }

        JobAnalysis analysis = analyzer.analyze(new ByteArrayInputStream(log.toByteArray()));

        assertThat(analysis.failingTests()).hasSize(FailingTests.LIMIT);
        assertThat(analysis.evidence()).hasSize(LogScan.MAX_EVIDENCE);
        // the first failures are kept, and the first of them is shown first
        assertThat(first(analysis).start()).isEqualTo(1);
    }

    @Test
    void excerptsAreMaskedWhenShown() {
        String token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

        JobAnalysis analysis = analyzeText("fatal: could not read Username for https://x:" + token + "@github.com\n");

        assertThat(first(analysis).excerpt()).doesNotContain(token).contains(SecretMasker.MASK);
    }

    @Test
    void stepsAfterTheFirstFailedOneWeighLess() {
        String log = "##[group]Run make test\n##[endgroup]\nERROR: Could not find a version that satisfies the requirement foo\n"
                + "##[error]Process completed with exit code 1.\n##[group]Run actions/upload-artifact@v4\n##[endgroup]\n"
                + "##[error]No files were found with the provided path: dist. No artifacts will be uploaded.\n";

        JobAnalysis analysis = analyzeText(log);

        assertThat(analysis.category()).isEqualTo(FailureCategory.DEPENDENCY);
        assertThat(first(analysis).start()).isLessThanOrEqualTo(3);
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = LogAnalyzerTest.class.getResourceAsStream("/logs/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] filler(int size, byte b) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, b);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) throws IOException {
        return new SequenceInputStream(new ByteArrayInputStream(a), new ByteArrayInputStream(b)).readAllBytes();
    }

    private static long countNewlines(byte[] bytes) {
        long count = 0;
        for (byte b : bytes) {
            count += b == '\n' ? 1 : 0;
        }
        return count;
    }

    /** Hands out a few bytes at a time, as a network stream may. */
    private static final class Trickle extends FilterInputStream {
        private int next = 1;

        Trickle(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            next = next % 7 + 1;
            return super.read(b, off, Math.min(len, next));
        }
    }
}
