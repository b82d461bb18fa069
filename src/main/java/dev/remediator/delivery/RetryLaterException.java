package dev.remediator.delivery;

import java.time.Instant;

/**
 * Thrown by a handler that cannot go on before a known time (GitHub's rate limit reset, an open circuit breaker):
 * the delivery is put back and picked up again at {@link #retryAt()}, without blocking a worker until then.
 */
public class RetryLaterException extends RuntimeException implements Deferrable {

    private final Instant retryAt;

    public RetryLaterException(String message, Instant retryAt, Throwable cause) {
        super(message, cause);
        this.retryAt = retryAt;
    }

    @Override
    public Instant retryAt() {
        return retryAt;
    }
}
