package dev.remediator.core.lifecycle;

import java.time.Instant;

import dev.remediator.core.config.RepositoryConfig.Permission;
import dev.remediator.core.remediation.RemediationAction;
import dev.remediator.core.remediation.RiskScore;

/**
 * A remediation as the flows see it: what the planner proposed, where it stands in the lifecycle, and what its
 * execution produced. It is about a failed workflow run ({@link #runId}) or the drift of a pushed commit
 * ({@link #subject}).
 *
 * @param subject        for drift: the pushed commit; null for a failed run
 * @param approvalPermission what it takes on the repository to approve or reject it
 * @param culpritAuthor  the author of the commit a revert would take out, who may not approve it alone
 * @param branchAt       when it took one of the repository's daily pull request slots
 * @param outcome        {@code merged} or {@code closed} once its pull request is
 * @param note           the latest thing worth telling people about it
 * @param dispatchedAt   when a regeneration's workflow was dispatched
 */
public record Remediation(long id, long repositoryId, Long runId, Integer runAttempt, String subject, String headSha,
        String headBranch, RemediationAction action, String target, RemediationState state, RiskScore risk,
        String explanation, String decisionReason, Permission approvalPermission, Instant approvalDeadline,
        String culpritAuthor, String branch, Instant branchAt, Integer pullNumber, String pullUrl, String outcome,
        String note, Instant dispatchedAt, Instant createdAt, Instant updatedAt) {

    /** Whether it remedies drift (a pushed commit) rather than a failed run. */
    public boolean aboutDrift() {
        return runId == null;
    }
}
