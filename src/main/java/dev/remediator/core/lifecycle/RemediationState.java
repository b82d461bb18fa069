package dev.remediator.core.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a remediation stands: {@code PROPOSED -> AWAITING_APPROVAL -> APPROVED -> EXECUTING -> DONE | FAILED}, plus
 * {@code REJECTED}, {@code EXPIRED} and {@code SKIPPED}. Which moves are allowed, and why, is
 * {@link RemediationEvent}'s table; this type only reads it.
 */
public enum RemediationState {
    PROPOSED, AWAITING_APPROVAL, APPROVED, EXECUTING, DONE, FAILED, REJECTED, EXPIRED, SKIPPED;

    /** The other states some event leads to from this one. */
    public Set<RemediationState> next() {
        Set<RemediationState> next = EnumSet.noneOf(RemediationState.class);
        for (RemediationEvent event : RemediationEvent.values()) {
            event.after(this).filter(state -> state != this).ifPresent(next::add);
        }
        return next;
    }

    public boolean canMoveTo(RemediationState target) {
        return next().contains(target);
    }

    /** Nothing will move it any more (facts about its pull request may still be recorded). */
    public boolean finished() {
        return next().isEmpty();
    }
}
