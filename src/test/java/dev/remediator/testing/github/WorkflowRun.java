package dev.remediator.testing.github;

import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A run of a workflow at one commit, with its attempts (the first run and every re-run). */
public final class WorkflowRun {

    private final Repository repository;
    private final long id;
    private final Workflow workflow;
    private final int runNumber;
    private final String headSha;
    private final Instant createdAt;
    private final List<RunAttempt> attempts = new CopyOnWriteArrayList<>();
    private volatile String headBranch;
    private volatile String event = "push";
    private volatile String actor;
    private volatile List<Integer> pullRequests = List.of();

    WorkflowRun(Repository repository, long id, Workflow workflow, int runNumber, String headSha, String headBranch) {
        this.repository = repository;
        this.id = id;
        this.workflow = workflow;
        this.runNumber = runNumber;
        this.headSha = headSha;
        this.headBranch = headBranch;
        this.actor = repository.owner();
        this.createdAt = repository.state().now();
        attempts.add(new RunAttempt(this, 1, createdAt));
    }

    public WorkflowRun headBranch(String branch) {
        this.headBranch = branch;
        return this;
    }

    /** The triggering event: `push` (the default), `pull_request`, `workflow_dispatch`, ... */
    public WorkflowRun event(String triggeringEvent) {
        this.event = triggeringEvent;
        return this;
    }

    public WorkflowRun actor(String login) {
        this.actor = login;
        return this;
    }

    /** The numbers of the pull requests this run belongs to (GitHub lists them in `pull_requests`). */
    public WorkflowRun pullRequests(int... numbers) {
        this.pullRequests = Arrays.stream(numbers).boxed().toList();
        return this;
    }

    /** Adds a job to the latest attempt; a null conclusion leaves it queued. */
    public Job job(long jobId, String name, String conclusion, Supplier<InputStream> log) {
        RunAttempt attempt = latestAttempt();
        Job job = new Job(jobId, this, attempt.number(), name, conclusion, log, repository.state().now());
        attempt.add(job);
        return job;
    }

    /** Forces the latest attempt's conclusion (e.g. `timed_out`). */
    public WorkflowRun conclusion(String conclusion) {
        latestAttempt().conclusion(conclusion);
        return this;
    }

    /** Starts the next attempt: the jobs that {@code rerun} selects are queued again, the others kept. */
    RunAttempt rerun(Predicate<Job> rerun) {
        RunAttempt previous = latestAttempt();
        Instant now = repository.state().now();
        RunAttempt next = new RunAttempt(this, previous.number() + 1, now);
        previous.jobs().forEach(job -> next.add(job.copyInto(repository.state().nextId(), next.number(),
                rerun.test(job), now)));
        attempts.add(next);
        return next;
    }

    public RunAttempt attempt(int number) {
        return attempts.stream().filter(attempt -> attempt.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Run " + id + " has no attempt " + number));
    }

    public RunAttempt latestAttempt() {
        return attempts.get(attempts.size() - 1);
    }

    public List<RunAttempt> attempts() {
        return List.copyOf(attempts);
    }

    public long id() {
        return id;
    }

    public Repository repository() {
        return repository;
    }

    public Workflow workflow() {
        return workflow;
    }

    public int runNumber() {
        return runNumber;
    }

    public String headSha() {
        return headSha;
    }

    public String headBranch() {
        return headBranch;
    }

    public String event() {
        return event;
    }

    public String actor() {
        return actor;
    }

    public List<Integer> pullRequests() {
        return pullRequests;
    }

    Instant createdAt() {
        return createdAt;
    }
}
