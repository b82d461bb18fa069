package dev.remediator.core.analysis;

import java.util.function.Supplier;

/**
 * One line of a job log as the rules see it: its number in the original log, and its text without the runner's
 * timestamp, colour codes, trailing carriage return and {@code ##[...]} marker (which {@link #marker()} tells).
 */
public final class LogLine {

    /** How far into a line a log level is looked for. */
    private static final int LEVEL_REACH = 64;
    private static final String[] WARNING_LEVELS = { "WARNING", "WARN", "Warning", "warning" };

    private final int number;
    private final String text;
    private final LogMarker marker;
    private final Supplier<String> previous;

    LogLine(int number, String text, LogMarker marker, Supplier<String> previous) {
        this.number = number;
        this.text = text;
        this.marker = marker;
        this.previous = previous;
    }

    /** 1-based, in the original log. */
    public int number() {
        return number;
    }

    public String text() {
        return text;
    }

    public LogMarker marker() {
        return marker;
    }

    /** The text of the line just before, cleaned the same way ("" for the first line); only while rules run. */
    public String previousText() {
        return previous.get();
    }

    /** A warning, by the runner's marker or the line's log level: it tells of a risk, not of a failure. */
    public boolean isWarning() {
        return marker == LogMarker.WARNING || hasWarningLevel();
    }

    /** {@code [WARNING]}, {@code WARN }, {@code npm WARN}, {@code warning:} near the start, as a word of its own. */
    private boolean hasWarningLevel() {
        int reach = Math.min(text.length(), LEVEL_REACH);
        for (String level : WARNING_LEVELS) {
            for (int at = text.indexOf(level); at >= 0 && at < reach; at = text.indexOf(level, at + 1)) {
                int after = at + level.length();
                boolean startsWord = at == 0 || " \t[(|".indexOf(text.charAt(at - 1)) >= 0;
                boolean endsWord = after == text.length() || " \t]:)|".indexOf(text.charAt(after)) >= 0;
                if (startsWord && endsWord) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A command echoed by {@code set -x}: it repeats the words of a command, not what happened. */
    public boolean isShellTrace() {
        return text.startsWith("+ ") || text.startsWith("++ ");
    }
}
