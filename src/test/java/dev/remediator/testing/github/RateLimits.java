package dev.remediator.testing.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** GitHub's primary rate limit: 5000 requests an hour per installation, counted and reported in headers. */
final class RateLimits {

    static final int LIMIT = 5000;

    /** One caller's standing: `limit`, `remaining`, `used` and `reset` (epoch seconds). */
    record Standing(long limit, long remaining, long used, long reset) {
    }

    private final Clock clock;
    private final Faults faults;
    private final Map<String, AtomicInteger> use = new ConcurrentHashMap<>();
    private volatile Instant windowEnd;

    RateLimits(Clock clock, Faults faults) {
        this.clock = clock;
        this.faults = faults;
        this.windowEnd = clock.instant().plus(Duration.ofHours(1));
    }

    /** Counts one request of the caller and returns the standing after it. */
    synchronized Standing count(Caller caller) {
        Instant now = clock.instant();
        if (!now.isBefore(windowEnd)) {
            use.clear();
            windowEnd = now.plus(Duration.ofHours(1));
        }
        use.computeIfAbsent(caller.rateLimitKey(), key -> new AtomicInteger()).incrementAndGet();
        return standing(caller);
    }

    /** The caller's standing, without counting a request (what `GET /rate_limit` reports). */
    Standing standing(Caller caller) {
        Optional<Instant> exhaustedUntil = faults.rateLimitExhaustedUntil();
        AtomicInteger used = use.get(caller.rateLimitKey());
        long remaining = exhaustedUntil.isPresent() ? 0 : Math.max(0, LIMIT - (used == null ? 0 : used.get()));
        return new Standing(LIMIT, remaining, LIMIT - remaining, exhaustedUntil.orElse(windowEnd).getEpochSecond());
    }

    void clear() {
        use.clear();
    }
}
