package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.TEST;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.LogMarker;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * Mocha's spec reporter: after {@code N failing}, each failure is listed as {@code 1) Suite}, its nested titles
 * indented one per line, the last one ending with a colon, then the error and its stack. Failing tests are named by
 * their full title, the parts joined by spaces as Mocha's {@code fullTitle()} does.
 */
public final class MochaRules implements RuleSet {

    /** Lines of the failure list read at most, whatever follows. */
    static final int MAX_LIST = 5000;
    static final int MAX_TITLE_PARTS = 12;

    static final Rule FAILING = new Rule("mocha.failing", TEST, 0.8);
    static final Rule TEST_FAILURE = new Rule("mocha.test-failure", TEST, 0.85);

    private static final Pattern FAILING_COUNT = Pattern.compile("^\\s*(\\d+) failing\\s*$");
    private static final Pattern ENTRY = Pattern.compile("^\\s{0,4}(\\d+)\\) (.*)$");

    private int listStart = -1;
    private final List<String> title = new ArrayList<>();
    private int entryLine;
    private boolean titleComplete;
    private boolean locating;

    @Override
    public List<String> keywords() {
        return List.of(" failing");
    }

    @Override
    public boolean wantsEveryLine() {
        return listStart >= 0;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        Matcher failing = FAILING_COUNT.matcher(text);
        if (failing.find()) {
            if (Counts.of(failing.group(1)) > 0) {
                findings.report(line, FAILING);
                listStart = line.number();
                title.clear();
            }
            return;
        }
        if (listStart < 0) {
            return;
        }
        boolean listEnded = line.number() - listStart > MAX_LIST || line.marker() != LogMarker.NONE
                || !text.isEmpty() && !Character.isWhitespace(text.charAt(0));
        if (listEnded) {
            listStart = -1;
            return;
        }
        Matcher entry = ENTRY.matcher(text);
        if (entry.find()) {
            title.clear();
            entryLine = line.number();
            titleComplete = false;
            locating = false;
            addTitlePart(entry.group(2), findings);
        } else if (!titleComplete && !title.isEmpty() && !text.isBlank()) {
            addTitlePart(text.strip(), findings);
        } else if (locating) {
            StackFrames.Frame frame = StackFrames.projectFrame(text);
            if (frame != null) {
                findings.location(frame.file(), frame.line(), frame.column());
                locating = false;
            }
        }
    }

    /** Adds a part of the current entry's title; the part that ends with a colon ends the title. */
    private void addTitlePart(String part, Findings findings) {
        if (title.size() >= MAX_TITLE_PARTS) {
            titleComplete = true;
            return;
        }
        if (!part.endsWith(":")) {
            title.add(part);
            return;
        }
        title.add(part.substring(0, part.length() - 1));
        titleComplete = true;
        locating = true;
        findings.failingTest(String.join(" ", title));
        findings.reportRange(entryLine, findings.lastLine(), String.join(" ", title), TEST_FAILURE);
    }
}
