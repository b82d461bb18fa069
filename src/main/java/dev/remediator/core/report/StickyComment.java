package dev.remediator.core.report;

import dev.remediator.core.text.MarkdownText;

/**
 * The one comment Remediator keeps on a pull request: found again by its hidden marker and edited in
 * place at every failed run, never posted anew.
 */
public final class StickyComment {

    /** Invisible in the rendered comment; how the comment is found among the others. */
    public static final String MARKER = "<!-- remediator:sticky-comment -->";

    public static String render(RunReport report) {
        StringBuilder out = new StringBuilder(MARKER).append("\n### Remediator: ")
                .append(MarkdownBlocks.category(report.analysis().category()).toLowerCase(java.util.Locale.ROOT))
                .append(" in ").append(MarkdownText.code(report.workflowName())).append("\n\n")
                .append("[Run ").append(report.runId()).append(report.attempt() > 1 ? ", attempt " + report.attempt() : "")
                .append("](").append(report.runUrl()).append(") at ")
                .append(MarkdownText.code(report.headSha().substring(0, Math.min(7, report.headSha().length()))))
                .append(" — ").append(MarkdownBlocks.percent(report.analysis().confidence())).append(" confidence.\n\n")
                .append(MarkdownBlocks.jobsTable(report.analysis())).append('\n');
        if (report.culprit() != null) {
            out.append(MarkdownBlocks.culprit(report.culprit())).append("\n\n");
        }
        for (RemediationView remediation : report.remediations()) {
            out.append(CheckRunReport.remediation(remediation)).append('\n');
        }
        out.append("<details><summary>Evidence</summary>\n\n").append(MarkdownBlocks.evidence(report.analysis(), 2))
                .append("</details>\n\n")
                .append("<sub>This comment is updated in place for each failed run of this pull request. Commands: ")
                .append("`/remediator approve`, `reject`, `retry`, `explain`, `help`.</sub>\n");
        return MarkdownText.truncate(out.toString(), MarkdownText.GITHUB_LIMIT);
    }
}
