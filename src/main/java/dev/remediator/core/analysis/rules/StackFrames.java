package dev.remediator.core.analysis.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.Findings;

/** JavaScript stack frames ({@code at fn (src/file.js:12:5)}): the first one in the project places a failure. */
final class StackFrames {

    private static final Pattern FRAME = Pattern.compile(
            "^\\s+at (?:.*? \\()?((?:[A-Za-z]:)?[^\\s():]+\\.[cm]?[jt]sx?):(\\d+):(\\d+)\\)?$");

    private StackFrames() {
    }

    /** Reports the frame's place and says so; frames outside the project are left to the location filter. */
    static boolean locate(String text, Findings findings) {
        Matcher frame = FRAME.matcher(text);
        if (!frame.find() || frame.group(1).contains("node_modules") || frame.group(1).startsWith("node:")) {
            return false;
        }
        findings.location(frame.group(1), Counts.of(frame.group(2)), Counts.of(frame.group(3)));
        return true;
    }
}
