package dev.remediator.core.analysis;

/** Where rule sets report what they recognised in a log. */
public interface Findings {

    /** The line is evidence of the rule. */
    void report(LogLine line, Rule rule);

    /** The lines from {@code firstLine} to {@code keyLine} are evidence of the rule, the key line most of all. */
    void report(int firstLine, LogLine keyLine, Rule rule);

    /** The lines from {@code firstLine} to {@code lastLine} are evidence of the rule; {@code excerpt} sums them up. */
    void reportRange(int firstLine, int lastLine, String excerpt, Rule rule);

    /**
     * A step failed, and the steps that still run after it (cleanup, uploads) start at this line: they often fail only
     * because it did, so what they report weighs less. Only the first call counts.
     */
    void laterStepsStartAt(int line);

    /** A test failed; {@code name} is already normalised by the rule set. */
    void failingTest(String name);

    /** The failure points at this place; absolute paths are made relative to the workspace or dropped. */
    void location(String path, int line, int column);

    /** The number of the last line read so far. */
    int lastLine();
}
