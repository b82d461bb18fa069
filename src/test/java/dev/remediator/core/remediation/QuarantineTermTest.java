package dev.remediator.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.remediator.core.remediation.QuarantineTerm.State;

class QuarantineTermTest {

    private static final Instant MERGED = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void theTermRunsFromTheMergeForTheConfiguredDays() {
        QuarantineTerm term = QuarantineTerm.proposed();
        assertThat(term.expired(MERGED.plus(Duration.ofDays(365)))).as("not quarantined before its merge").isFalse();

        QuarantineTerm begun = term.begin(MERGED, 30);

        assertThat(begun.state()).isEqualTo(State.QUARANTINED);
        assertThat(begun.expired(MERGED.plus(Duration.ofDays(29)))).isFalse();
        assertThat(begun.expired(MERGED.plus(Duration.ofDays(30)))).isTrue();
    }

    @Test
    void aRedTrialExtendsOnceThenTheQuarantineIsOverdueAndNeverExpiresAgain() {
        Instant firstTrial = MERGED.plus(Duration.ofDays(30));
        QuarantineTerm onTrial = QuarantineTerm.proposed().begin(MERGED, 30).trialStarted();
        assertThat(onTrial.state()).isEqualTo(State.ON_TRIAL);
        assertThat(onTrial.expired(firstTrial.plus(Duration.ofDays(1)))).as("on trial, it does not expire").isFalse();

        QuarantineTerm extended = onTrial.trialFailed(firstTrial, 30);
        assertThat(extended).isEqualTo(new QuarantineTerm(State.QUARANTINED, firstTrial.plus(Duration.ofDays(30)), 1, 1));

        QuarantineTerm overdue = extended.trialStarted().trialFailed(firstTrial.plus(Duration.ofDays(30)), 30);
        assertThat(overdue.state()).isEqualTo(State.OVERDUE);
        assertThat(overdue.extensions()).isEqualTo(QuarantineTerm.MAX_EXTENSIONS);
        assertThat(overdue.trials()).isEqualTo(2);
        assertThat(overdue.expired(firstTrial.plus(Duration.ofDays(3650)))).isFalse();
        assertThat(overdue.state().active()).as("still quarantined: never proposed again").isTrue();
    }

    @Test
    void aReleasedOrDroppedTestMayBeQuarantinedAgain() {
        QuarantineTerm onTrial = QuarantineTerm.proposed().begin(MERGED, 1).trialStarted();
        assertThat(onTrial.released().state().active()).isFalse();
        assertThat(QuarantineTerm.proposed().dropped().state().active()).isFalse();
    }
}
