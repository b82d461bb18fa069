package dev.remediator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.remediator.core.analysis.AnalysisJson;
import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.LogAnalyzer;
import dev.remediator.core.analysis.RunAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code remediator analyze FILE|DIR...}: why CI jobs failed, one JSON object per line. A file is one job's log. A
 * directory holds the job logs of one run, as in the archive GitHub serves for a run's logs (its subdirectories,
 * which repeat the jobs step by step, are skipped): each log gets its line, then the run gets one more.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = { "Explains why CI jobs failed, from their logs.",
                "Prints one JSON object per line: one per log and, for a directory (the job logs of one run), one "
                        + "more for the whole run (\"scope\": \"run\")." },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:every log was analysed", "1:a file or directory could not be read", "2:usage error" })
public final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Job logs, or directories of one run's job logs.")
    List<Path> inputs;

    @Spec
    CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();
    private final LogAnalyzer analyzer = LogAnalyzer.standard();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean allRead = true;
        for (Path input : inputs) {
            allRead &= Files.isDirectory(input) ? analyzeRun(input, out) : analyzeJob(input, out) != null;
        }
        out.flush();
        return allRead ? 0 : 1;
    }

    private boolean analyzeRun(Path directory, PrintWriter out) {
        List<Path> logs;
        try (Stream<Path> entries = Files.list(directory)) {
            logs = entries.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            return cannotRead(directory, e);
        }
        if (logs.isEmpty()) {
            return cannotRead(directory, new IOException("the directory holds no log files"));
        }
        Map<String, JobAnalysis> jobs = new LinkedHashMap<>();
        boolean allRead = true;
        for (Path log : logs) {
            JobAnalysis analysis = analyzeJob(log, out);
            if (analysis == null) {
                allRead = false;
            } else {
                jobs.put(log.getFileName().toString(), analysis);
            }
        }
        if (!jobs.isEmpty()) {
            print(AnalysisJson.run(directory.toString(), RunAnalysis.merge(jobs)), out);
        }
        return allRead;
    }

    /** Analyses and prints one log; {@code null} when it could not be read. */
    private JobAnalysis analyzeJob(Path log, PrintWriter out) {
        try {
            JobAnalysis analysis = analyzer.analyze(log);
            print(AnalysisJson.job(log.toString(), analysis), out);
            return analysis;
        } catch (IOException e) {
            cannotRead(log, e);
            return null;
        }
    }

    private void print(ObjectNode node, PrintWriter out) {
        try {
            out.println(json.writeValueAsString(node));
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private boolean cannotRead(Path path, IOException cause) {
        // the file system's exceptions name the file in their message; say what went wrong instead
        String reason = cause instanceof NoSuchFileException ? "no such file or directory"
                : cause instanceof AccessDeniedException ? "permission denied"
                : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        spec.commandLine().getErr().println("remediator analyze: cannot read " + path + ": " + reason);
        return false;
    }
}
