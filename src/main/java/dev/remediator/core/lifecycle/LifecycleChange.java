package dev.remediator.core.lifecycle;

import java.util.Objects;

/**
 * A change asked of the lifecycle: the event, who caused it and why, the delivery it came with (null for scheduled
 * work), and optionally the note people see on the check run from now on.
 */
public record LifecycleChange(RemediationEvent event, String actor, String reason, String deliveryId, String note) {

    public LifecycleChange {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
    }

    public static LifecycleChange of(RemediationEvent event, String actor, String reason, String deliveryId) {
        return new LifecycleChange(event, actor, reason, deliveryId, null);
    }

    public LifecycleChange noting(String note) {
        return new LifecycleChange(event, actor, reason, deliveryId, note);
    }
}
