package dev.remediator.flow.lifecycle;

import java.io.IOException;

import dev.remediator.github.RepositoryGitHub;
import dev.remediator.store.RemediationRecord;

/** What GitHub shows of some remediations (the Remediator check run of a failed run, the Drift check run of a push). */
public interface RemediationReport {

    boolean covers(RemediationRecord remediation);

    /** Redraws it from the store. */
    void publish(RepositoryGitHub github, RemediationRecord remediation) throws IOException;
}
