package dev.remediator.core.lifecycle;

import static dev.remediator.core.lifecycle.RemediationState.APPROVED;
import static dev.remediator.core.lifecycle.RemediationState.AWAITING_APPROVAL;
import static dev.remediator.core.lifecycle.RemediationState.DONE;
import static dev.remediator.core.lifecycle.RemediationState.EXECUTING;
import static dev.remediator.core.lifecycle.RemediationState.EXPIRED;
import static dev.remediator.core.lifecycle.RemediationState.FAILED;
import static dev.remediator.core.lifecycle.RemediationState.PROPOSED;
import static dev.remediator.core.lifecycle.RemediationState.REJECTED;
import static dev.remediator.core.lifecycle.RemediationState.SKIPPED;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The remediation lifecycle as data: every event that can happen to a remediation, the states it may happen in, and
 * the state it leads to. This table is the only place that decides whether a state change is allowed; the store
 * applies it, and {@code docs/architecture.md} draws it (a test keeps the drawing in step).
 *
 * <p>The events after {@link #EXECUTED} are facts about the fix pull request a remediation opened (its CI, its
 * merge): they leave the state at {@code DONE} but are recorded, audited and published like every other change.
 */
public enum RemediationEvent {
    /** The planner proposed it and the store kept it. */
    PROPOSED_BY_PLANNER(EnumSet.noneOf(RemediationState.class), PROPOSED),
    /** The policy lets it run without a human. */
    AUTO_APPROVED(EnumSet.of(PROPOSED), APPROVED),
    /** The policy asks a human. */
    APPROVAL_REQUESTED(EnumSet.of(PROPOSED), AWAITING_APPROVAL),
    /** An explanation only (manual review): posting it is all there is to do. */
    EXPLAINED(EnumSet.of(PROPOSED), DONE),
    /** The policy does not let it run (disabled action, limits). */
    SKIPPED_BY_POLICY(EnumSet.of(PROPOSED), SKIPPED),
    /** A person with the required permission approved it; a failed execution can be approved again. */
    APPROVED_BY_HUMAN(EnumSet.of(AWAITING_APPROVAL, FAILED), APPROVED),
    REJECTED_BY_HUMAN(EnumSet.of(AWAITING_APPROVAL), REJECTED),
    /** Nobody decided before the approval deadline. */
    APPROVAL_EXPIRED(EnumSet.of(AWAITING_APPROVAL), EXPIRED),
    EXECUTION_STARTED(EnumSet.of(APPROVED), EXECUTING),
    EXECUTED(EnumSet.of(EXECUTING), DONE),
    EXECUTION_FAILED(EnumSet.of(EXECUTING), FAILED),
    /** The execution found it moot or refused (already quarantined, later commits touched the files, limits). */
    EXECUTION_SKIPPED(EnumSet.of(EXECUTING), SKIPPED),
    /** The fix pull request's checks started on its head. */
    VALIDATION_STARTED(EnumSet.of(DONE), DONE),
    VALIDATION_PASSED(EnumSet.of(DONE), DONE),
    VALIDATION_FAILED(EnumSet.of(DONE), DONE),
    /** GitHub's auto-merge was enabled on the fix pull request. */
    AUTO_MERGE_ENABLED(EnumSet.of(DONE), DONE),
    /** The repository asks for auto-merge but this fix may not have it: the reason is audited. */
    AUTO_MERGE_REFUSED(EnumSet.of(DONE), DONE),
    PULL_REQUEST_MERGED(EnumSet.of(DONE), DONE),
    PULL_REQUEST_CLOSED(EnumSet.of(DONE), DONE),
    /** A merged fix broke the default branch and was reverted: a false positive. */
    ROLLED_BACK(EnumSet.of(DONE), DONE),
    /** A quarantine expired: a draft pull request takes the test out of the file, and its CI is the trial. */
    QUARANTINE_TRIAL_STARTED(EnumSet.of(DONE), DONE),
    /** The trial's CI is green: its pull request is proposed for merge. */
    QUARANTINE_TRIAL_PASSED(EnumSet.of(DONE), DONE),
    /** The trial's CI is red, or its pull request was closed unmerged: the quarantine is extended once, then overdue. */
    QUARANTINE_TRIAL_FAILED(EnumSet.of(DONE), DONE),
    /** The test is back in the build: the trial's pull request merged, or someone took it out of the file. */
    QUARANTINE_RELEASED(EnumSet.of(DONE), DONE);

    private final Set<RemediationState> from;
    private final RemediationState to;

    RemediationEvent(Set<RemediationState> from, RemediationState to) {
        this.from = from;
        this.to = to;
    }

    /** The states this event may happen in; none for the event that creates a remediation. */
    public Set<RemediationState> from() {
        return Collections.unmodifiableSet(from);
    }

    public RemediationState to() {
        return to;
    }

    /** Whether it moves the state, rather than recording a fact about a finished remediation. */
    public boolean changesState() {
        return from.stream().anyMatch(state -> state != to);
    }

    /** The state after this event in {@code state}, or empty when the event cannot happen there. */
    public Optional<RemediationState> after(RemediationState state) {
        return from.contains(state) ? Optional.of(to) : Optional.empty();
    }

    /** Why this event cannot happen in {@code state}, for the one error every refused transition gives. */
    public String refusal(RemediationState state) {
        return "a remediation that is " + state + " cannot be " + this + " (allowed from " + from + ")";
    }
}
