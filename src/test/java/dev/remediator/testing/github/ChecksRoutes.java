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
        return request.page("check_runs", matching.stream().map(run -> checkRun(repository, run)).toList());
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
