package dev.remediator.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class OutageWatchTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void tenMinutesOfFailuresRaiseOneMessageUntilAProbeSucceeds() {
        OutageWatch watch = new OutageWatch(Duration.ofMinutes(10));

        assertThat(watch.probed("GitHub", false, at(0))).isEmpty();
        assertThat(watch.probed("GitHub", false, at(9))).isEmpty();
        assertThat(watch.probed("GitHub", false, at(10))).contains(new OutageWatch.Outage("GitHub", at(0)));
        assertThat(watch.probed("GitHub", false, at(11))).isEmpty();
        assertThat(watch.probed("GitHub", false, at(60))).isEmpty();

        assertThat(watch.probed("GitHub", true, at(61))).isEmpty();
        assertThat(watch.probed("GitHub", false, at(62))).isEmpty();
        assertThat(watch.probed("GitHub", false, at(72))).contains(new OutageWatch.Outage("GitHub", at(62)));
    }

    @Test
    void aShortBlipSaysNothingAndComponentsAreWatchedApart() {
        OutageWatch watch = new OutageWatch(Duration.ofMinutes(10));

        watch.probed("GitHub", false, at(0));
        watch.probed("GitHub", true, at(5));
        watch.probed("the database", false, at(5));
        assertThat(watch.probed("GitHub", false, at(12))).isEmpty();
        assertThat(watch.probed("the database", false, at(15))).contains(new OutageWatch.Outage("the database", at(5)));
    }
}
