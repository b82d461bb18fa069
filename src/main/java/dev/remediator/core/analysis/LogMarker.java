package dev.remediator.core.analysis;

/** The GitHub Actions runner's mark at the start of a log line, {@code ##[error]} and its kin. */
public enum LogMarker {
    NONE, ERROR, WARNING, NOTICE, DEBUG, GROUP, ENDGROUP, COMMAND, SECTION, OTHER;

    /** The marker a line's text starts with, or {@link #NONE}; the caller strips {@code ##[name]} itself. */
    static LogMarker named(String name) {
        return switch (name) {
            case "error" -> ERROR;
            case "warning" -> WARNING;
            case "notice" -> NOTICE;
            case "debug" -> DEBUG;
            case "group" -> GROUP;
            case "endgroup" -> ENDGROUP;
            case "command" -> COMMAND;
            case "section" -> SECTION;
            default -> OTHER;
        };
    }
}
