package dev.remediator.flow.failure;

import dev.remediator.flow.lifecycle.RemediationReport;
import dev.remediator.core.report.RemediationView;
import dev.remediator.github.CheckRuns;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;


import dev.remediator.core.report.CheckRunReport;
import dev.remediator.core.report.RunReport;
import dev.remediator.core.report.StickyComment;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.store.GitHubLinks;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.store.FixValidationStore;
import dev.remediator.store.ModelStore;
import dev.remediator.store.RemediationStore;
import dev.remediator.store.RunHistoryStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.githubapp.runtime.config.GitHubAppRuntimeConfig;

/**
 * What GitHub shows of a failed run: the "Remediator" check run on its head SHA, created as soon as
 * analysis starts and redrawn from the store at every change, and the one sticky comment of each of its pull requests.
 */
@ApplicationScoped
public class RunReports implements RemediationReport {

    private static final Logger LOG = Logger.getLogger(RunReports.class);
    /** How long a report waits for the comment another report is creating on the same pull request. */
    private static final Duration STICKY_COMMENT_WAIT = Duration.ofSeconds(10);

    private final Object[] startLocks = new Object[64];

    {
        Arrays.setAll(startLocks, i -> new Object());
    }

    @Inject
    GitHubLinks links;

    /** Its app name is the app's slug: our comments are signed {@code <slug>[bot]}. */
    @Inject
    GitHubAppRuntimeConfig gitHubApp;

    @Inject
    RunHistoryStore history;

    @Inject
    RemediationStore remediations;

    @Inject
    FixValidationStore validations;

    @Inject
    MeterRegistry registry;

    @Inject
    ModelStore models;

    /**
     * The in-progress check run, once per workflow run: a redelivery or a re-analysis finds it again.
     *
     * @param resumed an earlier attempt may have created the check run and died before storing its id: look on GitHub
     */
    public long start(RepositoryGitHub github, FailedRun run, boolean resumed) throws IOException {
        // the light lane's first answer and the worker's analysis of one delivery meet here, in this process
        synchronized (startLocks[Math.floorMod(Long.hashCode(run.runId()), startLocks.length)]) {
            return startOnce(github, run, resumed);
        }
    }

    private long startOnce(RepositoryGitHub github, FailedRun run, boolean resumed) throws IOException {
        Optional<Long> known = links.checkRun(run.repositoryId(), run.runId());
        if (known.isPresent()) {
            return known.get();
        }
        CheckRuns.Found found = CheckRuns.findOrCreate(github, resumed, CheckRunReport.NAME, run.headSha(),
                externalId(run.runId()), run.url(), "Analysing the failure",
                CheckRunReport.analysingSummary(run.workflowName(), run.runId(), run.attempt()));
        long id = found.id();
        if (found.created()) {
            registry.timer("remediator.detection.latency").record(Duration.between(run.receivedAt(), Instant.now()));
        }
        links.saveCheckRun(run.repositoryId(), run.runId(), run.headSha(), id);
        return id;
    }

    @Override
    public boolean covers(Remediation remediation) {
        return !remediation.aboutDrift();
    }

    @Override
    public void publish(RepositoryGitHub github, Remediation remediation) throws IOException {
        publish(github, remediation.runId());
    }

    /** Finishes the run's check run, if one was started, as neutral, saying why the analysis failed. */
    public void concludeUnanalysed(RepositoryGitHub github, FailedRun run, String problem) throws IOException {
        Optional<Long> checkRun = links.checkRun(run.repositoryId(), run.runId());
        if (checkRun.isPresent()) {
            CheckRuns.send(github, checkRun.get(), CheckRunReport.unanalysed(run.workflowName(), run.runId(), problem),
                    false);
        }
    }

    /** Redraws the check run and the sticky comments of a run (its latest analysed attempt) from the store. */
    public void publish(RepositoryGitHub github, long runId) throws IOException {
        Optional<RunHistoryStore.AnalysisRecord> stored = history.latestAnalysis(github.repositoryId(), runId);
        Optional<Long> checkRun = links.checkRun(github.repositoryId(), runId);
        if (stored.isEmpty() || checkRun.isEmpty()) {
            LOG.warnf("Nothing to report for run %d of %s yet", runId, github.fullName());
            return;
        }
        RunHistoryStore.AnalysisRecord analysis = stored.get();
        RunReport report = new RunReport(github.fullName(), runId, analysis.run().attempt(), analysis.workflowName(),
                analysis.run().headSha(), analysis.run().headBranch(), analysis.runUrl(), analysis.analysis(),
                analysis.culprit(), remediations.forRun(github.repositoryId(), runId).stream()
                        .filter(r -> r.runAttempt() == analysis.run().attempt())
                        .map(r -> RemediationView.of(r, validations.find(r.id()).orElse(null))).toList(),
                analysis.configProblems(), analysis.configLocation(),
                models.reading(github.repositoryId(), runId, analysis.run().attempt()).orElse(null));
        CheckRunReport.Rendered rendered = CheckRunReport.render(report);
        updateCheckRun(github, runId, checkRun.get(), rendered);
        for (int pull : analysis.pullRequests()) {
            upsertStickyComment(github, pull, StickyComment.render(report));
        }
    }

    private void updateCheckRun(RepositoryGitHub github, long runId, long checkRunId, CheckRunReport.Rendered rendered)
            throws IOException {
        boolean annotate = !rendered.annotations().isEmpty() && rendered.conclusion() != null
                && links.claimAnnotations(github.repositoryId(), runId);
        CheckRuns.send(github, checkRunId, rendered, annotate);
    }

    /**
     * One comment per pull request: found by its stored id, else created by the one caller that claims it, else
     * (the claimant died between creating and storing it) found on GitHub by its marker.
     */
    private void upsertStickyComment(RepositoryGitHub github, int pull, String body) throws IOException {
        Optional<Long> id = links.stickyComment(github.repositoryId(), pull);
        boolean claimed = id.isEmpty() && links.claimStickyComment(github.repositoryId(), pull);
        if (id.isEmpty() && !claimed) {
            id = awaitStickyComment(github.repositoryId(), pull);
        }
        if (id.isEmpty()) {
            id = github.comments(pull).stream().filter(c -> c.body().contains(StickyComment.MARKER)
                    && (gitHubApp.appName().orElseThrow() + "[bot]").equalsIgnoreCase(c.authorLogin()))
                    .map(RepositoryGitHub.Comment::id).findFirst();
        }
        if (id.isPresent()) {
            github.updateComment(id.get(), body);
        } else {
            id = Optional.of(github.createComment(pull, body));
        }
        links.saveStickyComment(github.repositoryId(), pull, id.get());
    }

    /** The id the claimant of the comment stores once it has created it; empty if it does not come in time. */
    private Optional<Long> awaitStickyComment(long repositoryId, int pull) throws IOException {
        long deadline = System.nanoTime() + STICKY_COMMENT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Long> id = links.stickyComment(repositoryId, pull);
            if (id.isPresent()) {
                return id;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the sticky comment");
            }
        }
        return Optional.empty();
    }

    static String externalId(long runId) {
        return "remediator-run-" + runId;
    }

}
