package dev.remediator.core.analysis.rules;

/** Numbers read from log lines, where a count too long for an int still means "many". */
final class Counts {

    private Counts() {
    }

    /** The digits as a number: 0 when there are none, {@link Integer#MAX_VALUE} when they overflow. */
    static int of(String digits) {
        if (digits == null || digits.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
