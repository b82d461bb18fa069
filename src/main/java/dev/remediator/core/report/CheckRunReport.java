package dev.remediator.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.Location;
import dev.remediator.core.assist.ModelExplanation;
import dev.remediator.core.assist.ModelReading;
import dev.remediator.core.config.ConfigProblem;
import dev.remediator.core.config.LoadedConfig;
import dev.remediator.core.lifecycle.FixValidation;
import dev.remediator.core.lifecycle.RemediationState;
import dev.remediator.core.text.MarkdownText;
import dev.remediator.core.text.SecretMasker;

/**
 * The "Remediator" check run of a failed workflow run: title with category and risk, summary with the
 * jobs, the culprit and the proposed remediation with its risk factors and state, evidence in the text, annotations
 * at the failing locations, and Approve / Reject / Re-analyse buttons while approval is pending.
 */
public final class CheckRunReport {

    public static final String NAME = "Remediator";

    /** GitHub takes at most this many annotations in one request. */
    public static final int ANNOTATIONS_PER_REQUEST = 50;

    /** GitHub stores at most this many annotations on a check run (in all its updates). */
    static final int MAX_ANNOTATIONS = 500;

    public enum Conclusion {
        ACTION_REQUIRED, SUCCESS, NEUTRAL, FAILURE;

        public String apiValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code label} at most 20 characters, {@code description} 40, {@code identifier} 20 (GitHub's limits). */
    public record Button(String label, String description, String identifier) {
    }

    /** {@code level}: GitHub's {@code annotation_level}, {@code notice}, {@code warning} or {@code failure}. */
    public record Annotation(String path, int line, Integer column, String level, String title, String message) {
    }

    /**
     * @param conclusion null while the remediation is running: the check run stays in progress
     */
    public record Rendered(String title, String summary, String text, Conclusion conclusion, List<Button> buttons,
            List<Annotation> annotations) {
    }

    public static final String APPROVE = "approve-";
    public static final String REJECT = "reject-";
    public static final String REANALYSE = "reanalyse-";

    public static Rendered render(RunReport report) {
        RemediationView lead = report.lead();
        String category = MarkdownBlocks.category(report.analysis().category());
        String title = lead == null || !lead.action().executable() ? category + " · analysis only"
                : category + " · " + lead.action().slug() + " " + state(lead.state()) + " · risk " + lead.risk().formatted();
        return new Rendered(title, MarkdownText.truncate(summary(report), MarkdownText.GITHUB_LIMIT),
                MarkdownText.truncate(text(report), MarkdownText.GITHUB_LIMIT), conclusion(lead), buttons(lead),
                annotations(report));
    }

    /** The check run while analysis runs, posted as soon as a failure is seen. */
    public static String analysingSummary(String workflowName, long runId, int attempt) {
        return "Analysing the logs of " + MarkdownText.code(workflowName) + " run " + runId
                + (attempt > 1 ? " (attempt " + attempt + ")" : "") + "…";
    }

    /**
     * The check run of a run whose processing failed for good: finished (a check run left in progress would say
     * "analysing" forever), neutral, saying what went wrong and how to try again.
     */
    public static Rendered unanalysed(String workflowName, long runId, String problem) {
        String summary = "Remediator could not analyse " + MarkdownText.code(workflowName) + " run " + runId + ": "
                + MarkdownText.escape(MarkdownText.truncate(problem, 500)) + "\n\nTo try again, comment "
                + "`/remediator retry` on the pull request or re-run the failed jobs: the new attempt is analysed.";
        return new Rendered("Analysis failed", summary, "", Conclusion.NEUTRAL, List.of(), List.of());
    }

    private static String summary(RunReport report) {
        StringBuilder out = new StringBuilder();
        out.append("**").append(MarkdownBlocks.category(report.analysis().category())).append("** in ")
                .append(MarkdownText.code(report.workflowName())).append(" [run ").append(report.runId())
                .append(report.attempt() > 1 ? ", attempt " + report.attempt() : "").append("](")
                .append(report.runUrl()).append(") on ").append(MarkdownText.code(report.headBranch() == null ? "?" : report.headBranch()))
                .append(" at ").append(MarkdownText.code(report.headSha().substring(0, Math.min(7, report.headSha().length()))))
                .append(" — ").append(MarkdownBlocks.percent(report.analysis().confidence())).append(" confidence")
                .append(report.analysis().transientFailure() ? ", looks transient" : "").append(".\n\n");
        out.append(MarkdownBlocks.jobsTable(report.analysis())).append('\n');
        if (report.culprit() != null) {
            out.append(MarkdownBlocks.culprit(report.culprit())).append("\n\n");
        }
        for (RemediationView remediation : report.remediations()) {
            out.append(remediation(remediation)).append('\n');
        }
        out.append(modelReading(report.modelReading()));
        out.append(configWarning(report.configLocation(), report.configProblems()));
        return out.toString();
    }

    static final String MODEL_HEADING = "### A model's reading, not verified";

    /**
     * The language model's reading under its own heading, labelled as such: the rule-based analysis above decides.
     * The model's words go through the one escaping path, as log text does.
     */
    static String modelReading(ModelReading reading) {
        if (reading == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(MODEL_HEADING).append("\n\n");
        ModelExplanation explanation = reading.explanation();
        if (explanation == null) {
            return out.append("No reading this time: ").append(modelText(reading.note()))
                    .append(". The rule-based analysis above stands.\n\n").toString();
        }
        out.append("<sub>Written by the language model ").append(MarkdownText.code(reading.model()))
                .append(" from the evidence below; nothing in it was checked, and it decides nothing")
                .append(reading.cached() ? ". Asked for an earlier run with the same failure" : "").append(".</sub>\n\n")
                .append("**Root cause:** ").append(modelText(explanation.rootCause())).append("\n\n")
                .append("**Suggested fix:** ").append(modelText(explanation.suggestedFix())).append("\n\n")
                .append("**The model's confidence:** ").append(MarkdownBlocks.percent(explanation.confidence()))
                .append("\n\n");
        if (!explanation.evidence().isEmpty()) {
            out.append("Lines it relies on:\n\n");
            explanation.evidence().forEach(cited -> out.append("- ").append(MarkdownText.code(cited.job())).append(" line ")
                    .append(cited.line()).append(": ").append(MarkdownText.code(cited.text())).append('\n'));
            out.append('\n');
        }
        if (explanation.ungrounded() > 0) {
            out.append("<sub>").append(explanation.ungrounded()).append(" more line")
                    .append(explanation.ungrounded() == 1 ? " it named was" : "s it named were")
                    .append(" never sent to it, and left out.</sub>\n\n");
        }
        return out.toString();
    }

    private static String modelText(String text) {
        return MarkdownText.escape(SecretMasker.mask(text));
    }

    static String remediation(RemediationView r) {
        return remediation(r, "use the buttons above or comment `/remediator approve` or `/remediator reject`");
    }

    /** {@code howToDecide} completes "Someone with ... permission can ...". */
    public static String remediation(RemediationView r, String howToDecide) {
        StringBuilder out = new StringBuilder();
        if (!r.action().executable()) {
            out.append("### No automatic fix\n\n").append(r.explanation()).append("\n\n");
            return out.toString();
        }
        out.append("### ").append(capitalised(r.action().slug())).append(" · risk ").append(r.risk().formatted())
                .append(" · ").append(state(r.state())).append("\n\n").append(r.explanation()).append("\n\n")
                .append(MarkdownBlocks.riskTable(r.risk())).append('\n');
        switch (r.state()) {
            case AWAITING_APPROVAL -> out.append("Waiting for approval: ").append(MarkdownText.escape(r.decisionReason()))
                    .append(". Someone with ").append(MarkdownText.code(r.approvalPermission().name().toLowerCase(Locale.ROOT)))
                    .append(" permission can ").append(howToDecide)
                    .append(r.approvalDeadline() == null ? "" : ", until " + MarkdownBlocks.when(r.approvalDeadline()))
                    .append(".\n");
            case DONE -> out.append(r.pullUrl() == null ? "Done." : "Done: draft pull request " + r.pullUrl())
                    .append(" Decision: ").append(MarkdownText.escape(r.decisionReason())).append(".\n")
                    .append(r.validation() == null ? "" : "\n" + validation(r.validation()));
            // skipped when it was to run (the daily limit, a refused revert): the note says why
            case SKIPPED -> out.append("Not done: ").append(MarkdownText.escape(r.note() != null ? r.note() : r.decisionReason()))
                    .append(".\n");
            case REJECTED, EXPIRED, FAILED -> out.append("Nothing was changed.\n");
            default -> out.append("Decision: ").append(MarkdownText.escape(r.decisionReason())).append(".\n");
        }
        if (r.note() != null && r.state() != RemediationState.SKIPPED) {
            out.append("\n> ").append(MarkdownText.escape(r.note())).append('\n');
        }
        out.append("\n<sub>Audit id ").append(r.id()).append("</sub>\n");
        return out.toString();
    }

    /** What CI says of a fix's pull request: the outcome, then each check on its head. */
    public static String validation(FixValidation validation) {
        StringBuilder out = new StringBuilder("**Validation: ").append(validation.state()).append("** · ")
                .append(MarkdownText.escape(validation.summary())).append('\n');
        if (!validation.checks().isEmpty()) {
            out.append('\n');
            for (FixValidation.Check check : validation.checks()) {
                out.append("- ").append(MarkdownText.code(check.name())).append(": ")
                        .append(check.finished() ? check.conclusion() : "running")
                        .append(check.required() ? " (required)" : "").append('\n');
            }
        }
        return out.toString();
    }

    private static String text(RunReport report) {
        StringBuilder out = new StringBuilder("## Evidence\n\n").append(MarkdownBlocks.evidence(report.analysis(), 3));
        out.append(configProblems(report.configLocation(), report.configProblems()));
        return out.toString();
    }

    /** The warning above a report whose repository config has problems: what applies instead. */
    static String configWarning(String location, List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        return "> [!WARNING]\n> " + MarkdownText.escape(location) + (LoadedConfig.unreadable(problems)
                ? " could not be read, so the defaults apply; see the details below.\n"
                : " has problems: each key named below is ignored or keeps its default, the rest applies; see the"
                        + " details below.\n");
    }

    /** Every problem of the repository config, with its path. */
    static String configProblems(String location, List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("## Configuration problems\n\n").append(MarkdownText.escape(location))
                .append(":\n\n");
        problems.forEach(problem -> out.append("- ").append(MarkdownText.escape(problem.toString())).append('\n'));
        return out.toString();
    }

    private static Conclusion conclusion(RemediationView lead) {
        if (lead == null) {
            return Conclusion.NEUTRAL;
        }
        return switch (lead.state()) {
            case AWAITING_APPROVAL -> Conclusion.ACTION_REQUIRED;
            case DONE -> lead.action().executable() ? Conclusion.SUCCESS : Conclusion.NEUTRAL;
            case PROPOSED, APPROVED, EXECUTING -> null;
            case FAILED, REJECTED, EXPIRED, SKIPPED -> Conclusion.NEUTRAL;
        };
    }

    private static List<Button> buttons(RemediationView lead) {
        return lead == null ? List.of() : decisionButtons(lead, true);
    }

    /**
     * The buttons a remediation offers: Approve and Reject while it awaits approval, Retry after its execution failed
     * (a retry is an approval, checked as one), and Re-analyse where there is a run to analyse again.
     */
    public static List<Button> decisionButtons(RemediationView remediation, boolean reanalysable) {
        List<Button> buttons = new ArrayList<>();
        if (remediation.awaitingApproval()) {
            buttons.add(new Button("Approve", "Run: " + remediation.action().slug() + " (risk "
                    + remediation.risk().formatted() + ")", APPROVE + remediation.id()));
            buttons.add(new Button("Reject", "Dismiss this remediation", REJECT + remediation.id()));
        } else if (remediation.state() == RemediationState.FAILED && remediation.action().executable()) {
            buttons.add(new Button("Retry", "Try " + remediation.action().slug() + " again", APPROVE + remediation.id()));
        } else {
            return List.of();
        }
        if (reanalysable) {
            buttons.add(new Button("Re-analyse", "Analyse the run's logs again", REANALYSE + remediation.id()));
        }
        return buttons;
    }

    private static List<Annotation> annotations(RunReport report) {
        List<Annotation> annotations = new ArrayList<>();
        for (var job : report.analysis().jobs().entrySet()) {
            JobAnalysis analysis = job.getValue();
            String title = MarkdownBlocks.category(analysis.category());
            // annotations are plain text, but quoted from a log all the same
            String excerpt = analysis.evidence().isEmpty() ? "" : ": " + SecretMasker.mask(analysis.evidence().get(0).excerpt());
            for (Location location : analysis.locations()) {
                if (annotations.size() < MAX_ANNOTATIONS) {
                    annotations.add(new Annotation(location.path(), location.line(), location.column(), "failure", title,
                            "Job " + job.getKey() + " failed here" + excerpt));
                }
            }
        }
        return annotations;
    }

    static String state(RemediationState state) {
        return switch (state) {
            case PROPOSED -> "proposed";
            case AWAITING_APPROVAL -> "awaiting approval";
            case APPROVED -> "approved";
            case EXECUTING -> "running";
            case DONE -> "done";
            case FAILED -> "failed";
            case REJECTED -> "rejected";
            case EXPIRED -> "expired";
            case SKIPPED -> "skipped";
        };
    }

    private static String capitalised(String slug) {
        return Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
    }

    /** The remediation a button's identifier names, or -1. */
    public static long remediationId(String identifier, String prefix) {
        if (identifier == null || !identifier.startsWith(prefix)) {
            return -1;
        }
        try {
            return Long.parseLong(identifier.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
