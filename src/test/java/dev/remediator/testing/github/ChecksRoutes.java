package dev.remediator.testing.github;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Check runs: create, update (annotations append), get, list for a ref, list annotations. */
final class ChecksRoutes {

    private final GitHubState state;
    private final Representations json;

    ChecksRoutes(GitHubState state, Representations json) {
        this.state = state;
        this.json = json;
    }

    void register(Routes routes) {
        RequiredAccess read = RequiredAccess.read("checks");
        RequiredAccess write = RequiredAccess.write("checks");
        routes.on("checks/create", write, this::create);
        routes.on("checks/update", write, this::update);
        routes.on("checks/get", read, request -> ApiResponse.ok(checkRun(request.repository(), checkRun(request))));
        routes.on("checks/list-for-ref", read, this::listForRef);
        routes.on("checks/list-suites-for-ref", read, this::listSuitesForRef);
        routes.on("checks/list-annotations", read, request -> request.page(checkRun(request).annotations().stream()
                .map(annotation -> annotation(request.repository(), checkRun(request), annotation)).toList()));
    }

    private static CheckRun checkRun(ApiRequest request) {
        return request.repository().checkRun(request.pathLong("check_run_id")).orElseThrow(ApiError::notFound);
    }

    private ApiResponse create(ApiRequest request) {
        Repository repository = request.repository();
        String headSha = request.text("head_sha");
        if (repository.git().commit(headSha).isEmpty()) {
            throw ApiError.validationFailed("No commit found for SHA: " + headSha);
        }
        requireConclusionWhenCompleted(request.body(), null);
        CheckRun checkRun = new CheckRun(state.nextId(), request.text("name"), headSha, headSha.hashCode() & 0xffffffL);
        checkRun.apply(request.body(), state.now());
        repository.addCheckRun(checkRun);
        return ApiResponse.created(checkRun(repository, checkRun));
    }

    private ApiResponse update(ApiRequest request) {
        CheckRun checkRun = checkRun(request);
        requireConclusionWhenCompleted(request.body(), checkRun.conclusion());
        checkRun.apply(request.body(), state.now());
        return ApiResponse.ok(checkRun(request.repository(), checkRun));
    }

    /** GitHub refuses a completed check run without a conclusion. */
    private static void requireConclusionWhenCompleted(JsonNode body, String currentConclusion) {
        boolean completing = "completed".equals(body.path("status").asText()) || body.hasNonNull("completed_at");
        if (completing && !body.hasNonNull("conclusion") && currentConclusion == null) {
            throw ApiError.invalidField("CheckRun", "conclusion", "missing_field");
        }
    }

    private ApiResponse listForRef(ApiRequest request) {
        Repository repository = request.repository();
        String sha = repository.resolveCommit(request.path("ref")).orElseThrow(ApiError::notFound);
        Optional<String> name = request.query("check_name");
        Optional<String> status = request.query("status");
        List<CheckRun> matching = repository.checkRuns().stream()
                .filter(run -> run.headSha().equals(sha))
                .filter(run -> name.isEmpty() || name.get().equals(run.name()))
                .filter(run -> status.isEmpty() || status.get().equals(run.status()))
                .sorted(Comparator.comparingLong(CheckRun::id).reversed())
                .toList();
        if (!"all".equals(request.query("filter").orElse("latest"))) {
            // `latest`: the most recent check run of each name
            Map<String, CheckRun> latest = new LinkedHashMap<>();
            matching.forEach(run -> latest.putIfAbsent(run.name(), run));
            matching = new ArrayList<>(latest.values());
        }
        List<ObjectNode> listed = new ArrayList<>(matching.stream().map(run -> checkRun(repository, run)).toList());
        // GitHub Actions reports each job of a workflow run as a check run of its own app on the run's head
        for (Job job : jobsAt(repository, sha)) {
            if ((name.isEmpty() || name.get().equals(job.name())) && (status.isEmpty() || status.get().equals(job.status()))) {
                listed.add(jobCheckRun(repository, job));
            }
        }
        return request.page("check_runs", listed);
    }

    /** The jobs of the latest attempt of each workflow run on a commit. */
    private static List<Job> jobsAt(Repository repository, String sha) {
        return repository.workflowRuns().stream().filter(run -> run.headSha().equals(sha))
                .flatMap(run -> run.latestAttempt().jobs().stream()).toList();
    }

    private ObjectNode jobCheckRun(Repository repository, Job job) {
        ObjectNode body = Json.object().put("id", job.id()).put("node_id", Representations.nodeId("CheckRun", job.id()))
                .put("head_sha", job.run().headSha()).put("name", job.name()).put("status", job.status())
                .put("conclusion", job.conclusion())
                .put("url", json.url(repository) + "/check-runs/" + job.id())
                .put("html_url", Representations.htmlUrl(repository) + "/actions/runs/" + job.run().id() + "/job/" + job.id())
                .put("details_url", Representations.htmlUrl(repository) + "/actions/runs/" + job.run().id() + "/job/" + job.id());
        body.putObject("check_suite").put("id", job.run().id());
        body.set("app", actionsApp());
        body.putArray("pull_requests");
        return body;
    }

    private ObjectNode actionsApp() {
        ObjectNode app = Json.object().put("id", 15368).put("slug", "github-actions")
                .put("node_id", Representations.nodeId("App", 15368)).put("name", "GitHub Actions");
        app.set("owner", json.user("github"));
        return app;
    }

    /** One suite per workflow run on the commit (GitHub Actions), and one for the app's own check runs there. */
    private ApiResponse listSuitesForRef(ApiRequest request) {
        Repository repository = request.repository();
        String sha = repository.resolveCommit(request.path("ref")).orElseThrow(ApiError::notFound);
        List<ObjectNode> suites = new ArrayList<>();
        for (WorkflowRun run : repository.workflowRuns()) {
            if (run.headSha().equals(sha)) {
                RunAttempt attempt = run.latestAttempt();
                ObjectNode suite = suite(run.id(), sha, run.headBranch(), attempt.status(), attempt.conclusion(),
                        attempt.jobs().size());
                suite.set("app", actionsApp());
                suites.add(suite);
            }
        }
        List<CheckRun> own = repository.checkRuns().stream().filter(run -> run.headSha().equals(sha)).toList();
        if (!own.isEmpty()) {
            boolean done = own.stream().allMatch(run -> "completed".equals(run.status()));
            ObjectNode suite = suite(own.get(0).checkSuiteId(), sha, null, done ? "completed" : "in_progress",
                    done ? "success" : null, own.size());
            GitHubApp app = state.app();
            suite.putObject("app").put("id", app.id()).put("slug", app.slug())
                    .put("node_id", Representations.nodeId("App", app.id())).put("name", "Remediator")
                    .set("owner", json.user("remediator-dev"));
            suites.add(suite);
        }
        return request.page("check_suites", suites);
    }

    private static ObjectNode suite(long id, String sha, String branch, String status, String conclusion, int runs) {
        return Json.object().put("id", id).put("node_id", Representations.nodeId("CheckSuite", id))
                .put("head_sha", sha).put("head_branch", branch).put("status", status).put("conclusion", conclusion)
                .put("latest_check_runs_count", runs);
    }

    private ObjectNode checkRun(Repository repository, CheckRun checkRun) {
        String url = json.url(repository) + "/check-runs/" + checkRun.id();
        ObjectNode body = Json.object().put("id", checkRun.id())
                .put("node_id", Representations.nodeId("CheckRun", checkRun.id()))
                .put("head_sha", checkRun.headSha()).put("external_id", checkRun.externalId())
                .put("url", url).put("html_url", Representations.htmlUrl(repository) + "/runs/" + checkRun.id())
                .put("details_url", checkRun.detailsUrl()).put("status", checkRun.status())
                .put("conclusion", checkRun.conclusion()).put("started_at", Json.time(checkRun.startedAt()))
                .put("completed_at", Json.time(checkRun.completedAt())).put("name", checkRun.name());
        body.putObject("output").put("title", checkRun.title()).put("summary", checkRun.summary())
                .put("text", checkRun.text()).put("annotations_count", checkRun.annotations().size())
                .put("annotations_url", url + "/annotations");
        body.putObject("check_suite").put("id", checkRun.checkSuiteId());
        GitHubApp app = state.app();
        ObjectNode appJson = body.putObject("app").put("id", app.id()).put("slug", app.slug())
                .put("node_id", Representations.nodeId("App", app.id())).put("name", "Remediator");
        appJson.set("owner", json.user("remediator-dev"));
        body.putArray("pull_requests");
        return body;
    }

    private ObjectNode annotation(Repository repository, CheckRun checkRun, JsonNode annotation) {
        return Json.object().put("path", annotation.path("path").asText())
                .put("blob_href", Representations.htmlUrl(repository) + "/blob/" + checkRun.headSha() + "/"
                        + annotation.path("path").asText())
                .put("start_line", annotation.path("start_line").asInt())
                .put("end_line", annotation.path("end_line").asInt())
                .put("start_column", annotation.hasNonNull("start_column") ? annotation.get("start_column").asInt()
                        : null)
                .put("end_column", annotation.hasNonNull("end_column") ? annotation.get("end_column").asInt() : null)
                .put("annotation_level", annotation.path("annotation_level").asText())
                .put("title", annotation.path("title").asText(null))
                .put("message", annotation.path("message").asText())
                .put("raw_details", annotation.path("raw_details").asText(null));
    }
}
