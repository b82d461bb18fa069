package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.CANCELLED;
import static dev.remediator.core.analysis.FailureCategory.TEST;
import static dev.remediator.core.analysis.FailureCategory.TIMEOUT;
import static dev.remediator.core.analysis.FailureCategory.UNKNOWN;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * What any tool says when it fails, for tools no other rule set knows: crashes, a command killed by
 * {@code timeout} (exit code 124), tests said to have failed, cancellations, lines that start with an error, words of
 * failure. These rules are weak on purpose: they find the place, the specific rule sets tell what it means, and
 * they only read lines no specific rule set recognised.
 *
 * <p>They read many lines, so each looks for its words with plain string searches before any pattern runs.
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

    /**
     * Words of failure followed by a delimiter, so that the "Errors: 0" and "Failures: 0" of every passing test class
     * are not read; a word at the very end of a line is missed, which these weak rules can afford.
     */
    private static final List<String> KEYWORDS = Stream.of(
            Keywords.followedBy(List.of("error", "Error", "ERROR"), ": !].,'\"\t"),
            Keywords.followedBy(List.of("failure", "Failure"), ": !.,\t"),
            List.of("failed", "Failed", "FAIL", "failing", "fatal", "Fatal", "FATAL", "canceled", "cancelled",
                    "Segmentation fault", "SIGSEGV", "SIGBUS", "SIGABRT", "core dumped", "code 124", "status 124",
                    "returning 124", "returned 124"))
            .flatMap(List::stream).toList();

    /** "0 failed", "errors: 0" and the like say that nothing failed (read on the lower-cased line). */
    private static final Pattern NOTHING_FAILED = Pattern.compile(
            "\\b0 (?:errors?|failed|failures?|failing)\\b|\\b(?:errors?|failures?|failed)\\s*[:=]\\s*0\\b");
    private static final String[] CRASHES = { "Segmentation fault", "SIGSEGV", "SIGBUS", "SIGABRT", "core dumped",
            "Fatal Python error" };
    private static final Pattern TIMED_OUT = Pattern.compile(
            "(?:exit(?:ed with)? (?:code|status)|return(?:ed|ing)(?: code)?) 124\\b");
    private static final Pattern TESTS_SAID_FAILED = Pattern.compile("\\btests?\\b.{0,80}?\\bfail(?:ed|ures?|ing)?\\b");
    private static final Pattern FAIL = Pattern.compile("\\bFAIL\\b");
    private static final Pattern ERROR_FIRST = Pattern.compile(
            "^\\W{0,3}(?:error|Error|ERROR|fatal|Fatal|FATAL)(?:\\[[^\\]]*\\])?(?:[:!\\]]|\\s)");
    private static final String[] FAILURE_WORDS = { "error", "failed", "failure", "fatal" };

    @Override
    public List<String> keywords() {
        return KEYWORDS;
    }

    @Override
    public boolean isFallback() {
        return true;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        // npm's closing report ("npm ERR! Test failed", "npm ERR! errno 1") only repeats that a script failed
        if (line.isShellTrace() || text.startsWith("npm ERR! ") || text.startsWith("npm error ") || line.isWarning()) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (text.indexOf('0') >= 0 && NOTHING_FAILED.matcher(lower).find()) {
            return;
        }
        Rule rule = ruleFor(text, lower);
        if (rule != null) {
            findings.report(line, rule);
        }
    }

    private static Rule ruleFor(String text, String lower) {
        for (String crash : CRASHES) {
            if (text.contains(crash)) {
                return lower.contains("test") ? CRASH_IN_TESTS : CRASH;
            }
        }
        if (text.contains("124") && TIMED_OUT.matcher(text).find()) {
            return TIMEOUT_EXIT;
        }
        if (lower.contains("test") && TESTS_SAID_FAILED.matcher(lower).find()) {
            return TESTS_FAILED;
        }
        if (text.contains("FAIL") && FAIL.matcher(text).find()) {
            return FAIL_WORD;
        }
        if (lower.contains("cancel") && (containsWord(lower, "canceled") || containsWord(lower, "cancelled"))) {
            return CANCELLED_WORD;
        }
        if (ERROR_FIRST.matcher(text).find()) {
            return ERROR_LINE;
        }
        for (String word : FAILURE_WORDS) {
            if (containsWord(lower, word)) {
                return ERROR_WORD;
            }
        }
        return null;
    }

    /** Whether the word occurs with no letter, digit or underscore right before or after it. */
    private static boolean containsWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int after = at + word.length();
            if ((at == 0 || !isWordChar(text.charAt(at - 1))) && (after == text.length() || !isWordChar(text.charAt(after)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
