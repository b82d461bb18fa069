package dev.remediator.core.drift;

import java.util.Locale;

/** What to do about a drifted node. */
public enum SuggestedAction {
    REGENERATE,
    UPDATE_SPEC,
    REBASELINE,
    MANUAL_REVIEW;

    /** The name in reports: {@code regenerate}, {@code update_spec}, {@code rebaseline}, {@code manual_review}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
