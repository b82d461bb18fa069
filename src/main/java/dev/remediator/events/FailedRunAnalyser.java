package dev.remediator.events;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.core.config.LoadedConfig;
import dev.remediator.core.remediation.RemediatorBranch;
import dev.remediator.delivery.Delivery;
import dev.remediator.delivery.DeliveryHandler;
import dev.remediator.delivery.FirstAnswer;
import dev.remediator.delivery.UnusablePayloadException;
import dev.remediator.github.GitHubRepositories;
import dev.remediator.github.RepositoryConfigLoader;
import dev.remediator.flow.failure.FailedRun;
import dev.remediator.flow.failure.FailureAnalysis;
import dev.remediator.flow.failure.RunReports;
import dev.remediator.store.RunClaims;

/** {@code workflow_run} completed red: analyse, plan, act, report. */
@ApplicationScoped
public class FailedRunAnalyser implements DeliveryHandler, FirstAnswer {

    private static final Logger LOG = Logger.getLogger(FailedRunAnalyser.class);
    private static final Pattern COMMIT_SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    @Inject
    RepositoryConfigLoader configs;

    @Inject
    FailureAnalysis analysis;

    @Inject
    RunClaims claims;

    @Inject
    RunReports reports;

    @Inject
    GitHubRepositories repositories;

    @Override
    public boolean handles(Delivery delivery) {
        return delivery.is("workflow_run", "completed") && delivery.installationId() != null
                && delivery.repositoryId() != null;
    }

    @Override
    public void handle(Delivery delivery) throws Exception {
        Optional<FailedRun> run = claimedRun(delivery, true);
        Optional<LoadedConfig> config = run.isEmpty() ? Optional.empty() : watchingConfig(run.get(), true);
        if (config.isPresent()) {
            // the loop guard: a fix's own CI is analysed (its validation failed, people want to know why), never fixed
            boolean ownFix = RemediatorBranch.isOwn(run.get().headBranch());
            if (ownFix) {
                LOG.infof("Run %d of %s is on Remediator's own branch %s: analysed, not remediated", run.get().runId(),
                        run.get().repository(), run.get().headBranch());
            }
            analysis.analyse(run.get(), config.get(), delivery.deliveryId(), delivery.attempt() > 1, !ownFix);
        }
    }

    @Override
    public boolean answers(Delivery delivery) {
        return handles(delivery);
    }

    /** The "in progress" check run, on the light lane; the analysis follows on a worker and finds it. */
    @Override
    public void answer(Delivery delivery) throws Exception {
        Optional<FailedRun> run = claimedRun(delivery, false);
        if (run.isPresent() && watchingConfig(run.get(), false).isPresent()) {
            FailedRun failed = run.get();
            reports.start(repositories.open(failed.installationId(), failed.repositoryId(), failed.repository()), failed,
                    false);
        }
    }

    /** The failed run this delivery brings, claimed for it; empty when there is nothing for it to do. */
    private Optional<FailedRun> claimedRun(Delivery delivery, boolean explain) {
        requireRun(delivery.payload());
        FailedRun run = FailedRun.of(delivery.installationId(), delivery.payload(), delivery.receivedAt());
        if (!run.failed()) {
            return Optional.empty();
        }
        String holder = claims.claim(run.repositoryId(), run.runId(), run.attempt(), delivery.deliveryId());
        if (!holder.equals(delivery.deliveryId())) {
            if (explain) {
                LOG.infof("Run %d (attempt %d) of %s is delivery %s's: nothing more to do", run.runId(), run.attempt(),
                        run.repository(), holder);
            }
            return Optional.empty();
        }
        return Optional.of(run);
    }

    private Optional<LoadedConfig> watchingConfig(FailedRun run, boolean explain) throws IOException {
        LoadedConfig config = configs.load(run.installationId(), run.repositoryId(), run.repository());
        if (!config.config().failures().watches(run.workflowName(), run.workflowPath())) {
            if (explain) {
                LOG.infof("Workflow %s of %s is not in failures.workflows: not analysed", run.workflowName(),
                        run.repository());
            }
            return Optional.empty();
        }
        return Optional.of(config);
    }

    @Override
    public void failedForGood(Delivery delivery, Exception failure) throws Exception {
        if (failure instanceof UnusablePayloadException) {
            return;
        }
        FailedRun run = FailedRun.of(delivery.installationId(), delivery.payload(), delivery.receivedAt());
        reports.concludeUnanalysed(repositories.open(run.installationId(), run.repositoryId(), run.repository()), run,
                failure.getMessage());
    }

    /** What GitHub always sends about a run; anything else is a forged or broken payload, failed at once. */
    static void requireRun(JsonNode payload) {
        JsonNode run = payload.path("workflow_run");
        if (!run.path("id").canConvertToLong() || !run.path("id").isIntegralNumber()) {
            throw new UnusablePayloadException("workflow_run.id is missing or not a number");
        }
        if (!COMMIT_SHA.matcher(run.path("head_sha").asText("")).matches()) {
            throw new UnusablePayloadException("workflow_run.head_sha is not a commit SHA");
        }
        if (!run.path("run_attempt").isMissingNode() && !run.path("run_attempt").canConvertToInt()) {
            throw new UnusablePayloadException("workflow_run.run_attempt is not a number");
        }
    }
}
