package dev.remediator.flow.lifecycle;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.remediator.github.RepositoryGitHub;
import dev.remediator.core.lifecycle.Remediation;

/**
 * Redraws what GitHub shows of a remediation after a decision or an expiry: the report that covers it (the
 * Remediator check run and sticky comments of its failed run, or the Drift check run of its pushed commit).
 */
@ApplicationScoped
public class RemediationReports {

    @Inject
    Instance<RemediationReport> reports;

    public void publish(RepositoryGitHub github, Remediation remediation) throws IOException {
        for (RemediationReport report : reports) {
            if (report.covers(remediation)) {
                report.publish(github, remediation);
            }
        }
    }
}
