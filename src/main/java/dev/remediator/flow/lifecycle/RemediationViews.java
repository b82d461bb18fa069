package dev.remediator.flow.lifecycle;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.remediator.core.config.RepositoryConfig.Permission;
import dev.remediator.core.remediation.RiskFactor;
import dev.remediator.core.remediation.RiskScore;
import dev.remediator.core.report.RemediationView;
import dev.remediator.store.RemediationRecord;

/** A stored remediation as the reports draw it. */
public final class RemediationViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RemediationViews() {
    }

    public static RemediationView of(RemediationRecord r) {
        List<RiskFactor> factors;
        try {
            factors = List.of(JSON.readValue(r.riskFactors, RiskFactor[].class));
        } catch (IOException e) {
            throw new IllegalStateException("risk factors of remediation " + r.id + " are not readable", e);
        }
        return new RemediationView(r.id, r.action, r.target, r.state, new RiskScore(factors), r.explanation,
                r.decisionReason, Permission.valueOf(r.approvalPermission), r.approvalDeadline, r.pullUrl, r.note);
    }
}
