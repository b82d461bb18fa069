package dev.remediator.delivery;

import java.time.Duration;
import java.util.Optional;

/** When leased work that failed is tried again: a doubling delay, or the time a {@link Deferrable} cause names. */
public final class Retries {

    private Retries() {
    }

    /** The delay after the {@code attempts}-th failed attempt: {@code first}, doubling, at most 128 times {@code first}. */
    public static Duration after(Duration first, int attempts) {
        return first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 7));
    }

    /** The deferrable failure anywhere in the cause chain. */
    public static Optional<Deferrable> deferrable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Deferrable deferrable) {
                return Optional.of(deferrable);
            }
        }
        return Optional.empty();
    }
}
