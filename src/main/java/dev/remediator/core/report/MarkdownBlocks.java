package dev.remediator.core.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.remediator.core.analysis.Evidence;
import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.RunAnalysis;
import dev.remediator.core.history.Culprit;
import dev.remediator.core.remediation.RiskFactor;
import dev.remediator.core.remediation.RiskScore;
import dev.remediator.core.text.MarkdownText;

/** Markdown pieces the check run, the sticky comment and pull request bodies share. */
final class MarkdownBlocks {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private MarkdownBlocks() {
    }

    static String category(FailureCategory category) {
        String words = category.description();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String percent(double confidence) {
        return Math.round(confidence * 100) + " %";
    }

    static String when(Instant instant) {
        return WHEN.format(instant);
    }

    static String tests(List<String> tests, int max) {
        return MarkdownText.codeList(tests, max);
    }

    /** One row per failed job: its category, failing tests and where in its log the evidence is. */
    static String jobsTable(RunAnalysis analysis) {
        StringBuilder table = new StringBuilder("| Job | Category | Failing tests | Evidence |\n|---|---|---|---|\n");
        for (Map.Entry<String, JobAnalysis> job : analysis.jobs().entrySet()) {
            JobAnalysis a = job.getValue();
            String evidence = a.evidence().isEmpty() ? "—" : "lines " + a.evidence().get(0).start() + "–"
                    + a.evidence().get(0).end() + " (" + MarkdownText.escape(a.evidence().get(0).rule()) + ")";
            table.append("| ").append(MarkdownText.escape(job.getKey())).append(" | ")
                    .append(category(a.category()).toLowerCase(Locale.ROOT)).append(", ").append(percent(a.confidence()))
                    .append(a.transientFailure() ? ", transient" : "").append(" | ").append(tests(a.failingTests(), 3))
                    .append(" | ").append(evidence).append(" |\n");
        }
        return table.toString();
    }

    static String culprit(Culprit culprit) {
        return "**Likely culprit:** " + MarkdownText.code(culprit.commit().shortSha()) + " "
                + MarkdownText.escape(culprit.commit().title())
                + (culprit.commit().authorLogin() == null ? "" : " by " + MarkdownText.code("@" + culprit.commit().authorLogin()))
                + " (" + percent(culprit.confidence()) + "): " + MarkdownText.escape(String.join("; ", culprit.reasons()));
    }

    static String riskTable(RiskScore risk) {
        StringBuilder table = new StringBuilder("| Risk factor | Points | Why |\n|---|---:|---|\n");
        for (RiskFactor factor : risk.factors()) {
            table.append("| ").append(factor.name()).append(" | ")
                    .append(String.format(Locale.ROOT, "%+.1f", factor.points())).append(" | ")
                    .append(MarkdownText.escape(factor.explanation())).append(" |\n");
        }
        return table.append("| **total** | **").append(risk.formatted()).append("** | of 10 |\n").toString();
    }

    /** Block lines shown before a block is folded into {@code <details>}. */
    static final int UNFOLDED_LINES = 8;
    /** Lines of one block shown at most; the rest is said to be left out. */
    static final int MAX_BLOCK_LINES = 40;
    /**
     * Characters the evidence of all jobs may take: the check run's text and the sticky comment hold at most
     * {@value MarkdownText#GITHUB_LIMIT}, and other sections share them.
     */
    static final int EVIDENCE_BUDGET = 50_000;

    /**
     * The first evidence blocks of each job, best first: where each is in the log, why it is there, and its lines as
     * code with their numbers (folded in {@code <details>} when long), secrets masked. Jobs whose blocks no longer
     * fit GitHub's limit are named with their line ranges only.
     */
    static String evidence(RunAnalysis analysis, int perJob) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, JobAnalysis> job : analysis.jobs().entrySet()) {
            List<Evidence> shown = job.getValue().evidence().stream().limit(perJob).toList();
            if (shown.isEmpty()) {
                continue;
            }
            StringBuilder section = new StringBuilder("**").append(MarkdownText.escape(job.getKey())).append("**\n\n");
            for (Evidence range : shown) {
                section.append(block(range));
            }
            if (out.length() + section.length() > EVIDENCE_BUDGET) {
                section = new StringBuilder("**").append(MarkdownText.escape(job.getKey())).append("**: ")
                        .append(String.join(", ", shown.stream().map(r -> "lines " + r.start() + "–" + r.end()).toList()))
                        .append(" (blocks left out to stay within GitHub's limit)\n\n");
            }
            out.append(section);
        }
        return out.toString();
    }

    private static String heading(Evidence range) {
        return heading(range, MarkdownText::escape);
    }

    private static String heading(Evidence range, java.util.function.UnaryOperator<String> escape) {
        return "lines " + range.start() + (range.end() > range.start() ? "–" + range.end() : "") + " ("
                + escape.apply(range.rule()) + ")" + (range.reason().isEmpty() ? "" : ": " + escape.apply(range.reason()));
    }

    private static String block(Evidence range) {
        List<Evidence.BlockLine> lines = range.block();
        String code = MarkdownText.codeBlock(numbered(range, lines));
        if (lines.size() <= UNFOLDED_LINES) {
            return heading(range) + "\n\n" + code + "\n\n";
        }
        // GitHub reads no Markdown inside <summary>: its text is only made inert as HTML
        return "<details><summary>" + heading(range, MarkdownText::htmlText) + "</summary>\n\n" + code
                + "\n\n</details>\n\n";
    }

    /** The block's lines with their numbers; lines the analysis did not read show as a gap; the excerpt without any. */
    private static String numbered(Evidence range, List<Evidence.BlockLine> lines) {
        if (lines.isEmpty()) {
            return "line " + range.start() + ": " + range.excerpt();
        }
        int width = String.valueOf(range.end()).length();
        StringBuilder text = new StringBuilder();
        int expected = range.start();
        int shown = 0;
        for (Evidence.BlockLine line : lines) {
            if (shown == MAX_BLOCK_LINES) {
                text.append("… ").append(range.end() - line.number() + 1).append(" more lines\n");
                return text.toString();
            }
            if (line.number() > expected) {
                text.append("…\n");
            }
            text.append(String.format(Locale.ROOT, "%" + width + "d  %s%n", line.number(), line.text()));
            expected = line.number() + 1;
            shown++;
        }
        return text.toString();
    }
}
