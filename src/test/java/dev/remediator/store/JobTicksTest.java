package dev.remediator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JobTicksTest {

    @Inject
    JobTicks ticks;

    @Test
    void oneCallerPerTickRunsTheJob() {
        String job = "test-" + UUID.randomUUID();
        Instant tick = Instant.parse("2026-11-21T10:00:00Z");

        assertThat(ticks.claim(job, tick.plusSeconds(5), Duration.ofMinutes(1))).isTrue();
        assertThat(ticks.claim(job, tick.plusSeconds(40), Duration.ofMinutes(1))).as("another replica, same minute").isFalse();
        assertThat(ticks.claim(job, tick.plusSeconds(65), Duration.ofMinutes(1))).as("the next minute").isTrue();
        assertThat(ticks.claim("other-" + job, tick.plusSeconds(5), Duration.ofMinutes(1))).as("another job").isTrue();
    }
}
