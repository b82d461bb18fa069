package dev.remediator.core.report;

import dev.remediator.core.lifecycle.FixValidation;
import dev.remediator.core.text.MarkdownText;

/**
 * The comment Remediator keeps on its own fix pull request about that fix's CI: found again by its marker and
 * edited in place when the validation or the auto-merge decision changes.
 */
public final class ValidationComment {

    public static final String MARKER = "<!-- remediator:validation -->";

    private ValidationComment() {
    }

    /** @param autoMerge what became of auto-merge (enabled, or why not); null when the repository does not use it */
    public static String render(long remediationId, FixValidation validation, String autoMerge) {
        StringBuilder out = new StringBuilder(MARKER).append("\n### Remediator: validation of this fix\n\n")
                .append(CheckRunReport.validation(validation)).append('\n');
        switch (validation.state()) {
            case PASSED -> out.append("CI proves the fix: this pull request is ready for review.\n");
            case FAILED -> out.append("CI does not prove the fix, so this pull request stays a draft. Remediator does ")
                    .append("not try to fix its own fix: look at the failing checks above, then push a correction or ")
                    .append("close this pull request.\n");
            case PENDING -> out.append("Waiting for CI on this pull request.\n");
        }
        if (autoMerge != null) {
            out.append("\nAuto-merge: ").append(MarkdownText.escape(autoMerge)).append(".\n");
        }
        out.append("\n<sub>Audit id ").append(remediationId).append("</sub>\n");
        return MarkdownText.truncate(out.toString(), MarkdownText.GITHUB_LIMIT);
    }
}
