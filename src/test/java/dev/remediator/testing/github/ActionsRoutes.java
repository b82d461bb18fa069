package dev.remediator.testing.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** GitHub Actions: workflows, runs and their attempts, jobs, logs (via the storage origin), re-runs, dispatches. */
final class ActionsRoutes {

    private final GitHubState state;
    private final Representations json;
    private final LogStorage storage;

    ActionsRoutes(GitHubState state, Representations json, LogStorage storage) {
        this.state = state;
        this.json = json;
        this.storage = storage;
    }

    void register(Routes routes) {
        RequiredAccess read = RequiredAccess.read("actions");
        RequiredAccess write = RequiredAccess.write("actions");
        routes.on("actions/get-workflow", read, request -> ApiResponse.ok(workflow(request.repository(),
                workflow(request))));
        routes.on("actions/list-workflow-runs-for-repo", read, request -> listRuns(request, run -> true));
        routes.on("actions/list-workflow-runs", read, request -> {
            Workflow workflow = workflow(request);
            return listRuns(request, run -> run.workflow() == workflow);
        });
        routes.on("actions/get-workflow-run", read, request -> ApiResponse.ok(run(request.repository(),
                run(request), request.query("exclude_pull_requests").map(Boolean::parseBoolean).orElse(false))));
        routes.on("actions/list-jobs-for-workflow-run", read, this::listJobs);
        routes.on("actions/list-jobs-for-workflow-run-attempt", read, request -> request.page("jobs",
                attempt(request).jobs().stream().map(job -> job(request.repository(), job)).toList()));
        routes.on("actions/get-job-for-workflow-run", read, request -> ApiResponse.ok(job(request.repository(),
                job(request))));
        routes.on("actions/download-job-logs-for-workflow-run", read, this::jobLogs);
        routes.on("actions/download-workflow-run-logs", read, request -> runLogs(run(request).latestAttempt()));
        routes.on("actions/download-workflow-run-attempt-logs", read, request -> runLogs(attempt(request)));
        routes.on("actions/re-run-workflow", write, request -> rerun(request, run(request),
                Rerun.Kind.WHOLE_RUN, null, job -> true));
        routes.on("actions/re-run-workflow-failed-jobs", write, request -> rerun(request, run(request),
                Rerun.Kind.FAILED_JOBS, null, Job::failed));
        routes.on("actions/re-run-job-for-workflow-run", write, request -> {
            Job job = job(request);
            return rerun(request, job.run(), Rerun.Kind.SINGLE_JOB, job.id(), candidate -> candidate.name()
                    .equals(job.name()));
        });
        routes.on("actions/create-workflow-dispatch", write, this::dispatch);
    }

    private static Workflow workflow(ApiRequest request) {
        return request.repository().workflowByIdOrFileName(request.path("workflow_id"))
                .orElseThrow(ApiError::notFound);
    }

    private static WorkflowRun run(ApiRequest request) {
        return request.repository().run(request.pathLong("run_id")).orElseThrow(ApiError::notFound);
    }

    private static RunAttempt attempt(ApiRequest request) {
        WorkflowRun run = run(request);
        int number = (int) request.pathLong("attempt_number");
        return run.attempts().stream().filter(attempt -> attempt.number() == number).findFirst()
                .orElseThrow(ApiError::notFound);
    }

    private static Job job(ApiRequest request) {
        return request.repository().job(request.pathLong("job_id")).orElseThrow(ApiError::notFound);
    }

    private ApiResponse listRuns(ApiRequest request, Predicate<WorkflowRun> scope) {
        Optional<String> branch = request.query("branch");
        Optional<String> status = request.query("status");
        Optional<String> headSha = request.query("head_sha");
        Optional<String> event = request.query("event");
        Optional<String> actor = request.query("actor");
        Predicate<WorkflowRun> created = createdFilter(request.query("created"));
        boolean excludePulls = request.query("exclude_pull_requests").map(Boolean::parseBoolean).orElse(false);
        List<ObjectNode> runs = request.repository().workflowRuns().stream()
                .filter(scope)
                .filter(run -> branch.isEmpty() || branch.get().equals(run.headBranch()))
                .filter(run -> headSha.isEmpty() || headSha.get().equals(run.headSha()))
                .filter(run -> event.isEmpty() || event.get().equals(run.event()))
                .filter(run -> actor.isEmpty() || actor.get().equals(run.actor()))
                .filter(created)
                .filter(run -> status.isEmpty() || status.get().equals(run.latestAttempt().status())
                        || status.get().equals(run.latestAttempt().conclusion()))
                .sorted(Comparator.comparing(WorkflowRun::createdAt).thenComparing(WorkflowRun::id).reversed())
                .map(run -> run(request.repository(), run, excludePulls))
                .toList();
        return request.page("workflow_runs", runs);
    }

    /** GitHub's search syntax for dates; the fake knows the one form a client needs for "since": {@code >=time}. */
    private static Predicate<WorkflowRun> createdFilter(Optional<String> created) {
        if (created.isEmpty()) {
            return run -> true;
        }
        if (!created.get().startsWith(">=")) {
            throw ApiError.validationFailed("The fake GitHub only understands created=>=<date-time>");
        }
        Instant since;
        try {
            since = Instant.parse(created.get().substring(2));
        } catch (DateTimeParseException e) {
            throw ApiError.validationFailed("Invalid created date: " + created.get());
        }
        return run -> !run.createdAt().isBefore(since);
    }

    private ApiResponse listJobs(ApiRequest request) {
        WorkflowRun run = run(request);
        boolean all = "all".equals(request.query("filter").orElse("latest"));
        List<ObjectNode> jobs = (all ? run.attempts() : List.of(run.latestAttempt())).stream()
                .flatMap(attempt -> attempt.jobs().stream()).map(job -> job(request.repository(), job)).toList();
        return request.page("jobs", jobs);
    }

    private ApiResponse jobLogs(ApiRequest request) {
        Job job = job(request);
        Supplier<InputStream> log = job.log();
        if (log == null) {
            throw ApiError.notFound();
        }
        return ApiResponse.redirect(storage.publish("job-" + job.id() + ".txt", "text/plain", out -> copy(log, out)));
    }

    /** All job logs of an attempt as the zip GitHub serves, written while it is downloaded. */
    private ApiResponse runLogs(RunAttempt attempt) {
        List<Job> jobs = attempt.jobs().stream().filter(job -> job.log() != null).toList();
        if (jobs.isEmpty()) {
            throw ApiError.notFound();
        }
        return ApiResponse.redirect(storage.publish("logs_" + attempt.number() + ".zip", "application/zip", out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (int i = 0; i < jobs.size(); i++) {
                zip.putNextEntry(new ZipEntry(i + "_" + jobs.get(i).name().replace('/', '_') + ".txt"));
                copy(jobs.get(i).log(), zip);
                zip.closeEntry();
            }
            zip.finish();
        }));
    }

    private static void copy(Supplier<InputStream> source, OutputStream out) throws IOException {
        try (InputStream in = source.get()) {
            in.transferTo(out);
        }
    }

    private ApiResponse rerun(ApiRequest request, WorkflowRun run, Rerun.Kind kind, Long jobId,
            Predicate<Job> rerun) {
        if (!"completed".equals(run.latestAttempt().status())) {
            throw ApiError.forbidden("This workflow is already running");
        }
        RunAttempt next = run.rerun(rerun);
        boolean debug = request.body().path("enable_debug_logging").asBoolean(false);
        request.repository().recordRerun(new Rerun(run.id(), kind, jobId, next.number(), debug));
        return ApiResponse.created(Json.object());
    }

    private ApiResponse dispatch(ApiRequest request) {
        Repository repository = request.repository();
        Workflow workflow = workflow(request);
        if (!workflow.isDispatchable()) {
            throw ApiError.validationFailed("Workflow does not have 'workflow_dispatch' trigger");
        }
        String ref = request.text("ref");
        String branch = ref.startsWith(Repository.HEADS) ? ref.substring(Repository.HEADS.length()) : ref;
        String sha = repository.resolveCommit(ref)
                .orElseThrow(() -> ApiError.validationFailed("No ref found for: " + ref));
        Map<String, String> inputs = new HashMap<>();
        request.body().path("inputs").fields().forEachRemaining(input -> inputs.put(input.getKey(),
                input.getValue().isTextual() ? input.getValue().asText() : input.getValue().toString()));
        WorkflowRun run = repository.workflowRun(state.nextId(), workflow, sha).headBranch(branch)
                .event("workflow_dispatch").actor(request.actor());
        repository.recordDispatch(new WorkflowDispatch(workflow.id(), ref, Map.copyOf(inputs), run.id()));
        if (request.body().path("return_run_details").asBoolean(false)) {
            return ApiResponse.ok(Json.object().put("workflow_run_id", run.id())
                    .put("run_url", json.url(repository) + "/actions/runs/" + run.id())
                    .put("html_url", Representations.htmlUrl(repository) + "/actions/runs/" + run.id()));
        }
        return ApiResponse.noContent();
    }

    private ObjectNode workflow(Repository repository, Workflow workflow) {
        return Json.object().put("id", workflow.id()).put("node_id", Representations.nodeId("Workflow",
                workflow.id()))
                .put("name", workflow.name()).put("path", workflow.path()).put("state", "active")
                .put("created_at", Json.time(workflow.createdAt())).put("updated_at", Json.time(workflow.createdAt()))
                .put("url", json.url(repository) + "/actions/workflows/" + workflow.id())
                .put("html_url", Representations.htmlUrl(repository) + "/blob/" + repository.defaultBranch() + "/"
                        + workflow.path())
                .put("badge_url", Representations.htmlUrl(repository) + "/workflows/" + workflow.name()
                        + "/badge.svg");
    }

    private ObjectNode run(Repository repository, WorkflowRun run, boolean excludePullRequests) {
        RunAttempt attempt = run.latestAttempt();
        String url = json.url(repository) + "/actions/runs/" + run.id();
        ObjectNode body = Json.object().put("id", run.id()).put("node_id", Representations.nodeId("WorkflowRun",
                run.id()))
                .put("name", run.workflow().name()).put("display_title", run.workflow().name())
                .put("head_branch", run.headBranch()).put("head_sha", run.headSha()).put("path", run.workflow().path())
                .put("run_number", run.runNumber()).put("run_attempt", attempt.number()).put("event", run.event())
                .put("status", attempt.status()).put("conclusion", attempt.conclusion())
                .put("workflow_id", run.workflow().id()).put("check_suite_id", run.id() + 1_000_000_000L)
                .put("url", url).put("html_url", Representations.htmlUrl(repository) + "/actions/runs/" + run.id())
                .put("jobs_url", url + "/jobs").put("logs_url", url + "/logs")
                .put("check_suite_url", json.url(repository) + "/check-suites/" + (run.id() + 1_000_000_000L))
                .put("artifacts_url", url + "/artifacts").put("cancel_url", url + "/cancel")
                .put("rerun_url", url + "/rerun")
                .put("previous_attempt_url", attempt.number() > 1 ? url + "/attempts/" + (attempt.number() - 1) : null)
                .put("workflow_url", json.url(repository) + "/actions/workflows/" + run.workflow().id())
                .put("created_at", Json.time(run.createdAt())).put("updated_at", Json.time(attempt.startedAt()))
                .put("run_started_at", Json.time(attempt.startedAt()));
        ArrayNode pulls = body.putArray("pull_requests");
        if (!excludePullRequests) {
            run.pullRequests().forEach(number -> repository.pullRequest(number)
                    .ifPresent(pull -> pulls.add(pullReference(repository, pull))));
        }
        body.set("actor", json.user(run.actor()));
        body.set("triggering_actor", json.user(run.actor()));
        repository.git().commit(run.headSha()).ifPresent(commit -> {
            ObjectNode head = body.putObject("head_commit").put("id", commit.sha()).put("tree_id", commit.tree())
                    .put("message", commit.message()).put("timestamp", Json.time(commit.committer().date().toInstant()));
            head.putObject("author").put("name", commit.author().name()).put("email", commit.author().email());
            head.putObject("committer").put("name", commit.committer().name())
                    .put("email", commit.committer().email());
        });
        body.set("repository", json.repository(repository));
        body.set("head_repository", json.repository(repository));
        return body;
    }

    /** The short form of a pull request inside a workflow run. */
    private ObjectNode pullReference(Repository repository, PullRequest pull) {
        ObjectNode reference = Json.object().put("id", pull.id()).put("number", pull.number())
                .put("url", json.url(repository) + "/pulls/" + pull.number());
        ObjectNode head = reference.putObject("head").put("ref", pull.headRef()).put("sha", pull.headSha());
        head.putObject("repo").put("id", pull.isFromFork() ? Representations.userId(pull.headRepository())
                : repository.id()).put("url", json.baseUrl() + "/repos/" + pull.headRepository())
                .put("name", pull.headRepository().substring(pull.headRepository().indexOf('/') + 1));
        ObjectNode base = reference.putObject("base").put("ref", pull.baseRef())
                .put("sha", repository.branchHead(pull.baseRef()).orElse(null));
        base.putObject("repo").put("id", repository.id()).put("url", json.url(repository))
                .put("name", repository.name());
        return reference;
    }

    private ObjectNode job(Repository repository, Job job) {
        WorkflowRun run = job.run();
        String runUrl = json.url(repository) + "/actions/runs/" + run.id();
        ObjectNode body = Json.object().put("id", job.id()).put("run_id", run.id()).put("run_url", runUrl)
                .put("run_attempt", job.attempt()).put("node_id", Representations.nodeId("CheckRun", job.id()))
                .put("head_sha", run.headSha()).put("head_branch", run.headBranch())
                .put("url", json.url(repository) + "/actions/jobs/" + job.id())
                .put("html_url", Representations.htmlUrl(repository) + "/actions/runs/" + run.id() + "/job/" + job.id())
                .put("status", job.status()).put("conclusion", job.conclusion())
                .put("created_at", Json.time(job.createdAt())).put("started_at", Json.time(job.createdAt()))
                .put("completed_at", Json.time(job.completedAt())).put("name", job.name())
                .put("check_run_url", json.url(repository) + "/check-runs/" + job.id())
                .put("workflow_name", run.workflow().name())
                .put("runner_id", 1).put("runner_name", "GitHub Actions 1").put("runner_group_id", 1)
                .put("runner_group_name", "GitHub Actions");
        body.putArray("labels").add("ubuntu-latest");
        ArrayNode steps = body.putArray("steps");
        job.steps().forEach(step -> steps.addObject().put("name", step.name()).put("status", step.status())
                .put("conclusion", step.conclusion()).put("number", step.number())
                .put("started_at", Json.time(job.createdAt())).put("completed_at", Json.time(job.completedAt())));
        return body;
    }
}
