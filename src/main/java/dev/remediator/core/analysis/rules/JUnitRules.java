package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.TEST;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * JUnit as the JVM build tools report it: Maven Surefire and Failsafe ({@code Tests run: ...} lines, one line per
 * failed test ending {@code <<< FAILURE!}, the {@code Failures:} / {@code Errors:} summary and the
 * {@code Flakes:} of tests that passed on a re-run), Ant's JUnit tasks, the JUnit Platform console launcher and sbt.
 * Failing tests are named {@code package.Class#method}.
 *
 * <p>Surefire's end summary names tests without their package and sometimes by the method that failed (a
 * {@code setUp}), so it only counts when no per-test line was seen.
 */
public final class JUnitRules implements RuleSet {

    static final Rule TEST_FAILURE = new Rule("junit.test-failure", TEST, 0.9);
    static final Rule SUMMARY_ENTRY = new Rule("junit.summary-entry", TEST, 0.8);
    static final Rule CLASS_FAILED = new Rule("junit.class-failed", TEST, 0.75);
    static final Rule COUNTS = new Rule("junit.counts", TEST, 0.7);

    static final int MAX_NAMES = 1000;

    private static final Pattern TESTS_RUN = Pattern.compile(
            "Tests run: \\d+, Failures: (\\d+), (?:Errors|Aborted): (\\d+)(?:.*?<<< (?:FAILURE|ERROR)!.*?\\bin ([\\w.$]+))?");
    private static final Pattern SUREFIRE_TEST = Pattern.compile(
            "^(?:\\[(?:ERROR|INFO|WARNING)\\]\\s+)?(.+?)\\s+(?:--\\s+)?Time elapsed:\\s*[\\d.,]+\\s*s(?:ec)?\\s*<<<\\s*(?:FAILURE|ERROR)!");
    private static final Pattern SUMMARY_HEADER = Pattern.compile("^\\[(?:ERROR|WARNING)\\] (Failures|Errors|Flakes):\\s*$");
    /** An entry of the summary; its "Run 1:", "Run 2:" lines name the method that failed in each run. */
    private static final Pattern SUMMARY_TEST = Pattern.compile(
            "^\\[(?:ERROR|WARNING|INFO)\\]\\s+(Run \\d+: )?(?:[\\w$.]+>)?([\\w$.]+\\.[^\\s:]+?)(?::\\d+)?(?:\\s|$)");
    private static final Pattern ANT_SUITE = Pattern.compile("\\[junit\\] Testsuite: ([\\w.$]+)");
    private static final Pattern ANT_CASE = Pattern.compile("\\[junit\\] Testcase: ([^\\s(]+)(?:\\(([\\w.$]+)\\))?");
    private static final Pattern ANT_VERDICT = Pattern.compile("(?:FAILED|Caused an ERROR)\\s*$");
    private static final Pattern ANT_CLASS_FAILED = Pattern.compile("\\[junit\\] Test ([\\w.$]+) FAILED");
    private static final Pattern CONSOLE_SOURCE = Pattern.compile(
            "MethodSource \\[className = '([^']+)', methodName = '([^']+)'");
    private static final Pattern CONSOLE_COUNTS = Pattern.compile("\\[\\s*(\\d+) tests failed\\s*\\]");
    private static final Pattern SBT_TEST = Pattern.compile("\\bTest ([\\w.$]+)\\.([^\\s.]+) failed: ");
    private static final Pattern SBT_COUNTS = Pattern.compile("\\bFailed: Total \\d+, Failed (\\d+), Errors (\\d+)");

    private final Set<String> perTest = new LinkedHashSet<>();
    private final Set<String> fromSummary = new LinkedHashSet<>();
    private final Set<String> flaky = new LinkedHashSet<>();
    /** The class Surefire is reporting on, from its {@code Tests run: ... in Class} line. */
    private String currentClass;
    /** The section of Surefire's end summary being read: Failures, Errors, Flakes, or none. */
    private String summarySection;
    private String antSuite;
    private String antCase;
    private int antCaseLine;

    @Override
    public List<String> keywords() {
        // counts that are not zero, and the lines of failed tests; the end summary is read as a section
        List<String> keywords = new ArrayList<>(Keywords.followedByDigit("Failures: ", "Errors: ", "Aborted: "));
        keywords.addAll(List.of("<<< FAILURE!", "<<< ERROR!", "] Failures:", "] Errors:", "] Flakes:", "Testsuite:",
                "Testcase:", "Caused an ERROR", "FAILED", "MethodSource [", "tests failed", "failed: ", "Failed: Total"));
        return keywords;
    }

    @Override
    public boolean wantsEveryLine() {
        return summarySection != null;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        Matcher testsRun = TESTS_RUN.matcher(text);
        if (testsRun.find()) {
            summarySection = null;
            if (Counts.of(testsRun.group(1)) + Counts.of(testsRun.group(2)) > 0) {
                currentClass = testsRun.group(3);
                findings.report(line, COUNTS);
            }
            return;
        }
        Matcher surefire = SUREFIRE_TEST.matcher(text);
        if (surefire.find()) {
            failed(perTest, TestNames.jvm(surefire.group(1), currentClass), line, TEST_FAILURE, findings);
            return;
        }
        if (readSurefireSummary(line, findings)) {
            return;
        }
        if (readAnt(line, findings)) {
            return;
        }
        Matcher console = CONSOLE_SOURCE.matcher(text);
        Matcher sbt = SBT_TEST.matcher(text);
        if (console.find()) {
            failed(perTest, TestNames.member(console.group(1), console.group(2)), line, TEST_FAILURE, findings);
        } else if (sbt.find()) {
            failed(perTest, TestNames.member(sbt.group(1), sbt.group(2)), line, TEST_FAILURE, findings);
        } else if (anyPositive(CONSOLE_COUNTS.matcher(text)) || anyPositive(SBT_COUNTS.matcher(text))) {
            findings.report(line, COUNTS);
        }
    }

    @Override
    public void onEnd(Findings findings) {
        Set<String> names = perTest.isEmpty() ? fromSummary : perTest;
        for (String name : names) {
            if (flaky.stream().noneMatch(flake -> name.equals(flake) || name.endsWith("." + flake))) {
                findings.failingTest(name);
            }
        }
    }

    private boolean readSurefireSummary(LogLine line, Findings findings) {
        Matcher header = SUMMARY_HEADER.matcher(line.text());
        if (header.find()) {
            summarySection = header.group(1);
            return true;
        }
        if (summarySection == null) {
            return false;
        }
        Matcher entry = SUMMARY_TEST.matcher(line.text());
        if (!entry.find()) {
            summarySection = null;
            return false;
        }
        if (entry.group(1) != null) {
            return true;
        }
        String name = TestNames.jvm(entry.group(2), null);
        if (summarySection.equals("Flakes")) {
            if (flaky.size() < MAX_NAMES) {
                flaky.add(name);
            }
        } else {
            failed(fromSummary, name, line, SUMMARY_ENTRY, findings);
        }
        return true;
    }

    private boolean readAnt(LogLine line, Findings findings) {
        String text = line.text();
        Matcher suite = ANT_SUITE.matcher(text);
        if (suite.find()) {
            antSuite = suite.group(1);
            return true;
        }
        Matcher testCase = ANT_CASE.matcher(text);
        if (testCase.find()) {
            String testClass = testCase.group(2) != null ? testCase.group(2) : antSuite;
            if (ANT_VERDICT.matcher(text).find()) {
                failed(perTest, TestNames.member(testClass, testCase.group(1)), line, TEST_FAILURE, findings);
            } else {
                antCase = TestNames.member(testClass, testCase.group(1));
                antCaseLine = line.number();
            }
            return true;
        }
        // Ant prints the verdict on the line after "Testcase: name took 1.2 sec"
        if (antCase != null && line.number() == antCaseLine + 1 && text.contains("[junit]")
                && ANT_VERDICT.matcher(text).find()) {
            failed(perTest, antCase, line, TEST_FAILURE, findings);
            antCase = null;
            return true;
        }
        Matcher classFailed = ANT_CLASS_FAILED.matcher(text);
        if (classFailed.find()) {
            findings.report(line, CLASS_FAILED);
            return true;
        }
        return false;
    }

    private static void failed(Set<String> names, String name, LogLine line, Rule rule, Findings findings) {
        if (names.size() < MAX_NAMES) {
            names.add(name);
        }
        findings.report(line, rule);
    }

    private static boolean anyPositive(Matcher counts) {
        if (!counts.find()) {
            return false;
        }
        for (int group = 1; group <= counts.groupCount(); group++) {
            if (Counts.of(counts.group(group)) > 0) {
                return true;
            }
        }
        return false;
    }
}
