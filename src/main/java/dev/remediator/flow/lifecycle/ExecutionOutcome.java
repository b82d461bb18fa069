package dev.remediator.flow.lifecycle;

import dev.remediator.core.lifecycle.RemediationState;

/**
 * Where an execution leaves a remediation, and why. {@link RemediationState#EXECUTING} means it is not over: it
 * waits for something outside Remediator (a regeneration workflow to push), and resumes when that comes.
 */
public record ExecutionOutcome(RemediationState state, String reason) {
}
