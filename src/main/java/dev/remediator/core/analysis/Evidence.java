package dev.remediator.core.analysis;

/**
 * Lines of a job log that explain its failure (a "chunk").
 *
 * @param start      first line, 1-based, inclusive, in the original log
 * @param end        last line, inclusive
 * @param rule       the rule that matched the most decisive line of the range
 * @param category   the failure the range points to
 * @param confidence how decisive the range is, 0 to 1
 * @param excerpt    the most decisive line, cleaned of timestamps and colour codes, with secrets masked
 */
public record Evidence(int start, int end, String rule, FailureCategory category, double confidence, String excerpt) {

    public boolean contains(int line) {
        return line >= start && line <= end;
    }
}
