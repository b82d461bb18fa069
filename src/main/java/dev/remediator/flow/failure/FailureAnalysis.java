package dev.remediator.flow.failure;

import dev.remediator.flow.lifecycle.PlannedRemediations;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.LogAnalyzer;
import dev.remediator.core.analysis.PassingLog;
import dev.remediator.core.analysis.RunAnalysis;
import dev.remediator.core.assist.FailureBrief;
import dev.remediator.core.config.LoadedConfig;
import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.remediation.FailureCase;
import dev.remediator.core.remediation.PlannedRemediation;
import dev.remediator.core.remediation.RemediationPlanner;
import dev.remediator.delivery.FirstAnswerGate;
import dev.remediator.flow.assist.FailureExplanations;
import dev.remediator.flow.assist.ModelFixes;
import dev.remediator.github.GitHubRepositories;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.store.RemediationStore;
import dev.remediator.store.RunHistoryStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * From a red workflow run to a plan: the check run goes up at once, the failed jobs' logs are streamed
 * through the analyzer, history adds its evidence, the planner proposes, the policy decides, what may run runs, and
 * the reports are drawn from the result.
 */
@ApplicationScoped
public class FailureAnalysis {

    private static final Logger LOG = Logger.getLogger(FailureAnalysis.class);

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
    PlannedRemediations remediations;

    @Inject
    MeterRegistry registry;

    @Inject
    PassingBaselines baselines;

    @Inject
    FailureExplanations explanations;

    @Inject
    ModelFixes fixes;

    @Inject
    FirstAnswerGate gate;

    private final LogAnalyzer analyzer = LogAnalyzer.standard();
    private final RemediationPlanner planner = new RemediationPlanner();

    /**
     * @param resumed whether an earlier attempt may have begun this work (a retried delivery, a re-analysis)
     */
    public void analyse(FailedRun given, LoadedConfig config, String deliveryId, boolean resumed) throws IOException {
        analyse(given, config, deliveryId, resumed, true);
    }

    /**
     * @param remediate false for a run of a fix's own pull request: it is analysed and reported like any other, but
     *                  never remediated in turn (Remediator does not fix its own fixes)
     */
    public void analyse(FailedRun given, LoadedConfig config, String deliveryId, boolean resumed, boolean remediate)
            throws IOException {
        RepositoryGitHub github = repositories.open(given.installationId(), given.repositoryId(), given.repository());
        reports.start(github, given, resumed);
        FailedRun run = given.fromFork() && given.pullRequests().isEmpty()
                ? given.withPullRequests(github.openPullRequestsOf(given.headSha())) : given;
        long started = System.nanoTime();
        List<RepositoryGitHub.WorkflowJob> jobs = github.jobs(run.runId(), run.attempt());
        Map<String, JobAnalysis> analyses = new LinkedHashMap<>();
        PassingBaselines.Baseline baseline = jobs.stream().anyMatch(RepositoryGitHub.WorkflowJob::failed)
                ? baselines.of(github, run, deliveryId) : PassingBaselines.Baseline.NONE;
        for (RepositoryGitHub.WorkflowJob job : jobs) {
            if (job.failed()) {
                PassingLog passing = baseline.forJob(job.name());
                try (InputStream log = gate.steppingAside(github.jobLog(job.id()))) {
                    analyses.put(job.name(), analyzer.analyze(log, passing));
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
        FailureBrief brief = explanations.wanted(config.config()) || fixes.wanted(config.config())
                ? FailureExplanations.brief(run.workflowName(), analysis, failedSteps(jobs), failure.history().culprit()
                        .orElse(null))
                : null;
        if (explanations.wanted(config.config())) {
            explanations.explain(run.installationId(), run.repositoryId(), run.runId(), run.attempt(), brief);
        }
        if (remediate) {
            List<PlannedRemediation> plan = new ArrayList<>(planner.plan(failure));
            if (fixes.wanted(config.config())) {
                fixes.propose(github, run.installationId(), failure, analysis, brief, config.config())
                        .ifPresent(plan::add);
            }
            act(github, run, plan, config.config(), deliveryId);
        }
        reports.publish(github, run.runId());
    }

    private static Map<String, List<String>> failedSteps(List<RepositoryGitHub.WorkflowJob> jobs) {
        Map<String, List<String>> steps = new LinkedHashMap<>();
        jobs.stream().filter(RepositoryGitHub.WorkflowJob::failed).forEach(job -> steps.put(job.name(), job.failedSteps()));
        return steps;
    }

    /** Runs of the same workflow that failed with failing tests at the commit a green run just passed. */
    public List<Long> redRunsAtSameCommit(FailedRun green) {
        return history.atSha(green.repositoryId(), green.headSha(), green.workflowId()).stream()
                .filter(r -> r.red() && !r.failingTests().isEmpty()).map(r -> r.runId()).distinct().toList();
    }

    /**
     * A green run at a commit where the same workflow failed with failing tests makes those tests flaky: each such
     * failure is planned again with that evidence (failed and passed at the same SHA), which proposes
     * quarantines.
     */
    public void recheckAfterGreenRun(FailedRun green, List<Long> redRuns, LoadedConfig config, String deliveryId)
            throws IOException {
        RepositoryGitHub github = repositories.open(green.installationId(), green.repositoryId(), green.repository());
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
                act(github, red, planner.plan(failure), config.config(), deliveryId);
                reports.publish(github, runId);
            }
        }
    }

    /** Stores the plan, applies the policy's decision to what is new, and executes what may run now. */
    void act(RepositoryGitHub github, FailedRun run, List<PlannedRemediation> plan, RepositoryConfig config,
            String deliveryId) throws IOException {
        remediations.act(github, plan,
                (planned, deadline) -> store.propose(run.key(), planned, deadline, deliveryId), config, deliveryId);
    }
}
