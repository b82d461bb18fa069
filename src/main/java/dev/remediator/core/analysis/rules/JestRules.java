package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.TEST;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * Jest: {@code FAIL path/to/suite.test.js}, then one {@code ● Describe › test} per failed test, a suite that could
 * not even run, and the {@code Tests:} counts. Failing tests are named by their full Jest title; a suite that failed
 * to run is no failed test (none of its tests ran).
 */
public final class JestRules implements RuleSet {

    static final Rule SUITE_FAILED = new Rule("jest.suite-failed", TEST, 0.75);
    static final Rule TEST_FAILURE = new Rule("jest.test-failure", TEST, 0.9);
    /** Usually a test file that does not compile or import: what follows tells, so this stays below those rules. */
    static final Rule SUITE_DID_NOT_RUN = new Rule("jest.suite-did-not-run", TEST, 0.7);
    static final Rule COUNTS = new Rule("jest.counts", TEST, 0.75);

    /** Output of several containers (docker compose) is prefixed by the container's name and a bar. */
    private static final String CONTAINER = "^(?:\\S+\\s+\\|\\s)?";
    private static final Pattern SUITE = Pattern.compile(CONTAINER + "\\s*FAIL\\s+(?:\\S+\\s+)?(\\S+\\.[cm]?[jt]sx?)(?:\\s+\\([\\d.]+ m?s\\))?\\s*$");
    private static final Pattern TITLE = Pattern.compile(CONTAINER + "\\s*● (.+)$");
    private static final Pattern COUNTS_LINE = Pattern.compile(CONTAINER + "Tests:\\s+(\\d+) failed");

    /** Lines after a failure's title within which its stack shows where it happened. */
    static final int STACK_DISTANCE = 40;

    private String suite;
    /** Line of the failure whose place is sought in the stack below it, or -1. */
    private int locatingFrom = -1;

    @Override
    public List<String> keywords() {
        return List.of("FAIL", "● ", "Tests:");
    }

    @Override
    public boolean wantsEveryLine() {
        return locatingFrom >= 0;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        Matcher suiteLine = SUITE.matcher(text);
        if (suiteLine.find()) {
            suite = suiteLine.group(1);
            findings.report(line, SUITE_FAILED);
            return;
        }
        Matcher title = TITLE.matcher(text);
        if (title.find() && suite != null) {
            String name = title.group(1);
            // "● Console" heads logged output; "●  Cannot log after tests are done" and such are warnings
            if (name.equals("Console") || name.startsWith(" ")) {
                return;
            }
            if (name.strip().equals("Test suite failed to run")) {
                findings.report(line, SUITE_DID_NOT_RUN);
                return;
            }
            findings.failingTest(name.strip());
            findings.report(line, TEST_FAILURE);
            locatingFrom = line.number();
            return;
        }
        Matcher counts = COUNTS_LINE.matcher(text);
        if (counts.find() && Counts.of(counts.group(1)) > 0) {
            findings.report(line, COUNTS);
        } else if (locatingFrom >= 0) {
            StackFrames.Frame frame = StackFrames.projectFrame(text);
            if (frame != null) {
                findings.location(fileOf(frame), frame.line(), frame.column());
            }
            if (frame != null || line.number() - locatingFrom > STACK_DISTANCE) {
                locatingFrom = -1;
            }
        }
    }

    /**
     * Jest prints stack frames relative to its root directory but suites relative to where it was started, which is
     * closer to the repository root when the workflow runs Jest in a subdirectory: the suite's path wins when it ends
     * with the frame's.
     */
    private String fileOf(StackFrames.Frame frame) {
        return suite != null && suite.endsWith("/" + frame.file()) ? suite : frame.file();
    }
}
