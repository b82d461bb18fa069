package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.LINT;
import static dev.remediator.core.analysis.rules.LineRule.matching;
import static dev.remediator.core.analysis.rules.LineRule.when;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * Static analysis and formatters: ESLint (and stylelint, yamllint) in their "stylish" form, Checkstyle, Spotless,
 * Prettier, black, isort, flake8, ruff, pylint, mypy, ktlint, RuboCop, lintrunner, and any tool saying that linting
 * failed. golangci-lint's problems are {@link GoRules}' business.
 */
public final class LintRules implements RuleSet {

    static final Rule PROBLEM = new Rule("lint.problem", LINT, 0.85);
    static final Rule FORMAT = new Rule("lint.format", LINT, 0.85);
    static final Rule SUMMARY = new Rule("lint.summary", LINT, 0.8);
    static final Rule LINT_FAILED = new Rule("lint.failed", LINT, 0.75);

    /** ESLint's stylish form: the file alone on a line, then "  12:5  error  message  rule" per problem. */
    private static final Pattern STYLISH = Pattern.compile("^\\s+(\\d+):(\\d+)\\s+error\\s+.+?\\s{2,}\\S+$");
    private static final Pattern FILE_HEADER = Pattern.compile("^(?:[A-Za-z]:)?[^\\s:]*[/\\\\.][^\\s:]*\\.\\w+$");
    private static final SourceMessages PROBLEMS = new SourceMessages(
            "^\\[ERROR\\] (\\S.*?):(\\d+):(?:(\\d+):)? .* \\[\\w+\\]$",
            // Checkstyle's plain form; javac prints no column
            "^(\\S.*?\\.java):(\\d+):(\\d+): error: ",
            "^(\\S+\\.pyi?):(\\d+):(\\d+): [A-Z]+\\d+:? ",
            "^(\\S+\\.pyi?):(\\d+):(?:(\\d+):)? error: ",
            "^(\\S+\\.kts?):(\\d+):(\\d+): (?!error:).*\\((?:[\\w-]+:)?[\\w-]+\\)$",
            "^(\\S+\\.(?:rb|rake|gemspec|ru)|\\S*(?:Gemfile|Rakefile)):(\\d+):(\\d+): [CWEFR]: ");

    private final LineRules messages = new LineRules(
            when("format violations", FORMAT),
            when("spotlessApply", FORMAT),
            when("Code style issues", FORMAT),
            when("would reformat", FORMAT),
            when("Oh no!", FORMAT),
            when("Imports are incorrectly sorted", FORMAT),
            when("problem", "✖ \\d+ problems? \\((?!0 errors)\\d+ errors?", SUMMARY),
            when("Checkstyle", "You have \\d+ Checkstyle violations?|\\d+ errors? reported by Checkstyle", SUMMARY),
            when("Lint for", "^>>> Lint for \\S+:$", SUMMARY),
            when("General linter failure", SUMMARY),
            when("Error (", "^\\s+Error \\([\\w-]+\\) ", PROBLEM),
            when("Lint found", "Lint found \\d+ errors?", SUMMARY),
            when("offenses detected", "\\d+ files? inspected, [1-9]\\d* offenses? detected", SUMMARY),
            matching("(?i)\\blint(?:er|ing)?\\b.{0,30}\\bfail", LINT_FAILED));

    private String stylishFile;

    @Override
    public List<String> keywords() {
        List<String> keywords = new ArrayList<>(messages.keywords());
        keywords.addAll(List.of("Lint failed", "lint failed", "Linter failed", "linter failed", "Linting failed",
                "linting failed", "Linter command failed"));
        keywords.addAll(List.of("  error  ", "[ERROR] ", ": error: "));
        keywords.addAll(Keywords.followedByDigit(".py:", ".pyi:", ".kt:", ".kts:", ".rb:", ".rake:", "Gemfile:",
                "Rakefile:", ".gemspec:"));
        return keywords;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        Matcher stylish = STYLISH.matcher(text);
        if (stylish.find()) {
            String previous = line.previousText().strip();
            if (FILE_HEADER.matcher(previous).matches()) {
                stylishFile = previous;
            }
            if (stylishFile != null) {
                findings.location(stylishFile, Counts.of(stylish.group(1)), Counts.of(stylish.group(2)));
            }
            findings.report(line, PROBLEM);
            return;
        }
        if (!PROBLEMS.report(line, PROBLEM, findings)) {
            messages.report(line, findings);
        }
    }
}
