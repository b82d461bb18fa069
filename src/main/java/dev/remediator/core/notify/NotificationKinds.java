package dev.remediator.core.notify;

import java.util.Optional;

import dev.remediator.core.config.RepositoryConfig.NotifyOn;
import dev.remediator.core.lifecycle.RemediationEvent;

/** Which lifecycle events people can be notified of, by the name the config's {@code notify.on} gives them. */
public final class NotificationKinds {

    private NotificationKinds() {
    }

    public static Optional<NotifyOn> of(RemediationEvent event) {
        return Optional.ofNullable(switch (event) {
            case APPROVAL_REQUESTED -> NotifyOn.APPROVAL_REQUESTED;
            case EXECUTED -> NotifyOn.DONE;
            case EXECUTION_FAILED -> NotifyOn.FAILED;
            case APPROVAL_EXPIRED -> NotifyOn.EXPIRED;
            case VALIDATION_FAILED -> NotifyOn.VALIDATION_FAILED;
            default -> null;
        });
    }
}
