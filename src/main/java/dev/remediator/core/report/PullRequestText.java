package dev.remediator.core.report;

import dev.remediator.core.history.CommitChange;
import dev.remediator.core.remediation.RiskScore;
import dev.remediator.core.text.MarkdownText;

/**
 * Title and body of the draft pull requests Remediator opens: what, why, the evidence, the risk factors,
 * the audit id, and how to undo.
 */
public final class PullRequestText {

    public record Text(String title, String body) {
    }

    public static Text revert(String culpritSha, String culpritTitle, String explanation, String evidenceLink,
            RiskScore risk, long auditId) {
        return draft("fix(ci): revert \"" + oneLine(culpritTitle) + "\"", "This draft reverts " + MarkdownText.code(culpritSha)
                + " (" + MarkdownText.escape(culpritTitle) + "), which most likely broke the build.",
                explanation, evidenceLink, risk, auditId, "Close this pull request: nothing has changed on any branch. After "
                        + "merging, revert the merge commit to bring the change back.");
    }

    public static Text quarantine(String test, String file, int trackingIssue, String explanation, String evidenceLink,
            RiskScore risk, long auditId) {
        return draft("fix(ci): quarantine flaky test " + oneLine(test), "This draft adds " + MarkdownText.code(test) + " to "
                + MarkdownText.code(file) + ", so that the build stops failing on it while someone fixes it. Tracking "
                + "issue: #" + trackingIssue + " (its owner, and how the quarantine ends).",
                explanation, evidenceLink, risk, auditId, "Close this pull request, or after merging delete the test's line "
                        + "(and its comment) from " + MarkdownText.code(file) + ".");
    }

    /** The draft of a regeneration: what the regeneration workflow pushed for one node. */
    public static Text regenerate(String context, String nodeId, String workflow, String explanation, String evidenceLink,
            RiskScore risk, long auditId) {
        return draft("fix(drift): regenerate " + oneLine(context), "This draft holds what " + MarkdownText.code(workflow)
                + " generated for the node " + MarkdownText.code(nodeId) + " of context " + MarkdownText.code(context)
                + ", whose spec changed since its files were last generated. It changes only the node's generated files "
                + "and the provenance manifest.", explanation, evidenceLink, risk, auditId, "Close this pull request: "
                        + "nothing has changed on any other branch. After merging, revert the merge commit to bring the "
                        + "previous generated files back.");
    }

    /** The draft of a rebaseline: the manifest's hashes of one node, updated to formatting-only changes. */
    public static Text rebaseline(String context, String nodeId, String manifestPath, String explanation,
            String evidenceLink, RiskScore risk, long auditId) {
        return draft("fix(drift): rebaseline " + oneLine(context), "This draft records the current hashes of the node "
                + MarkdownText.code(nodeId) + " of context " + MarkdownText.code(context) + " in "
                + MarkdownText.code(manifestPath) + ": its generated files changed only in formatting or comments. No "
                + "other file changes.", explanation, evidenceLink, risk, auditId, "Close this pull request, or after "
                        + "merging revert the merge commit: the manifest then holds the old hashes again and the node "
                        + "shows as BENIGN drift.");
    }

    /**
     * The draft of a language model's fix: the model's own explanation, labelled as such, and the diff's size. The
     * explanation passed in is the remediation's, which already quotes the model through the escaping path.
     */
    public static Text modelFix(String headBranch, int files, int linesAdded, int linesRemoved, String explanation,
            String evidenceLink, RiskScore risk, long auditId) {
        return draft("fix(ci): a model's proposed fix on " + oneLine(headBranch), "This draft applies a fix written by "
                + "a language model: " + files + " file" + (files == 1 ? "" : "s") + ", +" + linesAdded + " −" + linesRemoved
                + " lines. Nothing in it was verified beyond applying exactly and weakening no test or CI: read it as a"
                + " proposal, and let CI judge it.", explanation, evidenceLink, risk, auditId, "Close this pull request: "
                        + "nothing has changed on any other branch. After merging, revert the merge commit.");
    }

    /** Where a failed run's evidence is: its Remediator check run. */
    public static String evidenceLink(String repository, long runId, String headSha) {
        return "run " + runId + " of " + repository + " (the Remediator check run on " + CommitChange.shortSha(headSha) + ")";
    }

    /** What it does, why, the evidence, the risk, the audit id, and how to undo. */
    private static Text draft(String title, String what, String explanation, String evidenceLink, RiskScore risk,
            long auditId, String undo) {
        String body = what + "\n\n### Why\n\n" + explanation + "\n\nEvidence: " + evidenceLink + "\n\n### Risk\n\n"
                + MarkdownBlocks.riskTable(risk) + "\nAudit id: " + auditId + ". Opened as a draft by Remediator; "
                + "nothing is merged without a human.\n\n### How to undo\n\n" + undo + "\n";
        return new Text(truncateTitle(title), MarkdownText.truncate(body, MarkdownText.GITHUB_LIMIT));
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }

    /** GitHub cuts long titles badly; keep them readable. */
    private static String truncateTitle(String title) {
        return title.length() <= 120 ? title : title.substring(0, 119) + "…";
    }
}
