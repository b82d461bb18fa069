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
 * pytest: the short test summary ({@code FAILED path::test - reason}), verbose progress lines, the sections of the
 * {@code FAILURES} and {@code ERRORS} report (one per failed test, headed {@code ____ Class.test ____}), collection
 * errors and the final counts. Failing tests are named by pytest node id, {@code path::Class::test[param]}.
 *
 * <p>A section header names the test without its file; the first {@code path:line:} of the section gives it. The
 * summary line names it exactly, so section names only count for tests the summary did not list. Every line that
 * names a failed test weighs the same: the last one, nearest to the end of the run, comes first.
 */
public final class PytestRules implements RuleSet {

    static final Rule FAILURE_SECTION = new Rule("pytest.failure", TEST, 0.85);
    /** A test said to have failed (progress or summary line): its section, when there is one, explains it. */
    static final Rule FAILED = new Rule("pytest.failed", TEST, 0.8);
    /** A wrapper's verdict that a test failed on every rerun: no flake, the failure to read. */
    static final Rule FAILED_CONSISTENTLY = new Rule("pytest.failed-consistently", TEST, 0.9);
    static final Rule COLLECTION_ERRORS = new Rule("pytest.collection-errors", TEST, 0.75);
    static final Rule COUNTS = new Rule("pytest.counts", TEST, 0.6);

    static final int MAX_NAMES = 1000;

    private static final String NODE_ID = "(?:[\\w.\\-]+[/\\\\])*[\\w.\\-]+\\.py(?:::[\\w.\\-]+)*(?:\\[[^\\]]*\\])?";
    private static final Pattern SUMMARY = Pattern.compile(
            "^(?:\\[gw\\d+\\] \\[\\s*\\d+%\\] )?(?:FAILED|ERROR) (?:\\[[\\d.]+m?s\\] )?(" + NODE_ID + ")(?: - .*)?\\s*$");
    private static final Pattern PROGRESS = Pattern.compile("^(" + NODE_ID + ")(?: <- \\S+)? (?:FAILED|ERROR)\\b");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w/.])(" + NODE_ID + ")");
    /** A section of pytest's report, {@code ==== FAILURES ====}; only FAILURES and ERRORS hold failed tests. */
    private static final Pattern SECTION = Pattern.compile("^=+ (.+?) =+$");
    private static final Pattern HEADER = Pattern.compile("^_{3,} (.+?) _{3,}$");
    private static final Pattern SETUP_OR_TEARDOWN = Pattern.compile("^ERROR at (?:setup|teardown) of (.+)$");
    private static final Pattern COLLECTING = Pattern.compile("^ERROR collecting (.+)$");
    private static final Pattern CLASS_AND_TEST = Pattern.compile("^([A-Z]\\w*)\\.(\\w+(?:\\[.*\\])?)$");
    private static final Pattern LOCATION = Pattern.compile("^((?:[\\w.\\-]+/)*[\\w.\\-]+\\.py):(\\d+): (.+)$");
    private static final Pattern COUNTS_LINE = Pattern.compile("^=*\\s*\\d+ \\w+.* in [\\d.]+m?s\\b");
    private static final Pattern FAILED_COUNT = Pattern.compile("\\b(\\d+) (?:failed|errors?)\\b");
    private static final Pattern INTERRUPTED = Pattern.compile("^Interrupted: \\d+ errors? during collection");

    /** A failed test named by a section: with its file when the section showed it, and without. */
    private record SectionTest(String name, String bare) {
    }

    private final Set<String> summarised = new LinkedHashSet<>();
    private final Set<SectionTest> sectionTests = new LinkedHashSet<>();
    private boolean inFailures;
    /** The test of the section being read: its name, its first location's file, its last location. */
    private String sectionTest;
    private String sectionFile;
    private String lastFile;
    private int lastLine;

    @Override
    public List<String> keywords() {
        List<String> keywords = new ArrayList<>(List.of("FAILED", "ERROR", "___", "=====", " failed", " error in",
                " errors in", " error,", " errors,", "Interrupted: "));
        keywords.addAll(Keywords.followedByDigit(".py:"));
        return keywords;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        Matcher section = SECTION.matcher(text);
        if (section.matches()) {
            closeSection(findings);
            inFailures = section.group(1).equals("FAILURES") || section.group(1).equals("ERRORS");
        }
        Matcher header = HEADER.matcher(text);
        if (header.matches() && inFailures) {
            closeSection(findings);
            sectionTest = testOfHeader(header.group(1));
            findings.report(line, FAILURE_SECTION);
            return;
        }
        Matcher location = LOCATION.matcher(text);
        if (location.matches() && sectionTest != null) {
            if (sectionFile == null) {
                sectionFile = location.group(1);
            }
            lastFile = location.group(1);
            lastLine = Counts.of(location.group(2));
            return;
        }
        Matcher summary = SUMMARY.matcher(text);
        if (summary.matches()) {
            failed(summary.group(1), findings);
            findings.report(line, FAILED);
            return;
        }
        Matcher progress = PROGRESS.matcher(text);
        if (progress.find()) {
            failed(progress.group(1), findings);
            findings.report(line, FAILED);
            return;
        }
        if (text.contains("FAILED")) {
            Matcher mention = MENTION.matcher(text);
            while (mention.find()) {
                if (mention.group(1).contains("::")) {
                    failed(mention.group(1), findings);
                    findings.report(line, text.contains("FAILED CONSISTENTLY") ? FAILED_CONSISTENTLY : FAILED);
                    return;
                }
            }
        }
        if (INTERRUPTED.matcher(text).find()) {
            findings.report(line, COLLECTION_ERRORS);
        } else if (COUNTS_LINE.matcher(text).find() && countsFailures(text)) {
            findings.report(line, COUNTS);
        }
    }

    @Override
    public void onEnd(Findings findings) {
        closeSection(findings);
        for (SectionTest test : sectionTests) {
            boolean listed = summarised.stream().anyMatch(id -> id.equals(test.name()) || id.equals(test.bare())
                    || id.endsWith("::" + test.bare()) || id.endsWith("/" + test.bare()));
            if (!listed) {
                findings.failingTest(test.name());
            }
        }
    }

    private void failed(String nodeId, Findings findings) {
        String id = nodeId.replace('\\', '/');
        if (summarised.size() < MAX_NAMES && summarised.add(id)) {
            findings.failingTest(id);
        }
    }

    /** Ends the section being read: its test is named with the file its traceback started in. */
    private void closeSection(Findings findings) {
        if (sectionTest == null) {
            return;
        }
        boolean isPath = sectionTest.contains("/") || sectionTest.endsWith(".py");
        String name = isPath || sectionFile == null ? sectionTest : sectionFile + "::" + sectionTest;
        if (sectionTests.size() < MAX_NAMES) {
            sectionTests.add(new SectionTest(name, sectionTest));
        }
        if (lastFile != null) {
            findings.location(lastFile, lastLine, 0);
        }
        sectionTest = null;
        sectionFile = null;
        lastFile = null;
    }

    private static String testOfHeader(String header) {
        Matcher setup = SETUP_OR_TEARDOWN.matcher(header);
        String test = setup.matches() ? setup.group(1) : header;
        Matcher collecting = COLLECTING.matcher(test);
        if (collecting.matches()) {
            return collecting.group(1);
        }
        Matcher classAndTest = CLASS_AND_TEST.matcher(test);
        return classAndTest.matches() ? classAndTest.group(1) + "::" + classAndTest.group(2) : test;
    }

    private static boolean countsFailures(String text) {
        Matcher count = FAILED_COUNT.matcher(text);
        while (count.find()) {
            if (Counts.of(count.group(1)) > 0) {
                return true;
            }
        }
        return false;
    }
}
