package dev.remediator.remediation;

import dev.remediator.core.remediation.RemediationState;

/**
 * Where an execution leaves a remediation, and why. {@link RemediationState#EXECUTING} means it is not over: it
 * waits for something outside Remediator (a regeneration workflow to push), and resumes when that comes.
 */
record ExecutionOutcome(RemediationState state, String reason) {
}
