package dev.remediator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RegistrationStatesTest {

    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");

    @Inject
    RegistrationStates states;

    @Test
    void aStateIsRedeemedOnceWithinItsLifetime() {
        String state = UUID.randomUUID().toString();
        states.issue(state, NOW, NOW.minus(LIFETIME));

        assertThat(states.redeem(state, NOW.plusSeconds(600).minus(LIFETIME))).isTrue();
        assertThat(states.redeem(state, NOW.plusSeconds(600).minus(LIFETIME))).as("once only").isFalse();
        assertThat(states.redeem(UUID.randomUUID().toString(), NOW.minus(LIFETIME))).as("never issued").isFalse();
    }

    @Test
    void anExpiredStateIsRefusedAndStaleOnesAreForgotten() {
        String expired = UUID.randomUUID().toString();
        String stale = UUID.randomUUID().toString();
        states.issue(expired, NOW.minus(LIFETIME).minusSeconds(1), NOW.minus(LIFETIME.multipliedBy(3)));
        states.issue(stale, NOW.minus(LIFETIME.multipliedBy(2)), NOW.minus(LIFETIME.multipliedBy(3)));

        assertThat(states.redeem(expired, NOW.minus(LIFETIME))).as("older than its lifetime").isFalse();
        states.issue(UUID.randomUUID().toString(), NOW, NOW.minus(LIFETIME));
        assertThat(states.redeem(stale, Instant.EPOCH)).as("forgotten when a new state was issued").isFalse();
    }
}
