package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.COMPILATION;
import static dev.remediator.core.analysis.FailureCategory.DEPENDENCY;
import static dev.remediator.core.analysis.FailureCategory.LINT;
import static dev.remediator.core.analysis.FailureCategory.TEST;
import static dev.remediator.core.analysis.FailureCategory.TIMEOUT;
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
 * Go: {@code go test} ({@code --- FAIL: TestName}, {@code FAIL package}, panics and the test binary's timeout),
 * {@code go build} and {@code go vet} errors ({@code ./file.go:12:5: ...}), golangci-lint (the same form, ending
 * with the linter's name) and modules that cannot be resolved. Failing tests are named as Go prints them,
 * {@code TestName/subtest}.
 */
public final class GoRules implements RuleSet {

    static final Rule TEST_FAILURE = new Rule("go.test-failure", TEST, 0.9);
    static final Rule PACKAGE_FAILED = new Rule("go.package-failed", TEST, 0.7);
    static final Rule BUILD_FAILED = new Rule("go.build-failed", COMPILATION, 0.75);
    static final Rule TEST_TIMEOUT = new Rule("go.test-timeout", TIMEOUT, 0.85);
    static final Rule PANIC = new Rule("go.panic", UNKNOWN, 0.6);
    static final Rule COMPILE_ERROR = new Rule("go.compile-error", COMPILATION, 0.85);
    static final Rule LINT_ISSUE = new Rule("go.lint", LINT, 0.85);
    static final Rule TEST_ASSERTION = new Rule("go.test-assertion", TEST, 0.6);
    static final Rule MODULE = new Rule("go.module", DEPENDENCY, 0.85);

    private static final Pattern TEST_LINE = Pattern.compile("^\\s*--- FAIL: (\\S+) \\(");
    private static final Pattern PACKAGE_LINE = Pattern.compile("^FAIL\\s+(\\S+)\\s+(\\[build failed\\]|\\[setup failed\\]|[\\d.]+s)");
    private static final SourceMessages SOURCE = new SourceMessages("^(\\S+\\.go):(\\d+):(\\d+): ");
    private static final Pattern LINTER_NAME = Pattern.compile("\\(\\w[\\w-]*\\)$");
    /** A test's own message; its file is relative to the package, not the repository, so it gives no location. */
    private static final Pattern TEST_OUTPUT = Pattern.compile("^\\s+\\S+_test\\.go:\\d+: ");

    private final LineRules messages = new LineRules(
            when("panic: test timed out after", TEST_TIMEOUT),
            when("panic: ", "^panic: ", PANIC),
            when("missing go.sum entry", MODULE),
            when("updates to go.mod needed", MODULE),
            when("go.mod file indicates go", MODULE),
            when("providing package", "cannot find module providing package", MODULE),
            when("provides package", "no required module provides package", MODULE),
            when("go: ", "^go: .*(?:unknown revision|invalid version|checksum mismatch|404 Not Found)", MODULE));

    @Override
    public List<String> keywords() {
        List<String> keywords = new ArrayList<>(messages.keywords());
        keywords.addAll(List.of("--- FAIL", "FAIL"));
        keywords.addAll(Keywords.followedByDigit(".go:"));
        return keywords;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        Matcher test = TEST_LINE.matcher(text);
        if (test.find()) {
            findings.failingTest(test.group(1));
            findings.report(line, TEST_FAILURE);
            return;
        }
        Matcher packageLine = PACKAGE_LINE.matcher(text);
        if (packageLine.find()) {
            findings.report(line, packageLine.group(2).startsWith("[") ? BUILD_FAILED : PACKAGE_FAILED);
            return;
        }
        Matcher source = SOURCE.match(text);
        if (source != null) {
            boolean linter = LINTER_NAME.matcher(text).find();
            SOURCE.report(line, linter ? LINT_ISSUE : COMPILE_ERROR, findings);
            return;
        }
        if (TEST_OUTPUT.matcher(text).find()) {
            findings.report(line, TEST_ASSERTION);
        } else {
            messages.report(line, findings);
        }
    }
}
