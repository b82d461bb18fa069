package dev.remediator.core.analysis;

import java.util.List;
import java.util.Locale;

/**
 * An analysis as plain text for a terminal: the verdict, then each evidence block with its line numbers and why it is
 * there, best first. The first {@value #BLOCKS_IN_FULL} blocks are shown line by line (at most {@value #MAX_LINES}
 * lines each), the others by their range only.
 */
public final class AnalysisText {

    static final int BLOCKS_IN_FULL = 3;
    static final int MAX_LINES = 40;

    private AnalysisText() {
    }

    /** One job's analysis, read from {@code file}. */
    public static String job(String file, JobAnalysis analysis) {
        StringBuilder out = new StringBuilder();
        out.append(file).append(": ").append(verdict(analysis.category(), analysis.confidence(), analysis.transientFailure()))
                .append('\n');
        if (!analysis.failingTests().isEmpty()) {
            out.append("  failing tests: ").append(String.join(", ", analysis.failingTests())).append('\n');
        }
        List<Evidence> evidence = analysis.evidence();
        for (int i = 0; i < evidence.size(); i++) {
            Evidence range = evidence.get(i);
            out.append(String.format(Locale.ROOT, "  %d. lines %d-%d, %s, %.2f: %s%n", i + 1, range.start(), range.end(),
                    range.category(), range.confidence(), range.reason().isEmpty() ? range.rule() : range.reason()));
            if (i < BLOCKS_IN_FULL) {
                appendBlock(out, range);
            }
        }
        return out.toString();
    }

    /** A run's merged analysis, its job logs read from the directory {@code path}. */
    public static String run(String path, RunAnalysis analysis) {
        String tests = analysis.failingTests().isEmpty() ? "" : "\n  failing tests: " + String.join(", ", analysis.failingTests());
        return path + " (run of " + analysis.jobs().size() + " jobs): "
                + verdict(analysis.category(), analysis.confidence(), analysis.transientFailure()) + tests + "\n";
    }

    private static String verdict(FailureCategory category, double confidence, boolean transientFailure) {
        return String.format(Locale.ROOT, "%s, confidence %.2f%s", category, confidence,
                transientFailure ? ", would probably pass on a re-run" : "");
    }

    private static void appendBlock(StringBuilder out, Evidence range) {
        int width = String.valueOf(range.end()).length();
        int expected = range.start();
        int shown = 0;
        for (Evidence.BlockLine line : range.block()) {
            if (shown == MAX_LINES) {
                out.append(" ".repeat(width + 5)).append("… ").append(range.end() - line.number() + 1).append(" more lines\n");
                return;
            }
            if (line.number() > expected) {
                out.append(" ".repeat(width + 5)).append("…\n");
            }
            out.append(String.format(Locale.ROOT, "     %" + width + "d | %s%n", line.number(), printable(line.text())));
            expected = line.number() + 1;
            shown++;
        }
        if (!range.block().isEmpty() && expected <= range.end()) {
            out.append(" ".repeat(width + 5)).append("…\n");
        }
    }

    /** Control characters would move a terminal's cursor or change its colours: shown as spaces. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) && c != '\t' ? ' ' : c));
        return out.toString();
    }
}
