package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.CANCELLED;
import static dev.remediator.core.analysis.FailureCategory.TEST;
import static dev.remediator.core.analysis.FailureCategory.TIMEOUT;
import static dev.remediator.core.analysis.FailureCategory.UNKNOWN;
import static dev.remediator.core.analysis.rules.LineRule.matching;

import java.util.List;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * What any tool says when it fails, for tools no other rule set knows: crashes, a command killed by
 * {@code timeout} (exit code 124), tests said to have failed, cancellations, lines that start with an error, words of
 * failure. These rules are weak on purpose: they find the place, the specific rule sets tell what it means.
 */
public final class GenericRules implements RuleSet {

    static final Rule CRASH_IN_TESTS = new Rule("generic.crash", TEST, 0.6);
    static final Rule CRASH = new Rule("generic.crash", UNKNOWN, 0.55);
    static final Rule TIMEOUT_EXIT = new Rule("generic.timeout-exit-code", TIMEOUT, 0.75);
    static final Rule TESTS_FAILED = new Rule("generic.tests-failed", TEST, 0.55);
    static final Rule FAIL_WORD = new Rule("generic.fail", TEST, 0.5);
    static final Rule CANCELLED_WORD = new Rule("generic.cancelled", CANCELLED, 0.5, false);
    static final Rule ERROR_LINE = new Rule("generic.error-line", UNKNOWN, 0.45);
    static final Rule ERROR_WORD = new Rule("generic.error-word", UNKNOWN, 0.3);

    private static final List<String> KEYWORDS = List.of("error", "Error", "ERROR", "fatal", "Fatal", "FATAL", "fail",
            "Fail", "FAIL", "canceled", "cancelled", "Segmentation fault", "SIGSEGV", "SIGBUS", "SIGABRT", "core dumped",
            "code 124", "status 124", "returning 124", "returned 124");

    /** "0 failed", "errors: 0" and the like say that nothing failed. */
    private static final Pattern NOTHING_FAILED = Pattern.compile(
            "(?i)\\b0 (?:errors?|failed|failures?|failing)\\b|\\b(?:errors?|failures?|failed)\\s*[:=]\\s*0\\b");
    private static final Pattern CRASHED = Pattern.compile(
            "Segmentation fault|SIGSEGV|SIGBUS|SIGABRT|core dumped|Fatal Python error");
    private static final Pattern NPM_REPORT = Pattern.compile("^npm (?:ERR!|error) ");
    private static final Pattern MENTIONS_TESTS = Pattern.compile("(?i)test");

    private final LineRules rules = new LineRules(
            matching("(?:exit(?:ed with)? (?:code|status)|return(?:ed|ing)(?: code)?) 124\\b", TIMEOUT_EXIT),
            matching("(?i)\\btests?\\b.{0,80}?\\bfail(?:ed|ures?|ing)?\\b", TESTS_FAILED),
            matching("\\bFAIL\\b", FAIL_WORD),
            matching("\\bcancell?ed\\b", CANCELLED_WORD),
            matching("^\\W{0,3}(?:error|Error|ERROR|fatal|Fatal|FATAL)(?:\\[[^\\]]*\\])?(?:[:!\\]]|\\s)", ERROR_LINE),
            matching("(?i)\\b(?:error|fail(?:ed|ure)|fatal)\\b", ERROR_WORD));

    @Override
    public List<String> keywords() {
        return KEYWORDS;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        // npm's closing report ("npm ERR! Test failed", "npm ERR! errno 1") only repeats that a script failed
        if (line.isShellTrace() || line.isWarning() || NPM_REPORT.matcher(text).find()
                || NOTHING_FAILED.matcher(text).find()) {
            return;
        }
        if (CRASHED.matcher(text).find()) {
            findings.report(line, MENTIONS_TESTS.matcher(text).find() ? CRASH_IN_TESTS : CRASH);
            return;
        }
        rules.report(line, findings);
    }
}
