package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.COMPILATION;
import static dev.remediator.core.analysis.FailureCategory.DEPENDENCY;
import static dev.remediator.core.analysis.FailureCategory.TEST;
import static dev.remediator.core.analysis.FailureCategory.UNKNOWN;
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
 * PHP: PHPUnit's numbered failures and errors ({@code 1) Class::testMethod}, its message below, in the list that
 * {@code There were N failures:} opens and {@code FAILURES!} closes) and its
 * {@code Tests: N, Assertions: N, Failures: N.} count; Composer's unresolvable requirements; PHP's own parse and
 * fatal errors.
 */
public final class PhpRules implements RuleSet {

    static final Rule PHPUNIT_FAILURE = new Rule("phpunit.failure", TEST, 0.9);
    static final Rule COUNTS = new Rule("phpunit.counts", TEST, 0.6);
    static final Rule UNRESOLVABLE = new Rule("composer.unresolvable", DEPENDENCY, 0.9);
    static final Rule PARSE_ERROR = new Rule("php.parse-error", COMPILATION, 0.85);
    static final Rule FATAL_ERROR = new Rule("php.fatal-error", UNKNOWN, 0.7);

    /** {@code 1) Vendor\Package\ClassTest::testMethod}, with a data set's name after it. */
    private static final Pattern NUMBERED_TEST = Pattern.compile("^\\d+\\) ([\\w\\\\]+)::(\\w+)");
    private static final Pattern FAILURE_LIST = Pattern.compile("^There (?:was|were) \\d+ (?:failures?|errors?):$");
    private static final Pattern VERDICT = Pattern.compile("^(?:FAILURES|ERRORS|OK, but [\\w ]+)!$");
    private static final Pattern COUNT_LINE = Pattern.compile(
            "^Tests: \\d+, Assertions: \\d+, (?:Errors: [1-9]|Failures: [1-9])");

    private final LineRules messages = new LineRules(
            when("could not be resolved to an installable set of packages", UNRESOLVABLE),
            when("does not contain a compatible set of packages", UNRESOLVABLE),
            when("Parse error: ", "^(?:PHP )?Parse error: ", PARSE_ERROR),
            when("Fatal error: ", "^(?:PHP )?Fatal error: ", FATAL_ERROR));

    /** Inside PHPUnit's {@code There were N failures:} list, which runs to its verdict. */
    private boolean inFailures;

    @Override
    public List<String> keywords() {
        List<String> keywords = new ArrayList<>(messages.keywords());
        keywords.addAll(List.of("There was ", "There were ", "Tests: "));
        return keywords;
    }

    @Override
    public boolean wantsEveryLine() {
        return inFailures;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        if (FAILURE_LIST.matcher(text).matches()) {
            inFailures = true;
            return;
        }
        if (VERDICT.matcher(text).matches()) {
            inFailures = false;
            return;
        }
        Matcher test = NUMBERED_TEST.matcher(text);
        if (inFailures && test.find()) {
            findings.failingTest(TestNames.member(test.group(1), test.group(2)));
            findings.report(line, PHPUNIT_FAILURE);
            return;
        }
        if (COUNT_LINE.matcher(text).find()) {
            findings.report(line, COUNTS);
            return;
        }
        messages.report(line, findings);
    }
}
