package dev.remediator.testing.github;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * One attempt of a workflow run: the first run, or a re-run. Its status and conclusion follow from its jobs unless a
 * test sets the conclusion.
 */
public final class RunAttempt {

    private final WorkflowRun run;
    private final int number;
    private final Instant startedAt;
    private final List<Job> jobs = new CopyOnWriteArrayList<>();
    private volatile String conclusionOverride;

    RunAttempt(WorkflowRun run, int number, Instant startedAt) {
        this.run = run;
        this.number = number;
        this.startedAt = startedAt;
    }

    void add(Job job) {
        jobs.add(job);
    }

    /** Finishes the job of that name in this attempt, e.g. after a re-run. */
    public RunAttempt complete(String jobName, String conclusion, Supplier<InputStream> log) {
        job(jobName).complete(conclusion, log, run.repository().state().now());
        return this;
    }

    /** Forces the attempt's conclusion (e.g. `timed_out`), whatever its jobs say. */
    public RunAttempt conclusion(String conclusion) {
        this.conclusionOverride = conclusion;
        return this;
    }

    public Job job(String name) {
        return jobs.stream().filter(job -> job.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No job '" + name + "' in attempt " + number));
    }

    public List<Job> jobs() {
        return List.copyOf(jobs);
    }

    public int number() {
        return number;
    }

    public String status() {
        if (jobs.isEmpty()) {
            return conclusionOverride == null ? "queued" : "completed";
        }
        // jobs are queued or completed here; a run with any job left to do is queued, as GitHub shows a re-run
        return jobs.stream().allMatch(job -> "completed".equals(job.status())) ? "completed" : "queued";
    }

    public String conclusion() {
        if (!"completed".equals(status())) {
            return null;
        }
        if (conclusionOverride != null) {
            return conclusionOverride;
        }
        if (jobs.stream().anyMatch(job -> "failure".equals(job.conclusion()) || "timed_out".equals(job.conclusion()))) {
            return "failure";
        }
        return jobs.stream().anyMatch(job -> "cancelled".equals(job.conclusion())) ? "cancelled" : "success";
    }

    Instant startedAt() {
        return startedAt;
    }
}
