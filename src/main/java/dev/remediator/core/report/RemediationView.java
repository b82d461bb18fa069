package dev.remediator.core.report;

import java.time.Instant;

import dev.remediator.core.config.RepositoryConfig.Permission;
import dev.remediator.core.lifecycle.FixValidation;
import dev.remediator.core.remediation.RemediationAction;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.core.lifecycle.RemediationState;
import dev.remediator.core.remediation.RiskScore;

/**
 * A remediation as the reports show it: what it is, where it stands, and the latest word on it.
 *
 * @param note the latest thing worth telling (a refused approval, an execution error, who approved)
 * @param validation what CI says of its pull request; null when it opened none or is not followed yet
 */
public record RemediationView(long id, RemediationAction action, String target, RemediationState state,
        RiskScore risk, String explanation, String decisionReason, Permission approvalPermission,
        Instant approvalDeadline, String pullUrl, String note, FixValidation validation) {

    public static RemediationView of(Remediation r) {
        return of(r, null);
    }

    public static RemediationView of(Remediation r, FixValidation validation) {
        return new RemediationView(r.id(), r.action(), r.target(), r.state(), r.risk(), r.explanation(),
                r.decisionReason(), r.approvalPermission(), r.approvalDeadline(), r.pullUrl(), r.note(), validation);
    }

    public boolean awaitingApproval() {
        return state == RemediationState.AWAITING_APPROVAL;
    }
}
