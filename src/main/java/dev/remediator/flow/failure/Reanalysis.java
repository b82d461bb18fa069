package dev.remediator.flow.failure;

import java.io.IOException;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.core.config.LoadedConfig;
import dev.remediator.core.config.RepositoryConfig.Permission;
import dev.remediator.flow.lifecycle.Approvals;
import dev.remediator.github.RepositoryConfigLoader;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.store.InstallationStore;
import dev.remediator.core.lifecycle.Remediation;

/** The Re-analyse button and the {@code explain}-less retry of an analysis: the run's logs are read again. */
@ApplicationScoped
public class Reanalysis {

    @Inject
    InstallationStore installations;

    @Inject
    Approvals approvals;

    @Inject
    RepositoryConfigLoader configs;

    @Inject
    FailureAnalysis analysis;

    /** Analyses the run again from its logs, for someone who can write to the repository. */
    public Approvals.Answer reanalyse(RepositoryGitHub github, long installationId, Remediation remediation,
            String actor, String deliveryId) throws IOException {
        if (remediation.aboutDrift()) {
            return new Approvals.Answer(Approvals.Outcome.REFUSED, "There is no run to re-analyse: this "
                    + remediation.action().slug() + " is about the drift of a pushed commit.");
        }
        Permission permission = github.permissionOf(actor);
        if (!permission.atLeast(Permission.WRITE)) {
            return approvals.refused(github, remediation, new Approvals.Answer(Approvals.Outcome.REFUSED, "@" + actor
                    + " cannot re-analyse: that takes write permission, and @" + actor + " has "
                    + Approvals.name(permission) + "."));
        }
        LoadedConfig config = configs.load(installationId, remediation.repositoryId(), github.fullName());
        // the attempt the remediation is about (a later attempt may have passed), as GitHub describes the run
        FailedRun run = FailedRun.fromRun(installationId, remediation.repositoryId(), github.fullName(),
                installations.defaultBranchOf(remediation.repositoryId()), github.workflowRun(remediation.runId()),
                Instant.now()).failedAttempt(remediation.runAttempt());
        analysis.analyse(run, config, deliveryId, true);
        return new Approvals.Answer(Approvals.Outcome.REANALYSED, "Re-analysed at the request of @" + actor + ".");
    }
}
