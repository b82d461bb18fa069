package dev.remediator.flow.failure;

import dev.remediator.config.RemediatorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.core.analysis.PassingLog;
import dev.remediator.core.history.RunRecord;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.store.RunHistoryStore;

/**
 * The logs of the last passing run of a failed run's workflow, as baselines for its failed jobs: the last green run
 * of the same workflow on the same branch, else on the default branch, completed within
 * {@code remediator.analysis.baseline-max-age}. The store knows which runs were green, so finding none costs no
 * call; when there is one, its jobs are listed once and each failed job's namesake log is fetched once.
 */
@ApplicationScoped
public class PassingBaselines {

    @Inject
    RemediatorConfig config;

    private static final Logger LOG = Logger.getLogger(PassingBaselines.class);

    @Inject
    RunHistoryStore history;

    /** The passing jobs of the failed run's last green predecessor; none when there is no such run. */
    public Baseline of(RepositoryGitHub github, FailedRun run, String deliveryId) {
        Instant since = Instant.now().minus(config.analysis().baselineMaxAge());
        Optional<RunRecord> green = history.lastGreenSince(run.repositoryId(), run.headBranch(), run.workflowId(),
                run.runId(), since);
        if (green.isEmpty() && run.defaultBranch() != null && !run.defaultBranch().equals(run.headBranch())) {
            green = history.lastGreenSince(run.repositoryId(), run.defaultBranch(), run.workflowId(), run.runId(), since);
        }
        return green.map(r -> new Baseline(github, r, deliveryId)).orElse(Baseline.NONE);
    }

    /** The passing logs of one green run, fetched when a failed job asks for its namesake. */
    public static final class Baseline {

        static final Baseline NONE = new Baseline(null, null, null);

        private final RepositoryGitHub github;
        private final RunRecord green;
        private final String deliveryId;
        private List<RepositoryGitHub.WorkflowJob> jobs;

        private Baseline(RepositoryGitHub github, RunRecord green, String deliveryId) {
            this.github = github;
            this.green = green;
            this.deliveryId = deliveryId;
        }

        /** The run whose logs serve as baseline, or {@code null}. */
        public Long runId() {
            return green == null ? null : green.runId();
        }

        /**
         * The passing log of the job with this name, or {@code null} when there is none. A log GitHub no longer
         * serves (expired, deleted) leaves the job without baseline: the analysis does without, and the log says why.
         */
        public PassingLog forJob(String jobName) {
            if (green == null) {
                return null;
            }
            try {
                if (jobs == null) {
                    jobs = github.jobs(green.runId(), green.attempt());
                }
                Optional<RepositoryGitHub.WorkflowJob> passed = jobs.stream()
                        .filter(job -> job.name().equals(jobName) && "success".equals(job.conclusion())).findFirst();
                if (passed.isEmpty()) {
                    return null;
                }
                try (InputStream log = github.jobLog(passed.get().id())) {
                    return PassingLog.read(log);
                }
            } catch (IOException e) {
                LOG.warnf(e, "Delivery %s: the passing log of job %s in run %d could not be read; analysing without it",
                        deliveryId, jobName, green.runId());
                return null;
            }
        }
    }
}
