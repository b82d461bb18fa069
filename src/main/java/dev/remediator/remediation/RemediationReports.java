package dev.remediator.remediation;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.github.RepositoryGitHub;
import dev.remediator.store.RemediationRecord;

/**
 * Redraws what GitHub shows of a remediation after a decision or an expiry: the Remediator check run (and sticky
 * comments) of its failed run, or the Drift check run of its pushed commit.
 */
@ApplicationScoped
public class RemediationReports {

    @Inject
    RunReports runs;

    @Inject
    DriftReports drift;

    public void publish(RepositoryGitHub github, RemediationRecord remediation) throws IOException {
        if (remediation.aboutDrift()) {
            drift.publish(github, remediation.subject);
        } else {
            runs.publish(github, remediation.runId);
        }
    }
}
