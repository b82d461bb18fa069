package dev.remediator.core.analysis.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JavaScript stack frames ({@code at fn (src/file.js:12:5)}): the first one in the project places a failure. */
final class StackFrames {

    /** A frame's place in the source. */
    record Frame(String file, int line, int column) {
    }

    private static final Pattern FRAME = Pattern.compile(
            "^\\s+at (?:.*? \\()?((?:[A-Za-z]:)?[^\\s():]+\\.[cm]?[jt]sx?):(\\d+):(\\d+)\\)?$");

    private StackFrames() {
    }

    /** The frame on this line when it is in the project's code (not in node_modules nor Node itself), or {@code null}. */
    static Frame projectFrame(String text) {
        Matcher frame = FRAME.matcher(text);
        if (!frame.find() || frame.group(1).contains("node_modules") || frame.group(1).startsWith("node:")) {
            return null;
        }
        return new Frame(frame.group(1), Counts.of(frame.group(2)), Counts.of(frame.group(3)));
    }
}
