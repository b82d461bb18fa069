package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.COMPILATION;
import static dev.remediator.core.analysis.FailureCategory.TEST;
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
 * Elixir: ExUnit's numbered failures ({@code 1) test name (Module)}, with the test's place, the assertion and its
 * stack trace indented below) and its {@code N tests, M failures} count; the compiler's
 * {@code == Compilation error in file ... ==} and {@code ** (CompileError) file:line: ...}.
 */
public final class ElixirRules implements RuleSet {

    static final Rule TEST_FAILURE = new Rule("exunit.failure", TEST, 0.9);
    static final Rule COUNTS = new Rule("exunit.counts", TEST, 0.6);
    static final Rule COMPILE_ERROR = new Rule("elixir.compile-error", COMPILATION, 0.85);

    private static final Pattern FAILURE = Pattern.compile(
            "^\\s+\\d+\\) (?:test|doctest|property) (.+) \\(([\\w.]+)\\)$");
    private static final Pattern COUNT_LINE = Pattern.compile(
            "^(?:\\d+ (?:doctests?|propert(?:y|ies)), )*\\d+ tests?, [1-9]\\d* failures?");
    private static final Pattern COMPILE_ERROR_LINE = Pattern.compile(
            "^\\*\\* \\(CompileError\\) (\\S+?\\.exs?):(\\d+)");

    private final LineRules compiler = new LineRules(
            when("== Compilation error in file", COMPILE_ERROR));

    @Override
    public List<String> keywords() {
        List<String> keywords = new ArrayList<>(compiler.keywords());
        keywords.addAll(List.of(") test ", ") doctest ", ") property ", " tests, ", " test, ", "** (CompileError) "));
        return keywords;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        Matcher failure = FAILURE.matcher(text);
        if (failure.find()) {
            findings.failingTest(TestNames.member(failure.group(2), failure.group(1)));
            findings.report(line, TEST_FAILURE);
            return;
        }
        if (COUNT_LINE.matcher(text).find()) {
            findings.report(line, COUNTS);
            return;
        }
        Matcher compileError = COMPILE_ERROR_LINE.matcher(text);
        if (compileError.find()) {
            findings.location(compileError.group(1), Counts.of(compileError.group(2)), 0);
            findings.report(line, COMPILE_ERROR);
            return;
        }
        compiler.report(line, findings);
    }
}
