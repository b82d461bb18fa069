package dev.remediator.flow.lifecycle;

import java.io.IOException;
import java.util.Set;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.remediation.RemediationAction;
import dev.remediator.core.remediation.RevertPlan;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.core.lifecycle.Remediation;

/**
 * How some actions are carried out on GitHub. Each step looks for what an earlier, interrupted attempt made before
 * making it, so that a retry, a redelivery or a second click never produces a second branch or pull request.
 */
public interface RemediationActions {

    Set<RemediationAction> actions();

    ExecutionOutcome execute(RepositoryGitHub github, Remediation remediation, RepositoryConfig config)
            throws IOException, RevertPlan.RefusedException;
}
