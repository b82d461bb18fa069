package dev.remediator.core.analysis;

import java.util.List;

/**
 * Lines of a job log that explain its failure (a "chunk"): a block a person reads to understand it.
 *
 * @param start      first line, 1-based, inclusive, in the original log
 * @param end        last line, inclusive
 * @param rule       the rule that matched the most decisive line of the range
 * @param category   the failure the range points to
 * @param confidence how decisive the range is, 0 to 1
 * @param excerpt    the most decisive line, cleaned of timestamps and colour codes, with secrets masked
 * @param reason     why the range is there and where it ranks, for people
 * @param block      the range's lines as read (cleaned, secrets masked, each cut to {@value LogScan#MAX_BLOCK_LINE}
 *                   characters); a line the analysis did not read is missing
 */
public record Evidence(int start, int end, String rule, FailureCategory category, double confidence, String excerpt,
        String reason, List<BlockLine> block) {

    public Evidence {
        reason = reason == null ? "" : reason;
        block = block == null ? List.of() : List.copyOf(block);
    }

    /** A range with only its most decisive line's excerpt. */
    public Evidence(int start, int end, String rule, FailureCategory category, double confidence, String excerpt) {
        this(start, end, rule, category, confidence, excerpt, "", List.of());
    }

    public boolean contains(int line) {
        return line >= start && line <= end;
    }

    /** One line of a block, by its number in the original log. */
    public record BlockLine(int number, String text) {
    }
}
