package dev.remediator.github;

import java.io.IOException;
import java.time.Instant;

import dev.remediator.delivery.Deferrable;

/**
 * GitHub could not be reached usefully after our retries (down, rate limited past what is worth waiting for, or
 * the circuit breaker is open). An IOException so that hub4j passes it through unchanged; a {@link Deferrable} so
 * that the delivery is parked until {@link #retryAt()}.
 */
public class GitHubUnavailableException extends IOException implements Deferrable {

    private final Instant retryAt;

    public GitHubUnavailableException(String message, Instant retryAt, Throwable cause) {
        super(message, cause);
        this.retryAt = retryAt;
    }

    @Override
    public Instant retryAt() {
        return retryAt;
    }
}
