package dev.remediator.testing.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The ways GitHub misbehaves, switched on by tests: scheduled failures, latency, primary and secondary rate limits
 * and outages. Faults apply to the API origin, before authentication, as GitHub's edge does.
 */
public final class Faults {

    private record ScheduledFailure(int status, AtomicInteger remaining, Pattern path) {
        boolean applies(String requestPath) {
            return path.matcher(requestPath).matches() && remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }
    }

    private final Clock clock;
    private final List<ScheduledFailure> failures = new CopyOnWriteArrayList<>();
    private final List<ScheduledFailure> lostAnswers = new CopyOnWriteArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile int outageStatus;
    private volatile Instant rateLimitResetAt;
    private volatile Instant secondaryLimitUntil;
    private volatile int secondaryLimitStatus;

    Faults(Clock clock) {
        this.clock = clock;
    }

    /** The next {@code times} requests are answered with {@code status}. */
    public Faults failNext(int status, int times) {
        return failNext(status, times, ".*");
    }

    /** The next {@code times} requests whose path matches {@code pathRegex} are answered with {@code status}. */
    public Faults failNext(int status, int times, String pathRegex) {
        failures.add(new ScheduledFailure(status, new AtomicInteger(times), Pattern.compile(pathRegex)));
        return this;
    }

    /**
     * The next {@code times} requests whose path matches {@code pathRegex} are carried out, but their answer is lost
     * on the way back and replaced with {@code status}: the case where a client cannot know whether its write happened.
     */
    public Faults loseAnswerOfNext(int status, int times, String pathRegex) {
        lostAnswers.add(new ScheduledFailure(status, new AtomicInteger(times), Pattern.compile(pathRegex)));
        return this;
    }

    /** Every request waits this long before it is answered. */
    public Faults latency(Duration perRequest) {
        this.latency = perRequest;
        return this;
    }

    /** The primary rate limit is used up: 403 with `x-ratelimit-remaining: 0` until the reset, then all is well. */
    public Faults primaryRateLimit(Duration untilReset) {
        this.rateLimitResetAt = clock.instant().plus(untilReset);
        return this;
    }

    /** A secondary rate limit: every request gets {@code status} (403 or 429) with `Retry-After` until it passes. */
    public Faults secondaryRateLimit(int status, Duration retryAfter) {
        if (status != 403 && status != 429) {
            throw new IllegalArgumentException("GitHub answers a secondary rate limit with 403 or 429, not " + status);
        }
        this.secondaryLimitStatus = status;
        this.secondaryLimitUntil = clock.instant().plus(retryAfter);
        return this;
    }

    /** GitHub is down: every request gets {@code status} (502 or 503) until {@link #bringBack()}. */
    public Faults takeDown(int status) {
        this.outageStatus = status;
        return this;
    }

    public Faults bringBack() {
        this.outageStatus = 0;
        return this;
    }

    /** Switches every fault off. */
    public Faults clear() {
        failures.clear();
        lostAnswers.clear();
        latency = Duration.ZERO;
        outageStatus = 0;
        rateLimitResetAt = null;
        secondaryLimitUntil = null;
        return this;
    }

    /** The answer that replaces GitHub's after a request to {@code path} was carried out, if its answer is lost. */
    Optional<ApiResponse> lostAnswer(String path) {
        return lostAnswers.stream().filter(lost -> lost.applies(path)).findFirst()
                .map(lost -> ApiResponse.error(new ApiError(lost.status(), "Server Error")));
    }

    Duration latency() {
        return latency;
    }

    /** The primary limit's reset while it is used up. */
    Optional<Instant> rateLimitExhaustedUntil() {
        Instant reset = rateLimitResetAt;
        return reset != null && clock.instant().isBefore(reset) ? Optional.of(reset) : Optional.empty();
    }

    /** The answer a fault gives this request instead of GitHub's, if any. */
    Optional<ApiResponse> refusal(String path, String rateLimitSubject) {
        if (outageStatus != 0) {
            return Optional.of(ApiResponse.error(new ApiError(outageStatus,
                    outageStatus == 503 ? "Service Unavailable" : "Server Error")));
        }
        for (ScheduledFailure failure : failures) {
            if (failure.applies(path)) {
                return Optional.of(ApiResponse.error(new ApiError(failure.status(), "Server Error")));
            }
        }
        Instant until = secondaryLimitUntil;
        Instant now = clock.instant();
        if (until != null && now.isBefore(until)) {
            long seconds = Math.max(1, Duration.between(now, until).toSeconds() + 1);
            return Optional.of(ApiResponse.error(new ApiError(secondaryLimitStatus,
                    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."))
                    .header("Retry-After", String.valueOf(seconds)));
        }
        // GitHub still answers `GET /rate_limit` when the limit is used up: it is how clients learn the reset
        if (rateLimitExhaustedUntil().isPresent() && !"/rate_limit".equals(path)) {
            return Optional.of(ApiResponse.error(ApiError.forbidden("API rate limit exceeded for "
                    + rateLimitSubject + ".")));
        }
        return Optional.empty();
    }
}
