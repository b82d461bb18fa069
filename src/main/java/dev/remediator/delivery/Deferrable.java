package dev.remediator.delivery;

import java.time.Instant;

/**
 * A failure that says when trying again makes sense (a rate limit's reset, a circuit breaker's delay). Wherever it
 * sits in a cause chain, the delivery is parked until then instead of counting as a failed attempt.
 */
public interface Deferrable {

    Instant retryAt();
}
