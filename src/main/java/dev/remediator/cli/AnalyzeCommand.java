package dev.remediator.cli;

import java.io.IOException;
import java.io.InputStream;
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
import dev.remediator.core.analysis.AnalysisText;
import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.LogAnalyzer;
import dev.remediator.core.analysis.PassingLog;
import dev.remediator.core.analysis.RunAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code remediator analyze FILE|DIR... [--baseline PASS.log] [--format text|json]}: why CI jobs failed. A file is one
 * job's log. A directory holds the job logs of one run, as in the archive GitHub serves for a run's logs (its
 * subdirectories, which repeat the jobs step by step, are skipped): each log gets its analysis, then the run gets one
 * more. JSON prints one object per line; text prints each verdict with its evidence blocks, for people. Text is the
 * default when standard output is a terminal, JSON otherwise.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = { "Explains why CI jobs failed, from their logs.",
                "JSON: one object per line, one per log and, for a directory (the job logs of one run), one "
                        + "more for the whole run (\"scope\": \"run\"). Text: each verdict and its evidence blocks "
                        + "with their line numbers." },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:every log was analysed", "1:a file or directory could not be read", "2:usage error" })
public final class AnalyzeCommand implements Callable<Integer> {

    enum Format {
        TEXT, JSON
    }

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Job logs, or directories of one run's job logs.")
    List<Path> inputs;

    @Option(names = "--baseline", paramLabel = "PASS.log",
            description = "The log of a passing run of the same job: lines it also printed weigh far less, new ones more.")
    Path baseline;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "text or json (default: text when standard output is a terminal, json otherwise).")
    Format format;

    @Spec
    CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();
    private final LogAnalyzer analyzer = LogAnalyzer.standard();
    private PassingLog passing;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (format == null) {
            format = System.console() != null ? Format.TEXT : Format.JSON;
        }
        if (baseline != null) {
            try (InputStream in = Files.newInputStream(baseline)) {
                passing = PassingLog.read(in);
            } catch (IOException e) {
                cannotRead(baseline, e);
                return 1;
            }
        }
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
            RunAnalysis run = RunAnalysis.merge(jobs);
            if (format == Format.JSON) {
                print(AnalysisJson.run(directory.toString(), run), out);
            } else {
                out.print(AnalysisText.run(directory.toString(), run));
            }
        }
        return allRead;
    }

    /** Analyses and prints one log; {@code null} when it could not be read. */
    private JobAnalysis analyzeJob(Path log, PrintWriter out) {
        try {
            JobAnalysis analysis = analyzer.analyze(log, passing);
            if (format == Format.JSON) {
                print(AnalysisJson.job(log.toString(), analysis), out);
            } else {
                out.print(AnalysisText.job(log.toString(), analysis));
            }
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

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Formats.parse(Format.class, value);
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
