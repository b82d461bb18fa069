package dev.remediator.core.remediation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a quarantined test stays out of the build, and what ends it. The term starts when the quarantine's pull
 * request merges and lasts {@code failures.quarantine.expire_after_days}; then a draft pull request takes the test out of
 * the quarantine file, and that pull request's CI is the trial. Green: the pull request is proposed for merge, and the
 * test is released when it merges. Red (or the pull request closed unmerged): the term is extended once; a second red
 * trial leaves the test quarantined and OVERDUE, its owner asked to fix or delete it, and no more trials are run.
 *
 * @param expiresAt  null until the quarantine's pull request merged
 * @param extensions how often a red trial extended the term
 * @param trials     how many trials were started
 */
public record QuarantineTerm(State state, Instant expiresAt, int extensions, int trials) {

    /** A term is extended this often at most. */
    public static final int MAX_EXTENSIONS = 1;

    public enum State {
        /** The tracking issue is open; the quarantine's pull request is not merged yet. */
        PROPOSED,
        /** In the quarantine file, until {@code expiresAt}. */
        QUARANTINED,
        /** A pull request taking it out of the file is open; its CI decides. */
        ON_TRIAL,
        /** Back in the build. */
        RELEASED,
        /** Red after its extension: stays quarantined until its owner fixes or deletes it; no more trials. */
        OVERDUE,
        /** The quarantine's pull request was closed unmerged: the test was never quarantined. */
        DROPPED;

        /** Whether the test is quarantined, or on its way there: it is never proposed again meanwhile. */
        public boolean active() {
            return this != RELEASED && this != DROPPED;
        }
    }

    public QuarantineTerm {
        Objects.requireNonNull(state, "state");
    }

    public static QuarantineTerm proposed() {
        return new QuarantineTerm(State.PROPOSED, null, 0, 0);
    }

    /** The quarantine's pull request merged at {@code at}: the term runs from there. */
    public QuarantineTerm begin(Instant at, int days) {
        return new QuarantineTerm(State.QUARANTINED, at.plus(Duration.ofDays(days)), extensions, trials);
    }

    public boolean expired(Instant now) {
        return state == State.QUARANTINED && expiresAt != null && !now.isBefore(expiresAt);
    }

    public QuarantineTerm trialStarted() {
        return new QuarantineTerm(State.ON_TRIAL, expiresAt, extensions, trials + 1);
    }

    /** A red trial: extended by a full term while it may be, else overdue. */
    public QuarantineTerm trialFailed(Instant now, int days) {
        return extensions < MAX_EXTENSIONS
                ? new QuarantineTerm(State.QUARANTINED, now.plus(Duration.ofDays(days)), extensions + 1, trials)
                : new QuarantineTerm(State.OVERDUE, expiresAt, extensions, trials);
    }

    public QuarantineTerm released() {
        return new QuarantineTerm(State.RELEASED, expiresAt, extensions, trials);
    }

    public QuarantineTerm dropped() {
        return new QuarantineTerm(State.DROPPED, expiresAt, extensions, trials);
    }
}
