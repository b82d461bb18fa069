package dev.remediator.core.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.remediator.core.analysis.rules.Ecosystems;

/**
 * Finds out why a CI job failed from its log. The log is read once, as a stream of bytes: memory stays the same
 * whatever its size, a line never holds more than {@value LogScan#MAX_LINE} bytes of attention, and any bytes at all
 * (binary, broken UTF-8, no newline) give an answer.
 *
 * <p>Thread-safe: each analysis gets fresh rule sets from the suppliers and working buffers of its own.
 */
public final class LogAnalyzer {

    /** Marks lines with colour codes, which can hide a keyword; the line is searched again once they are gone. */
    static final long COLOURED = 1L << 62;
    private static final int MAX_RULE_SETS = 62;

    private final List<Supplier<? extends RuleSet>> ruleSets;
    private final List<String> keywords;
    private final KeywordMatcher matcher;
    private final ScanBuffers.Pool buffers = new ScanBuffers.Pool();

    /** An analyzer with the rule sets of every ecosystem Remediator knows. */
    public static LogAnalyzer standard() {
        return new LogAnalyzer(Ecosystems.standard());
    }

    public LogAnalyzer(List<Supplier<? extends RuleSet>> ruleSets) {
        if (ruleSets.size() > MAX_RULE_SETS) {
            throw new IllegalArgumentException("at most " + MAX_RULE_SETS + " rule sets");
        }
        this.ruleSets = List.copyOf(ruleSets);
        Map<String, Long> bitsByKeyword = new LinkedHashMap<>();
        for (int i = 0; i < this.ruleSets.size(); i++) {
            for (String keyword : this.ruleSets.get(i).get().keywords()) {
                bitsByKeyword.merge(keyword, 1L << i, (a, b) -> a | b);
            }
        }
        bitsByKeyword.merge("\u001b", COLOURED, (a, b) -> a | b);
        this.keywords = List.copyOf(bitsByKeyword.keySet());
        this.matcher = new KeywordMatcher(keywords, new ArrayList<>(bitsByKeyword.values()));
    }

    /** Every literal the analyzer looks for; a line that holds none is only counted. */
    public List<String> keywords() {
        return keywords;
    }

    /** Analyses one job's log, read to its end; the caller closes the stream. */
    public JobAnalysis analyze(InputStream log) throws IOException {
        return analyze(log, null);
    }

    /**
     * Analyses one job's log beside the log of a passing run of the same job: what both printed weighs far less,
     * what is new weighs more.
     *
     * @param passing the passing log, or {@code null} when there is none
     */
    public JobAnalysis analyze(InputStream log, PassingLog passing) throws IOException {
        RuleSet[] fresh = ruleSets.stream().map(Supplier::get).toArray(RuleSet[]::new);
        ScanBuffers lent = buffers.take();
        try {
            return new LogScan(matcher, fresh, passing, lent).read(log);
        } finally {
            buffers.giveBack(lent);
        }
    }

    public JobAnalysis analyze(Path log) throws IOException {
        return analyze(log, null);
    }

    public JobAnalysis analyze(Path log, PassingLog passing) throws IOException {
        try (InputStream in = Files.newInputStream(log)) {
            return analyze(in, passing);
        }
    }
}
