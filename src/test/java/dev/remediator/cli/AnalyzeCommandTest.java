package dev.remediator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class AnalyzeCommandTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path directory;

    /** What a run of the command line printed, and how it ended. */
    private record Run(int exitCode, List<JsonNode> lines, String err) {
    }

    @Test
    void aLogGivesOneJsonObjectWithTheFieldsOtherToolsRelyOn() throws IOException {
        Path log = copy("node/tsc.log", "tsc.log");

        Run run = run("analyze", log.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(1);
        JsonNode analysis = run.lines().get(0);
        assertThat(analysis.get("file").asText()).isEqualTo(log.toString());
        assertThat(analysis.get("category").asText()).isEqualTo("COMPILATION");
        assertThat(analysis.get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(analysis.get("transient").asBoolean()).isFalse();
        JsonNode evidence = analysis.get("evidence").get(0);
        // the first of the two compiler errors: each is a range of its own
        assertThat(evidence.get("start").asInt()).isEqualTo(1);
        assertThat(evidence.get("end").asInt()).isEqualTo(1);
        assertThat(evidence.get("rule").asText()).isEqualTo("node.typescript-error");
        assertThat(analysis.get("failingTests").isArray()).isTrue();
        JsonNode location = analysis.get("locations").get(0);
        assertThat(location.get("path").asText()).isEqualTo("src/index.ts");
        assertThat(location.get("line").asInt()).isEqualTo(2);
        assertThat(location.get("column").asInt()).isEqualTo(7);
    }

    @Test
    void aDirectoryIsOneRunItsLogsThenTheRunEachOnALine() throws IOException {
        Path runLogs = Files.createDirectories(directory.resolve("run-42"));
        copy("runner/gha_operation_canceled.log", "run-42/1_build (macos).txt");
        copy("junit/surefire-failure.log", "run-42/2_test.txt");
        Files.createDirectories(runLogs.resolve("test"));
        Files.writeString(runLogs.resolve("test/1_Set up job.txt"), "step logs repeat the job's");
        Files.writeString(runLogs.resolve(".DS_Store"), "not a log");

        Run run = run("analyze", runLogs.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).extracting(line -> line.get("scope").asText()).containsExactly("job", "job", "run");
        JsonNode merged = run.lines().get(2);
        assertThat(merged.get("file").asText()).isEqualTo(runLogs.toString());
        assertThat(merged.get("category").asText()).isEqualTo("TEST");
        assertThat(merged.get("failingTests").get(0).asText()).isEqualTo("com.alibaba.fastjson2.JSONReaderStrTest#test_UUID");
        assertThat(merged.get("jobs")).hasSize(2);
    }

    @Test
    void aFileThatCannotBeReadIsSaidSoAndTheOthersAreStillAnalysed() throws IOException {
        Path log = copy("go/build.log", "build.log");

        Run run = run("analyze", directory.resolve("missing.log").toString(), log.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot read " + directory.resolve("missing.log") + ": no such file or directory");
        assertThat(run.lines()).hasSize(1);
        assertThat(run.lines().get(0).get("category").asText()).isEqualTo("COMPILATION");
    }

    @Test
    void anEmptyDirectoryHoldsNoLogs() {
        Run run = run("analyze", directory.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the directory holds no log files");
        assertThat(run.lines()).isEmpty();
    }

    @Test
    void withoutAFileTheUsageIsShown() {
        Run run = run("analyze");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter").contains("FILE|DIR");
    }

    @Test
    void asTextEachBlockIsPrintedWithItsLineNumbersAndWhyItIsThere() throws IOException {
        Path log = copy("junit/surefire-failure.log", "build.log");

        Printed printed = print("analyze", "--format", "text", log.toString());

        assertThat(printed.exitCode()).isZero();
        assertThat(printed.out()).startsWith(log + ": TEST, confidence 0.90\n")
                .contains("  1. lines 11-21, TEST, 0.90: the first test failure in the log (junit.test-failure)")
                .contains("     13 | org.opentest4j.AssertionFailedError: expected: <true> but was: <false>");
    }

    @Test
    void aPassingLogAsBaselineRanksWhatIsNewFirst() throws IOException {
        Path passing = directory.resolve("pass.log");
        Files.writeString(passing, "warning: 3 deprecated calls\nerror: flaky cache miss for 1a2b3c4d5e\nok\n");
        Path failing = directory.resolve("fail.log");
        Files.writeString(failing, "error: flaky cache miss for 9f8e7d6c5b\nerror: the schema is newer than this build\n");

        JsonNode analysis = run("analyze", failing.toString(), "--baseline", passing.toString()).lines().get(0);

        assertThat(analysis.get("evidence").get(0).get("start").asInt()).isEqualTo(2);
        assertThat(analysis.get("evidence").get(0).get("reason").asText()).contains("new since the passing run");
        assertThat(analysis.get("evidence").get(0).get("block").get(0).get("text").asText())
                .isEqualTo("error: the schema is newer than this build");
    }

    @Test
    void aBaselineThatCannotBeReadIsSaidSo() {
        Printed printed = print("analyze", "x.log", "--baseline", directory.resolve("missing.log").toString());

        assertThat(printed.exitCode()).isEqualTo(1);
        assertThat(printed.err()).contains("cannot read").contains("missing.log").contains("no such file");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(print("analyze", "--format", "yaml", "x.log").exitCode()).isEqualTo(2);
    }

    private Path copy(String sample, String name) throws IOException {
        Path target = directory.resolve(name);
        try (InputStream in = AnalyzeCommandTest.class.getResourceAsStream("/logs/" + sample)) {
            Files.copy(in, target);
        }
        return target;
    }

    /** What a run of the command line printed as it is. */
    private record Printed(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        Printed printed = print(args);
        try {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : printed.out().split("\n")) {
                if (!line.isBlank()) {
                    lines.add(json.readTree(line));
                }
            }
            return new Run(printed.exitCode(), lines, printed.err());
        } catch (IOException e) {
            throw new AssertionError("the command printed something that is not JSON", e);
        }
    }

    private static Printed print(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            int exitCode = RemediatorCli.run(args);
            return new Printed(exitCode, printed.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
