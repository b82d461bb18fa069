package dev.remediator.core.drift;

import java.util.Locale;

/** How drift weighs on a check or an exit code: {@code warn} never fails, {@code fail} fails on SEMANTIC or SPEC_STALE. */
public enum DriftMode {
    WARN,
    FAIL;

    /** @throws IllegalArgumentException with a message naming the valid values */
    public static DriftMode parse(String value) {
        for (DriftMode mode : values()) {
            if (mode.label().equalsIgnoreCase(value.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown drift mode '" + value + "' (expected warn or fail)");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
