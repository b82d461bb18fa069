package dev.remediator.flow.lifecycle;

import java.io.IOException;

import dev.remediator.github.RepositoryGitHub;
import dev.remediator.core.lifecycle.Remediation;

/** What GitHub shows of some remediations (the Remediator check run of a failed run, the Drift check run of a push). */
public interface RemediationReport {

    boolean covers(Remediation remediation);

    /** Redraws it from the store. */
    void publish(RepositoryGitHub github, Remediation remediation) throws IOException;
}
