package dev.remediator.core.analysis;

import java.util.List;

/**
 * What the analysis knows of one ecosystem (a build tool, a test framework, the runner, ...): which lines matter and
 * what they mean. Adding an ecosystem means adding one rule set to {@link LogAnalyzer#standard()}.
 *
 * <p>A rule set sees only the lines that hold one of its {@link #keywords()}, in log order, unless it asks for
 * every line while it reads a multi-line section. One instance serves one log: it may keep state between lines, but
 * that state must stay bounded whatever the log's size.
 */
public interface RuleSet {

    /** Literals, case-sensitive, that every line this rule set cares about contains. */
    List<String> keywords();

    /** Reads one line, reporting what it means to {@code findings}. */
    void onLine(LogLine line, Findings findings);

    /** While this is true, every following line is given to {@link #onLine}, keyword or not. */
    default boolean wantsEveryLine() {
        return false;
    }

    /**
     * A fallback reads a line only when no rule set before it reported anything about that line: its weak rules would
     * only repeat what a specific one said. Fallbacks come last in the list of rule sets.
     */
    default boolean isFallback() {
        return false;
    }

    /** Called once after the last line. */
    default void onEnd(Findings findings) {
    }
}
