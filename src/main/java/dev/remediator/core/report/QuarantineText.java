package dev.remediator.core.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.remediator.core.lifecycle.FixValidation;
import dev.remediator.core.remediation.QuarantineTerm;
import dev.remediator.core.text.MarkdownText;

/**
 * What Remediator writes about a quarantined test: its tracking issue, the comments that follow its term, and the
 * draft pull request whose CI is its trial. Test names, paths and check names are users' text: escaped or in code.
 * The owner is the one person mentioned, on purpose: asking them is what the issue is for.
 */
public final class QuarantineText {

    /** Starts each comment, with the id of the event it tells of: a consumer run again finds it and writes nothing. */
    public static final String MARKER = "<!-- remediator:quarantine:";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private QuarantineText() {
    }

    /**
     * Who the test belongs to, and how that was found.
     *
     * @param login null when neither CODEOWNERS nor the history names anybody
     * @param how   e.g. "CODEOWNERS", "last committer of src/test/FooTest.java"
     */
    public record Owner(String login, String how) {
    }

    public static String issueTitle(String test) {
        String title = "Flaky test quarantined: " + test.replaceAll("[\\r\\n]+", " ").strip();
        return title.length() <= 120 ? title : title.substring(0, 119) + "…";
    }

    public static String issueBody(String test, String file, String explanation, Owner owner, int expireAfterDays,
            long auditId) {
        String body = "Remediator is quarantining " + MarkdownText.code(test) + ": a draft pull request adds it to "
                + MarkdownText.code(file) + ", so that the build stops failing on it while someone fixes it.\n\n"
                + "### Why\n\n" + explanation + "\n\n### Owner\n\n" + owner(owner) + "\n\n### How the quarantine ends\n\n"
                + "Once the pull request is merged, the test stays out of the build for " + expireAfterDays + " days"
                + " (`failures.quarantine.expire_after_days`). Then a draft pull request takes it out of the file, and "
                + "its CI is the trial:\n\n"
                + "- green: the pull request is proposed for merge, and this issue is closed when it merges;\n"
                + "- red: the quarantine is extended once, by the same time, with the evidence here;\n"
                + "- red again: the test stays quarantined and Remediator runs no more trials: fix it or delete it.\n\n"
                + "Fixing it sooner is welcome: take its line (and its comment) out of " + MarkdownText.code(file)
                + " in the same change.\n\n<sub>Audit id " + auditId + "</sub>\n";
        return MarkdownText.truncate(body, MarkdownText.GITHUB_LIMIT);
    }

    private static String owner(Owner owner) {
        return owner.login() == null
                ? "Nobody found: no CODEOWNERS line names a person for the test's file, and its history names no GitHub "
                        + "account. Please assign someone."
                : MarkdownText.mention(owner.login()) + " (" + MarkdownText.escape(owner.how()) + "), please have a look.";
    }

    /** The line of the quarantine file's comment after the test's name. */
    public static String fileComment(long auditId, Instant at, String issueUrl) {
        return "flaky (Remediator audit id " + auditId + ", " + DAY.format(at) + "), tracking issue " + issueUrl;
    }

    public static PullRequestText.Text trialPullRequest(String test, String file, int issueNumber, long auditId) {
        return new PullRequestText.Text("test: bring back quarantined test " + test.replaceAll("[\\r\\n]+", " ").strip(),
                "This draft takes " + MarkdownText.code(test) + " out of " + MarkdownText.code(file) + ": its quarantine "
                        + "expired. Its CI is the trial: green, it is proposed for merge, and merging it closes #"
                        + issueNumber + "; red, the quarantine is extended once and this pull request is closed.\n\n"
                        + "Audit id: " + auditId + ". Opened as a draft by Remediator; nothing is merged without a "
                        + "human.\n");
    }

    public static String trialStarted(long eventId, int pullNumber, String file) {
        return marker(eventId) + "The quarantine expired: #" + pullNumber + " takes the test out of "
                + MarkdownText.code(file) + ", and its CI is the trial.\n";
    }

    public static String trialPassed(long eventId, int pullNumber) {
        return marker(eventId) + "The trial passed: CI is green on #" + pullNumber + ", which is now ready for review. "
                + "This issue is closed when it merges.\n";
    }

    /**
     * A red trial (or its pull request closed unmerged), with the checks as evidence; the owner is asked again, to fix
     * the test before the extended term ends, or, once it may not be extended again, to fix or delete it.
     */
    public static String trialFailed(long eventId, int pullNumber, FixValidation trial, QuarantineTerm term, Owner owner) {
        String ask = owner.login() == null ? "Whoever owns this test: " : MarkdownText.mention(owner.login()) + ", ";
        StringBuilder out = new StringBuilder(marker(eventId)).append("The trial failed: #").append(pullNumber)
                .append(trial == null ? " was closed without merging" : " is red").append(", so the test stays quarantined.\n\n");
        if (trial != null) {
            out.append(CheckRunReport.validation(trial)).append('\n');
        }
        if (term.state() == QuarantineTerm.State.OVERDUE) {
            out.append(ask).append("this was the trial after its extension, and a quarantine is extended only once. ")
                    .append("Remediator runs no more trials: please fix the test and take it out of the quarantine ")
                    .append("file, or delete it. This issue stays open until then.\n");
        } else {
            out.append(ask).append("the quarantine is extended once, until ").append(DAY.format(term.expiresAt()))
                    .append(", when the next trial runs. Please fix the test before then.\n");
        }
        return MarkdownText.truncate(out.toString(), MarkdownText.GITHUB_LIMIT);
    }

    public static String released(long eventId, Integer pullNumber) {
        return marker(eventId) + (pullNumber == null ? "The test is no longer in the quarantine file"
                : "#" + pullNumber + " was merged") + ": the test is back in the build. Closing.\n";
    }

    public static String dropped(long eventId) {
        return marker(eventId) + "The quarantine's pull request was closed without merging: the test was not "
                + "quarantined. Closing.\n";
    }

    public static String marker(long eventId) {
        return MARKER + eventId + " -->\n";
    }
}
