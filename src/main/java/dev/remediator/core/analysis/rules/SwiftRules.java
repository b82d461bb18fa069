package dev.remediator.core.analysis.rules;

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
 * Swift and Xcode tests: XCTest's assertion ({@code File.swift:34: error: Class.testX : XCTAssertTrue failed ...},
 * or {@code -[Class testX]} on macOS) and its {@code Test Case '...' failed} line, swift-testing's
 * {@code ✘ Test x() recorded an issue at File.swift:17:9: ...}, and the summaries of {@code xcodebuild} and
 * {@code swift test}. The compiler's own {@code File.swift:12:5: error:} is {@link NativeBuildRules}' business; an
 * XCTest assertion has that shape too, so its rule weighs a little more, to say what it is.
 */
public final class SwiftRules implements RuleSet {

    static final Rule XCTEST_ASSERTION = new Rule("swift.xctest-assertion", TEST, 0.92);
    static final Rule ISSUE_RECORDED = new Rule("swift.testing-issue", TEST, 0.9);
    static final Rule TEST_CASE_FAILED = new Rule("swift.test-case-failed", TEST, 0.7);
    static final Rule FATAL_ERROR = new Rule("swift.fatal-error", UNKNOWN, 0.7);
    static final Rule SUMMARY = new Rule("swift.test-summary", TEST, 0.5);
    static final Rule XCODEBUILD_FAILED = new Rule("xcode.build-failed", UNKNOWN, 0.4);

    private static final Pattern XCTEST = Pattern.compile(
            "^(\\S.*?\\.swift):(\\d+)(): error: (?:-\\[([\\w.]+) (\\w+)\\]|([\\w.]+)\\.(\\w+)) : ");
    private static final Pattern ISSUE = Pattern.compile(
            "^✘ Test (\\S.*?) recorded an issue at (\\S+?\\.swift):(\\d+):(\\d+): ");
    private static final Pattern CASE_FAILED = Pattern.compile(
            "^Test Case '(?:-\\[([\\w.]+) (\\w+)\\]|([\\w.]+)\\.(\\w+))' failed \\(");

    private final LineRules summaries = new LineRules(
            when("✘ Test run with", "^✘ Test run with \\d+ tests? failed", SUMMARY),
            when("** TEST FAILED **", XCODEBUILD_FAILED),
            when("** BUILD FAILED **", XCODEBUILD_FAILED),
            when("Fatal error: ", "^(?:\\S+\\.swift:\\d+: )?Fatal error: ", FATAL_ERROR));

    @Override
    public List<String> keywords() {
        List<String> keywords = new ArrayList<>(summaries.keywords());
        keywords.addAll(List.of("✘ Test ", "' failed ("));
        keywords.addAll(Keywords.followedByDigit(".swift:"));
        return keywords;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        Matcher xctest = XCTEST.matcher(text);
        if (xctest.find()) {
            findings.location(xctest.group(1), Counts.of(xctest.group(2)), 0);
            findings.failingTest(testName(xctest, 4));
            findings.report(line, XCTEST_ASSERTION);
            return;
        }
        Matcher issue = ISSUE.matcher(text);
        if (issue.find()) {
            findings.location(issue.group(2), Counts.of(issue.group(3)), Counts.of(issue.group(4)));
            findings.failingTest(issue.group(1));
            findings.report(line, ISSUE_RECORDED);
            return;
        }
        Matcher caseFailed = CASE_FAILED.matcher(text);
        if (caseFailed.find()) {
            findings.failingTest(testName(caseFailed, 1));
            findings.report(line, TEST_CASE_FAILED);
            return;
        }
        summaries.report(line, findings);
    }

    /** {@code Class.method} from the groups {@code -[Class method]} (from {@code first}) or {@code Class.method}. */
    private static String testName(Matcher matcher, int first) {
        int group = matcher.group(first) != null ? first : first + 2;
        return TestNames.member(matcher.group(group), matcher.group(group + 1));
    }
}
