package dev.remediator.core.report;

import dev.remediator.core.remediation.RiskScore;
import dev.remediator.core.text.MarkdownText;

/**
 * Title and body of the draft pull requests Remediator opens (DESIGN §5): what, why, the evidence, the risk factors,
 * the audit id, and how to undo.
 */
public final class PullRequestText {

    public record Text(String title, String body) {
    }

    public static Text revert(String culpritSha, String culpritTitle, String explanation, String evidenceLink,
            RiskScore risk, long auditId) {
        String title = "fix(ci): revert \"" + oneLine(culpritTitle) + "\"";
        String body = "This draft reverts " + MarkdownText.code(culpritSha) + " (" + MarkdownText.escape(culpritTitle)
                + "), which most likely broke the build.\n\n"
                + section(explanation, evidenceLink, risk, auditId)
                + "### How to undo\n\nClose this pull request: nothing has changed on any branch. After merging, revert "
                + "the merge commit to bring the change back.\n";
        return new Text(truncateTitle(title), MarkdownText.truncate(body, MarkdownText.GITHUB_LIMIT));
    }

    public static Text quarantine(String test, String file, String explanation, String evidenceLink, RiskScore risk,
            long auditId) {
        String title = "fix(ci): quarantine flaky test " + oneLine(test);
        String body = "This draft adds " + MarkdownText.code(test) + " to " + MarkdownText.code(file)
                + ", so that the build stops failing on it while someone fixes it.\n\n"
                + section(explanation, evidenceLink, risk, auditId)
                + "### How to undo\n\nClose this pull request, or after merging delete the test's line (and its comment) "
                + "from " + MarkdownText.code(file) + ".\n";
        return new Text(truncateTitle(title), MarkdownText.truncate(body, MarkdownText.GITHUB_LIMIT));
    }

    private static String section(String explanation, String evidenceLink, RiskScore risk, long auditId) {
        return "### Why\n\n" + explanation + "\n\nEvidence: " + evidenceLink + "\n\n### Risk\n\n"
                + MarkdownBlocks.riskTable(risk) + "\nAudit id: " + auditId + ". Opened as a draft by Remediator; "
                + "nothing is merged without a human.\n\n";
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }

    /** GitHub cuts long titles badly; keep them readable. */
    private static String truncateTitle(String title) {
        return title.length() <= 120 ? title : title.substring(0, 119) + "…";
    }
}
