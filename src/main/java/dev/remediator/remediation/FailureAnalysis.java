package dev.remediator.remediation;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.LogAnalyzer;
import dev.remediator.core.analysis.RunAnalysis;
import dev.remediator.core.config.LoadedConfig;
import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.remediation.FailureCase;
import dev.remediator.core.remediation.PlannedRemediation;
import dev.remediator.core.remediation.RemediationPlanner;
import dev.remediator.core.remediation.RemediationState;
import dev.remediator.github.GitHubRepositories;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.store.RemediationRecord;
import dev.remediator.store.RemediationStore;
import dev.remediator.store.RunHistoryStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * From a red workflow run to a plan (DESIGN §1-§3): the check run goes up at once, the failed jobs' logs are streamed
 * through the analyzer, history adds its evidence, the planner proposes, the policy decides, what may run runs, and
 * the reports are drawn from the result.
 */
@ApplicationScoped
public class FailureAnalysis {

    private static final Logger LOG = Logger.getLogger(FailureAnalysis.class);

    /** Who a decision made by the repository's policy is attributed to in the audit trail. */
    static final String POLICY = "policy";

    @Inject
    GitHubRepositories repositories;

    @Inject
    RunReports reports;

    @Inject
    FailureEvidence evidence;

    @Inject
    RunHistoryStore history;

    @Inject
    RemediationStore store;

    @Inject
    RemediationExecutor executor;

    @Inject
    MeterRegistry registry;

    private final LogAnalyzer analyzer = LogAnalyzer.standard();
    private final RemediationPlanner planner = new RemediationPlanner();

    public void analyse(FailedRun run, LoadedConfig config, String deliveryId) throws IOException {
        RepositoryGitHub github = repositories.open(run.installationId(), run.repositoryId(), run.repository());
        reports.start(github, run);
        long started = System.nanoTime();
        List<RepositoryGitHub.WorkflowJob> jobs = github.jobs(run.runId(), run.attempt());
        Map<String, JobAnalysis> analyses = new LinkedHashMap<>();
        for (RepositoryGitHub.WorkflowJob job : jobs) {
            if (job.failed()) {
                try (InputStream log = github.jobLog(job.id())) {
                    analyses.put(job.name(), analyzer.analyze(log));
                }
            }
        }
        RunAnalysis analysis = RunAnalysis.merge(analyses);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        registry.timer("remediator.analysis").record(Duration.ofMillis(millis));
        FailureCase failure = evidence.gather(github, run, analysis, analyses.size(), jobs.size(), config.config());
        history.saveAnalysis(new RunHistoryStore.AnalysisRecord(run.analysed(), run.workflowName(), run.url(),
                run.pullRequests(), analysis, failure.history().culprit().orElse(null), config.location(),
                config.problems()), millis, deliveryId);
        LOG.infof("Run %d of %s: %s (%.0f %%), %d failed job(s), analysed in %d ms", run.runId(), run.repository(),
                analysis.category(), analysis.confidence() * 100, analyses.size(), millis);
        act(github, run, failure, config.config(), deliveryId);
        reports.publish(github, run.runId());
    }

    /**
     * A green run at a commit where the same workflow failed with failing tests makes those tests flaky: the failure
     * is planned again with that evidence (DESIGN §2: failed and passed at the same SHA), which proposes quarantines.
     */
    public void recheckAfterGreenRun(FailedRun green, LoadedConfig config, String deliveryId) throws IOException {
        RepositoryGitHub github = repositories.open(green.installationId(), green.repositoryId(), green.repository());
        List<Long> redRuns = history.atSha(green.repositoryId(), green.headSha(), green.workflowId()).stream()
                .filter(r -> r.red() && !r.failingTests().isEmpty()).map(r -> r.runId()).distinct().toList();
        for (long runId : redRuns) {
            RunHistoryStore.AnalysisRecord analysed = history.latestAnalysis(green.repositoryId(), runId).orElse(null);
            if (analysed == null) {
                continue;
            }
            FailedRun red = green.sibling(analysed);
            int jobs = analysed.analysis().jobs().size();
            FailureCase failure = evidence.gather(github, red, analysed.analysis(), jobs, jobs, config.config());
            if (!failure.history().flakyTests().isEmpty()) {
                LOG.infof("Run %d of %s passed where run %d failed: %d flaky test(s)", green.runId(), green.repository(),
                        runId, failure.history().flakyTests().size());
                act(github, red, failure, config.config(), deliveryId);
                reports.publish(github, runId);
            }
        }
    }

    /** Stores the plan, applies the policy's decision to what is new, and executes what may run now. */
    void act(RepositoryGitHub github, FailedRun run, FailureCase failure, RepositoryConfig config, String deliveryId)
            throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofHours(config.approval().timeoutHours()));
        for (PlannedRemediation planned : planner.plan(failure)) {
            RemediationStore.Proposal proposal = store.propose(run.key(), planned, deadline, deliveryId);
            RemediationRecord remediation = proposal.remediation();
            if (proposal.created()) {
                decide(remediation, planned, deliveryId);
            }
            remediation = store.find(remediation.id).orElseThrow();
            if (remediation.state == RemediationState.APPROVED || remediation.state == RemediationState.EXECUTING) {
                executor.execute(github, remediation, config, deliveryId);
            }
        }
    }

    private void decide(RemediationRecord remediation, PlannedRemediation planned, String deliveryId) {
        String reason = planned.decision().reason();
        if (!planned.action().executable()) {
            store.transition(remediation.id, RemediationState.PROPOSED, RemediationState.DONE, POLICY,
                    "explanation posted", deliveryId);
            return;
        }
        switch (planned.decision().verdict()) {
            case RUN -> store.transition(remediation.id, RemediationState.PROPOSED, RemediationState.APPROVED, POLICY,
                    reason, deliveryId);
            case ASK -> store.transition(remediation.id, RemediationState.PROPOSED, RemediationState.AWAITING_APPROVAL,
                    POLICY, reason, deliveryId);
            case SKIP -> store.transition(remediation.id, RemediationState.PROPOSED, RemediationState.SKIPPED, POLICY,
                    reason, deliveryId);
        }
        registry.counter("remediator.remediations.proposed", "action", planned.action().slug(), "decision",
                planned.decision().verdict().name().toLowerCase(java.util.Locale.ROOT)).increment();
    }
}
