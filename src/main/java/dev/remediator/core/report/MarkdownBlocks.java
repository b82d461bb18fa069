package dev.remediator.core.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /** The first evidence lines of each job, as code, with secrets masked. */
    static String evidence(RunAnalysis analysis, int perJob) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, JobAnalysis> job : analysis.jobs().entrySet()) {
            List<String> excerpts = job.getValue().evidence().stream().limit(perJob)
                    .map(e -> "line " + e.start() + (e.end() > e.start() ? "–" + e.end() : "") + " [" + e.rule() + "]: "
                            + e.excerpt())
                    .toList();
            if (!excerpts.isEmpty()) {
                out.append("**").append(MarkdownText.escape(job.getKey())).append("**\n\n")
                        .append(MarkdownText.codeBlock(String.join("\n", excerpts))).append("\n\n");
            }
        }
        return out.toString();
    }
}
