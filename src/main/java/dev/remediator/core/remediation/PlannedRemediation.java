package dev.remediator.core.remediation;

import dev.remediator.core.config.RepositoryConfig.Permission;

/**
 * A remediation the planner proposes, with its risk, what the policy decided and why, and the words the check run
 * and the pull request comment show.
 *
 * @param target        what it acts on: {@code run:<id>}, a test name, a commit SHA
 * @param explanation   what happened and what this remediation would do, in plain words (Markdown)
 * @param culpritAuthor for a revert, who wrote the commit: they may not approve it alone
 */
public record PlannedRemediation(RemediationAction action, String target, RiskScore risk, Policy.Decision decision,
        String explanation, String culpritAuthor) {

    public Permission approvalPermission() {
        return decision.approvalPermission();
    }
}
