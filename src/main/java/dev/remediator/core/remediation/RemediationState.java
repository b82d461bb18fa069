package dev.remediator.core.remediation;

import java.util.EnumSet;
import java.util.Set;

/**
 * {@code PROPOSED -> AWAITING_APPROVAL -> APPROVED -> EXECUTING -> DONE | FAILED}, plus {@code REJECTED}, {@code EXPIRED}
 * and {@code SKIPPED} (DESIGN §3). A failed execution may be retried, so FAILED can go back to APPROVED.
 */
public enum RemediationState {
    PROPOSED, AWAITING_APPROVAL, APPROVED, EXECUTING, DONE, FAILED, REJECTED, EXPIRED, SKIPPED;

    public Set<RemediationState> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(AWAITING_APPROVAL, APPROVED, SKIPPED, DONE);
            case AWAITING_APPROVAL -> EnumSet.of(APPROVED, REJECTED, EXPIRED, SKIPPED);
            case APPROVED -> EnumSet.of(EXECUTING, SKIPPED);
            case EXECUTING -> EnumSet.of(DONE, FAILED, SKIPPED);
            case FAILED -> EnumSet.of(APPROVED);
            case DONE, REJECTED, EXPIRED, SKIPPED -> EnumSet.noneOf(RemediationState.class);
        };
    }

    public boolean canMoveTo(RemediationState target) {
        return next().contains(target);
    }

}
