package dev.remediator.core.analysis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/** Analyses the log samples of {@code src/test/resources/logs} (see NOTICE for where each comes from). */
public final class LogSamples {

    private static final LogAnalyzer STANDARD = LogAnalyzer.standard();

    private LogSamples() {
    }

    /** The sample {@code logs/<name>} analysed with every rule set. */
    public static JobAnalysis analyze(String name) {
        return analyze(STANDARD, name);
    }

    /** The sample analysed with these rule sets only, to see what each recognises on its own. */
    @SafeVarargs
    public static JobAnalysis analyzeWith(String name, Supplier<? extends RuleSet>... ruleSets) {
        return analyze(new LogAnalyzer(List.of(ruleSets)), name);
    }

    public static JobAnalysis analyzeText(String log) {
        try {
            return STANDARD.analyze(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first evidence range, the one shown first. */
    public static Evidence first(JobAnalysis analysis) {
        if (analysis.evidence().isEmpty()) {
            throw new AssertionError("no evidence at all");
        }
        return analysis.evidence().get(0);
    }

    private static JobAnalysis analyze(LogAnalyzer analyzer, String name) {
        try (InputStream log = LogSamples.class.getResourceAsStream("/logs/" + name)) {
            if (log == null) {
                throw new IllegalArgumentException("no sample logs/" + name);
            }
            return analyzer.analyze(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
