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
 * Scala builds with sbt: ScalaTest's {@code - name *** FAILED ***} (its message follows, indented), and sbt's closing
 * lines, which only sum up ({@code (Compile / compileIncremental) Compilation failed}, {@code N errors found},
 * {@code Failed tests:}, {@code TestsFailedException}). scalac's own {@code [error] File.scala:6: ...} is
 * {@link JvmCompilerRules}' business.
 */
public final class SbtRules implements RuleSet {

    static final Rule SCALATEST_FAILURE = new Rule("scalatest.failure", TEST, 0.9);
    static final Rule COMPILE_SUMMARY = new Rule("sbt.compile-summary", COMPILATION, 0.5);
    static final Rule ERROR_COUNTS = new Rule("sbt.error-counts", COMPILATION, 0.5);
    static final Rule TEST_SUMMARY = new Rule("sbt.test-summary", TEST, 0.55);

    private static final Pattern SCALATEST = Pattern.compile(
            "^(?:\\[info\\] )?\\s*- (\\S.*?) \\*\\*\\* FAILED \\*\\*\\*");

    private final LineRules summaries = new LineRules(
            when("compileIncremental) Compilation failed", COMPILE_SUMMARY),
            when(" error found", "^\\[error\\] (?:one|1) error found$", ERROR_COUNTS),
            when(" errors found", "^\\[error\\] (?:two|three|four|\\d+) errors found$", ERROR_COUNTS),
            when("[error] Failed tests:", TEST_SUMMARY),
            when("TestsFailedException", TEST_SUMMARY),
            when("TESTS FAILED ***", "\\*\\*\\* \\d+ TESTS? FAILED \\*\\*\\*", TEST_SUMMARY));

    @Override
    public List<String> keywords() {
        List<String> keywords = new ArrayList<>(summaries.keywords());
        keywords.add("*** FAILED ***");
        return keywords;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        Matcher scalatest = SCALATEST.matcher(line.text());
        if (scalatest.find()) {
            findings.failingTest(scalatest.group(1));
            findings.report(line, SCALATEST_FAILURE);
            return;
        }
        summaries.report(line, findings);
    }
}
