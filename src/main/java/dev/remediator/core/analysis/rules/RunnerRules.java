package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.CANCELLED;
import static dev.remediator.core.analysis.FailureCategory.COMPILATION;
import static dev.remediator.core.analysis.FailureCategory.CONFIGURATION;
import static dev.remediator.core.analysis.FailureCategory.DEPENDENCY;
import static dev.remediator.core.analysis.FailureCategory.INFRASTRUCTURE;
import static dev.remediator.core.analysis.FailureCategory.LINT;
import static dev.remediator.core.analysis.FailureCategory.RESOURCE;
import static dev.remediator.core.analysis.FailureCategory.TEST;
import static dev.remediator.core.analysis.FailureCategory.TIMEOUT;
import static dev.remediator.core.analysis.FailureCategory.UNKNOWN;
import static dev.remediator.core.analysis.rules.LineRule.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.LogMarker;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * The GitHub Actions runner's own messages: cancellation, timeouts, lost runners, actions and artifacts that cannot
 * be fetched, and the exit code a failed step ends with. It also follows the steps ({@code ##[group]Run ...}) so
 * that, when a step fails, the last lines it printed become evidence: whatever a tool prints last before exiting
 * non-zero is usually why, even when no rule knows that tool. The step's command hints at the kind of failure.
 */
public final class RunnerRules implements RuleSet {

    /** Output lines before a step's exit code that are kept as evidence. */
    static final int TAIL = 8;

    static final Rule CANCELLED_RUN = new Rule("runner.cancelled", CANCELLED, 0.95, false);
    static final Rule INTERRUPTED = new Rule("runner.interrupted", CANCELLED, 0.85, false);
    static final Rule SHUTDOWN = new Rule("runner.shutdown-signal", INFRASTRUCTURE, 0.95);
    static final Rule LOST_RUNNER = new Rule("runner.lost-communication", INFRASTRUCTURE, 0.95);
    static final Rule JOB_TIMEOUT = new Rule("runner.timeout", TIMEOUT, 0.95);
    static final Rule INVALID_WORKFLOW = new Rule("runner.invalid-workflow", CONFIGURATION, 0.95);
    static final Rule MISSING_ACTION = new Rule("runner.missing-action", CONFIGURATION, 0.9);
    static final Rule ACTION_DOWNLOAD = new Rule("runner.action-download", INFRASTRUCTURE, 0.85);
    static final Rule MISSING_ARTIFACT = new Rule("runner.missing-artifact", CONFIGURATION, 0.8);
    static final Rule ERROR_ANNOTATION = new Rule("runner.error", UNKNOWN, 0.45);
    static final Rule EXIT_CODE = new Rule("runner.exit-code", UNKNOWN, 0.2);
    static final Rule KILLED = new Rule("runner.killed", RESOURCE, 0.6, true);
    static final Rule TIMED_OUT_COMMAND = new Rule("runner.timeout-exit-code", TIMEOUT, 0.6);
    static final Rule MISSING_COMMAND = new Rule("runner.command-not-found-exit-code", CONFIGURATION, 0.5);
    static final Rule LOG_END = new Rule("runner.log-end", UNKNOWN, 0.15);

    private static final Pattern EXIT = Pattern.compile(
            "(?:Process completed|failed|exited) with (?:exit )?code (-?\\d+)");

    /** What a failed step's command says about the failure, tried in order. */
    private record StepKind(Pattern command, Rule tail) {
        StepKind(String regex, FailureCategory category) {
            this(Pattern.compile(regex), new Rule("runner.failed-step", category, 0.3, category.transientByDefault()));
        }
    }

    private static final List<StepKind> STEP_KINDS = List.of(
            new StepKind("\\b(?:lint|eslint|stylelint|checkstyle|spotless|ktlint|detekt|flake8|pylint|ruff|black|isort"
                    + "|mypy|prettier|rubocop|clippy|fmt|gofmt|golangci|shellcheck|pre-commit|format)\\b", LINT),
            new StepKind("\\b(?:tests?|pytest|jest|mocha|vitest|karma|ctest|tox|nox|rspec|unittest)\\b", TEST),
            new StepKind("\\b(?:install|restore|dependencies|deps|npm ci|bundle|poetry lock|uv sync)\\b", DEPENDENCY),
            new StepKind("\\b(?:build|compile|make|cmake|ninja|javac|tsc|assemble)\\b", COMPILATION),
            new StepKind("\\b(?:checkout|setup|configure|login|credentials|auth)\\b", CONFIGURATION));
    private static final Rule UNKNOWN_STEP = new Rule("runner.failed-step", UNKNOWN, 0.3);

    private final LineRules messages = new LineRules(
            when("Canceling since a higher priority waiting request", CANCELLED_RUN),
            when("The operation was canceled", "^The operation was canceled\\.?$", CANCELLED_RUN),
            when("The job was canceled", CANCELLED_RUN),
            when("received SIGINT", INTERRUPTED),
            when("received SIGTERM", INTERRUPTED),
            when("shutdown signal", "The runner has received a shutdown signal", SHUTDOWN),
            when("lost communication with the server", LOST_RUNNER),
            when("was not acquired by Runner", LOST_RUNNER),
            when("exceeded the maximum execution time", JOB_TIMEOUT),
            when("has timed out after", "^The action '.*' has timed out after \\d+ minutes", JOB_TIMEOUT),
            when("Invalid workflow file", INVALID_WORKFLOW),
            when("Unable to resolve action", MISSING_ACTION),
            when("Can't find 'action.y", MISSING_ACTION),
            when("Failed to download action", ACTION_DOWNLOAD),
            when("Failed to download archive", ACTION_DOWNLOAD),
            when("Artifact not found", MISSING_ARTIFACT),
            when("No files were found with the provided path", MISSING_ARTIFACT));

    private String step = "";
    /** First line of the current step's own output (after its header group). */
    private int stepOutputStart = 1;
    private boolean inStepHeader;
    private boolean stepEndedWithExitCode;
    private boolean aStepFailed;
    private boolean inPostJob;

    @Override
    public List<String> keywords() {
        List<String> keywords = new ArrayList<>(messages.keywords());
        keywords.addAll(List.of("##[", "Post job cleanup"));
        return keywords;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        if (line.marker() == LogMarker.GROUP && text.startsWith("Run ")) {
            if (aStepFailed) {
                findings.laterStepsStartAt(line.number());
            }
            step = text.substring("Run ".length());
            stepOutputStart = line.number() + 1;
            inStepHeader = true;
            stepEndedWithExitCode = false;
            return;
        }
        if (line.marker() == LogMarker.ENDGROUP && inStepHeader) {
            stepOutputStart = line.number() + 1;
            inStepHeader = false;
            return;
        }
        if (text.startsWith("Post job cleanup")) {
            if (aStepFailed) {
                findings.laterStepsStartAt(line.number());
            }
            inPostJob = true;
            return;
        }
        if (messages.report(line, findings) != null) {
            return;
        }
        if (line.marker() != LogMarker.ERROR) {
            return;
        }
        Matcher exit = EXIT.matcher(text);
        if (!exit.find()) {
            findings.report(line, ERROR_ANNOTATION);
            return;
        }
        findings.report(line, exitCodeRule(exit.group(1)));
        aStepFailed = true;
        if (line.number() > stepOutputStart && !stepEndedWithExitCode) {
            int from = Math.max(stepOutputStart, line.number() - TAIL);
            findings.reportRange(from, line.number() - 1, "Last output of the failed step " + step,
                    failedStepRule());
        }
        stepEndedWithExitCode = true;
    }

    @Override
    public void onEnd(Findings findings) {
        // a log cut off inside a step (a fragment, or a runner that died) ends with whatever that step printed last
        int last = findings.lastLine();
        if (!inPostJob && !stepEndedWithExitCode && last >= stepOutputStart) {
            findings.reportRange(Math.max(stepOutputStart, last - TAIL + 1), last, "Last lines of the log", LOG_END);
        }
    }

    private static Rule exitCodeRule(String code) {
        return switch (code) {
            case "137" -> KILLED;
            case "124" -> TIMED_OUT_COMMAND;
            case "127" -> MISSING_COMMAND;
            default -> EXIT_CODE;
        };
    }

    private Rule failedStepRule() {
        String command = step.toLowerCase(Locale.ROOT);
        for (StepKind kind : STEP_KINDS) {
            if (kind.command().matcher(command).find()) {
                return kind.tail();
            }
        }
        return UNKNOWN_STEP;
    }
}
