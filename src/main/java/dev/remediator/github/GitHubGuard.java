package dev.remediator.github;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import dev.remediator.config.RemediatorConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;

/**
 * The fault tolerance every exchange with GitHub goes through: retries with exponential backoff (1 s, 2 s, 4 s by
 * default) on server errors, timeouts and connection failures; a rate limit's own wait when GitHub names one and
 * it is short; no retry on other 4xx, which will not change; and one circuit breaker for GitHub as a whole, so that
 * while GitHub is down deliveries are parked instead of hammering it.
 */
@ApplicationScoped
public class GitHubGuard {

    private static final Logger LOG = Logger.getLogger(GitHubGuard.class);

    /** A 5xx answer: worth another try. */
    static final class ServerError extends IOException {
        final int status;

        ServerError(int status, String what) {
            super(what + " answered " + status);
            this.status = status;
        }
    }

    /** Rate limited, with the wait GitHub asked for. */
    static final class RateLimited extends IOException {
        final Duration wait;

        RateLimited(Duration wait, String what) {
            super(what + " is rate limited for " + wait.toSeconds() + " s");
            this.wait = wait;
        }
    }

    @Inject
    RemediatorConfig config;

    @Inject
    MeterRegistry registry;

    private Guard guard;

    @PostConstruct
    void build() {
        guard = Guard.create()
                .withRetry()
                    .maxRetries(config.github().retry().maxRetries())
                    .delay(config.github().retry().initialDelay().toMillis(), ChronoUnit.MILLIS)
                    .maxDuration(Duration.ofMinutes(10).toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS)
                    .retryOn(IOException.class)
                    .abortOn(GitHubUnavailableException.class)
                    .withCustomBackoff().strategy(RateLimitAwareBackoff::new).done()
                    .beforeRetry(e -> {
                        registry.counter("remediator.github.retries").increment();
                        LOG.infof("Retrying GitHub call: %s", e.getMessage());
                    })
                    .done()
                .withCircuitBreaker()
                    .name("github")
                    .requestVolumeThreshold(config.github().circuitBreaker().requestVolume())
                    .failureRatio(config.github().circuitBreaker().failureRatio())
                    .delay(config.github().circuitBreaker().delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .failOn(IOException.class)
                    .skipOn(List.of(RateLimited.class, GitHubUnavailableException.class))
                    .onStateChange(state -> LOG.warnf("GitHub circuit breaker is now %s", state))
                    .done()
                .build();
    }

    /**
     * Runs one exchange with GitHub. What the guard could not overcome comes out as a
     * {@link GitHubUnavailableException} saying when to try again.
     */
    @SuppressWarnings("unchecked")
    public <T> T call(String what, Callable<T> exchange) throws IOException {
        try {
            // Object: a synchronous call (the guard treats CompletionStage and Uni results as asynchronous)
            return (T) guard.call((Callable<Object>) exchange, Object.class);
        } catch (CircuitBreakerOpenException e) {
            throw new GitHubUnavailableException("GitHub looks down (circuit breaker open); not calling " + what,
                    Instant.now().plus(config.github().circuitBreaker().delay()), e);
        } catch (RateLimited e) {
            throw new GitHubUnavailableException(e.getMessage(), Instant.now().plus(e.wait), e);
        } catch (ServerError e) {
            throw new GitHubUnavailableException(e.getMessage() + " after " + config.github().retry().maxRetries() + " retries",
                    Instant.now().plus(config.github().circuitBreaker().delay()), e);
        } catch (IOException e) {
            if (e instanceof GitHubUnavailableException) {
                throw e;
            }
            throw new GitHubUnavailableException(what + " failed after " + config.github().retry().maxRetries() + " retries: " + e,
                    Instant.now().plus(config.github().circuitBreaker().delay()), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unexpected failure calling " + what, e);
        }
    }

    /** A rate-limited call is given back when GitHub says it can be answered; another by a long one, later. */
    Duration checkRateLimitWait(Duration wait, String what) throws GitHubUnavailableException {
        if (wait.compareTo(config.github().retry().maxRateLimitWait()) > 0) {
            throw new GitHubUnavailableException(what + " is rate limited until " + Instant.now().plus(wait),
                    Instant.now().plus(wait), null);
        }
        return wait;
    }

    /** Exponential from the initial delay, except that a rate limit's own wait wins. */
    private static final class RateLimitAwareBackoff implements CustomBackoffStrategy {
        private long next;

        @Override
        public void init(long initialDelayInMillis) {
            next = initialDelayInMillis;
        }

        @Override
        public long nextDelayInMillis(Throwable cause) {
            long exponential = next;
            next *= 2;
            return cause instanceof RateLimited limited ? limited.wait.toMillis() : exponential;
        }
    }
}
