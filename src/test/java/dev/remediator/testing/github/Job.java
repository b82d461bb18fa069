package dev.remediator.testing.github;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A job of one attempt of a workflow run, with its steps and its log (streamed, never held). */
public final class Job {

    /** A step of the job, numbered from 1 as GitHub does. */
    public record Step(int number, String name, String status, String conclusion) {
    }

    private final long id;
    private final WorkflowRun run;
    private final int attempt;
    private final String name;
    private final Instant createdAt;
    private final List<Step> steps = new CopyOnWriteArrayList<>();
    private volatile String status;
    private volatile String conclusion;
    private volatile Supplier<InputStream> log;
    private volatile Instant completedAt;

    Job(long id, WorkflowRun run, int attempt, String name, String conclusion, Supplier<InputStream> log,
            Instant createdAt) {
        this.id = id;
        this.run = run;
        this.attempt = attempt;
        this.name = name;
        this.createdAt = createdAt;
        complete(conclusion, log, createdAt);
    }

    /** Adds a step; its status follows from its conclusion (null: still queued). */
    public Job step(String stepName, String stepConclusion) {
        steps.add(new Step(steps.size() + 1, stepName, stepConclusion == null ? "queued" : "completed",
                stepConclusion));
        return this;
    }

    /** Finishes the job with a conclusion and its log; a null conclusion leaves it queued. */
    void complete(String newConclusion, Supplier<InputStream> newLog, Instant at) {
        this.conclusion = newConclusion;
        this.status = newConclusion == null ? "queued" : "completed";
        this.log = newLog;
        this.completedAt = newConclusion == null ? null : at;
    }

    Job copyInto(long newId, int newAttempt, boolean queued, Instant at) {
        Job copy = new Job(newId, run, newAttempt, name, queued ? null : conclusion, queued ? null : log, at);
        if (!queued) {
            copy.steps.addAll(steps);
        }
        return copy;
    }

    public long id() {
        return id;
    }

    public WorkflowRun run() {
        return run;
    }

    public int attempt() {
        return attempt;
    }

    public String name() {
        return name;
    }

    public String status() {
        return status;
    }

    public String conclusion() {
        return conclusion;
    }

    public boolean failed() {
        return "failure".equals(conclusion) || "timed_out".equals(conclusion) || "cancelled".equals(conclusion);
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    Supplier<InputStream> log() {
        return log;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant completedAt() {
        return completedAt;
    }
}
