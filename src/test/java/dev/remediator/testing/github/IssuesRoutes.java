package dev.remediator.testing.github;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Issues (and the issue side of pull requests): comments, reactions and labels. */
final class IssuesRoutes {

    /** On a pull request either permission will do, so GitHub accepts both for these operations. */
    private static final RequiredAccess READ = RequiredAccess.read("issues").or(RequiredAccess.read("pull_requests"));
    private static final RequiredAccess WRITE = RequiredAccess.write("issues")
            .or(RequiredAccess.write("pull_requests"));

    private final GitHubState state;
    private final Representations json;

    IssuesRoutes(GitHubState state, Representations json) {
        this.state = state;
        this.json = json;
    }

    void register(Routes routes) {
        routes.on("issues/get", READ, request -> ApiResponse.ok(issue(request.repository(), issue(request))));
        routes.on("issues/list-for-repo", READ, this::listIssues);
        routes.on("issues/create", WRITE, this::createIssue);
        routes.on("issues/update", WRITE, this::updateIssue);
        routes.on("issues/list-comments", READ, this::listComments);
        routes.on("issues/create-comment", WRITE, this::createComment);
        routes.on("issues/update-comment", WRITE, this::updateComment);
        routes.on("reactions/create-for-issue-comment", WRITE, this::react);
        routes.on("issues/add-labels", WRITE, this::addLabels);
        routes.on("issues/create-label", WRITE, this::createLabel);
        routes.on("issues/get-label", READ, request -> ApiResponse.ok(json.label(request.repository()
                .label(request.path("name")).orElseThrow(ApiError::notFound))));
    }

    private static Issue issue(ApiRequest request) {
        return request.repository().issue((int) request.pathLong("issue_number")).orElseThrow(ApiError::notFound);
    }

    private static IssueComment comment(ApiRequest request) {
        return request.repository().comment(request.pathLong("comment_id")).orElseThrow(ApiError::notFound);
    }

    /** Issues and pull requests alike, as GitHub lists them: by state (default open) and labels (all of them). */
    private ApiResponse listIssues(ApiRequest request) {
        String state = request.query("state").orElse("open");
        List<String> labels = request.query("labels").map(names -> List.of(names.split(","))).orElse(List.of());
        return request.page(request.repository().issues().stream()
                .filter(issue -> state.equals("all") || state.equals(issue.state()))
                .filter(issue -> labels.stream().allMatch(label -> issue.labels().stream().anyMatch(label::equalsIgnoreCase)))
                .sorted((a, b) -> Integer.compare(b.number(), a.number()))
                .map(issue -> issue(request.repository(), issue)).toList());
    }

    private ApiResponse createIssue(ApiRequest request) {
        Repository repository = request.repository();
        String title = request.text("title");
        if (title == null || title.isBlank()) {
            throw ApiError.invalidField("Issue", "title", "missing_field");
        }
        Issue issue;
        synchronized (repository) {
            issue = repository.issue(repository.nextIssueNumber(), title, request.actor());
        }
        issue.edit(null, request.text("body"), null, state.now());
        request.body().path("labels").forEach(label -> issue.addLabel(labelNamed(repository, label.asText()).name()));
        assign(repository, issue, request.body().path("assignees"));
        return ApiResponse.created(issue(repository, issue));
    }

    private ApiResponse updateIssue(ApiRequest request) {
        Repository repository = request.repository();
        Issue issue = issue(request);
        String newState = request.text("state");
        issue.edit(request.text("title"), request.text("body"), newState, state.now());
        if ("closed".equals(newState)) {
            issue.closedBecause(Optional.ofNullable(request.text("state_reason")).orElse("completed"));
        }
        assign(repository, issue, request.body().path("assignees"));
        return ApiResponse.ok(issue(repository, issue));
    }

    /** GitHub silently drops an assignee without push access to the repository. */
    private static void assign(Repository repository, Issue issue, JsonNode logins) {
        logins.forEach(login -> {
            if (repository.collaboratorRole(login.asText()).filter(PUSH_ROLES::contains).isPresent()) {
                issue.assign(login.asText());
            }
        });
    }

    private static final List<String> PUSH_ROLES = List.of("admin", "maintain", "write");

    private ApiResponse listComments(ApiRequest request) {
        Issue issue = issue(request);
        Optional<Instant> since = request.query("since").map(Instant::parse);
        return request.page(request.repository().comments(issue.number()).stream()
                .filter(comment -> since.isEmpty() || !comment.updatedAt().isBefore(since.get()))
                .map(comment -> comment(request.repository(), comment)).toList());
    }

    private ApiResponse createComment(ApiRequest request) {
        Issue issue = issue(request);
        IssueComment comment = new IssueComment(state.nextId(), issue.number(), request.actor(),
                request.text("body"), state.now());
        request.repository().addComment(comment);
        return ApiResponse.created(comment(request.repository(), comment));
    }

    private ApiResponse updateComment(ApiRequest request) {
        IssueComment comment = comment(request);
        comment.edit(request.text("body"), state.now());
        return ApiResponse.ok(comment(request.repository(), comment));
    }

    private ApiResponse react(ApiRequest request) {
        IssueComment comment = comment(request);
        String content = request.text("content");
        Optional<Reaction> existing = request.repository().reactions().stream()
                .filter(reaction -> reaction.commentId() == comment.id() && reaction.content().equals(content)
                        && reaction.user().equals(request.actor()))
                .findFirst();
        if (existing.isPresent()) {
            return ApiResponse.ok(reaction(existing.get()));
        }
        Reaction reaction = new Reaction(state.nextId(), comment.id(), content, request.actor());
        request.repository().addReaction(reaction);
        return ApiResponse.created(reaction(reaction));
    }

    private ApiResponse addLabels(ApiRequest request) {
        Repository repository = request.repository();
        Issue issue = issue(request);
        JsonNode given = request.body().isArray() ? request.body() : request.body().path("labels");
        List<String> names = new ArrayList<>();
        given.forEach(label -> names.add(label.isObject() ? label.path("name").asText() : label.asText()));
        for (String name : names) {
            issue.addLabel(labelNamed(repository, name).name());
        }
        return ApiResponse.ok(Json.array().addAll(issue.labels().stream()
                .map(name -> json.label(repository.label(name).orElseThrow())).toList()));
    }

    /** GitHub creates a label it does not know yet. */
    private Label labelNamed(Repository repository, String name) {
        return repository.label(name).orElseGet(() -> {
            Label created = new Label(state.nextId(), name, "ededed", null);
            repository.addLabel(created);
            return created;
        });
    }

    private ApiResponse createLabel(ApiRequest request) {
        Repository repository = request.repository();
        String name = request.text("name");
        if (repository.label(name).isPresent()) {
            throw ApiError.invalidField("Label", "name", "already_exists");
        }
        String color = Optional.ofNullable(request.text("color")).orElse("ededed");
        if (!color.matches("[0-9a-fA-F]{6}")) {
            throw ApiError.invalidField("Label", "color", "invalid");
        }
        Label label = new Label(state.nextId(), name, color, request.text("description"));
        repository.addLabel(label);
        return ApiResponse.created(json.label(label));
    }

    private ObjectNode issue(Repository repository, Issue issue) {
        String url = json.url(repository) + "/issues/" + issue.number();
        ObjectNode body = Json.object().put("id", issue.id()).put("node_id", Representations.nodeId("Issue",
                issue.id()))
                .put("number", issue.number()).put("title", issue.title()).put("body", issue.body())
                .put("state", issue.state()).put("locked", false)
                .put("comments", repository.comments(issue.number()).size())
                .put("url", url).put("repository_url", json.url(repository))
                .put("labels_url", url + "/labels{/name}").put("comments_url", url + "/comments")
                .put("events_url", url + "/events")
                .put("html_url", Representations.htmlUrl(repository) + (issue.isPullRequest() ? "/pull/" : "/issues/")
                        + issue.number())
                .put("created_at", Json.time(issue.createdAt())).put("updated_at", Json.time(issue.updatedAt()))
                .put("closed_at", Json.time(issue.closedAt())).put("author_association", "NONE")
                .put("state_reason", issue.stateReason());
        body.set("user", json.user(issue.author()));
        body.set("assignees", Json.array().addAll(issue.assignees().stream().map(json::user).toList()));
        body.set("assignee", issue.assignees().isEmpty() ? null : json.user(issue.assignees().get(0)));
        body.set("labels", Json.array().addAll(issue.labels().stream()
                .map(name -> json.label(repository.label(name).orElseThrow())).toList()));
        if (issue.isPullRequest()) {
            String pull = json.url(repository) + "/pulls/" + issue.number();
            String html = Representations.htmlUrl(repository) + "/pull/" + issue.number();
            body.putObject("pull_request").put("url", pull).put("html_url", html).put("diff_url", html + ".diff")
                    .put("patch_url", html + ".patch").putNull("merged_at");
        }
        return body;
    }

    private ObjectNode comment(Repository repository, IssueComment comment) {
        ObjectNode body = Json.object().put("id", comment.id())
                .put("node_id", Representations.nodeId("IssueComment", comment.id()))
                .put("url", json.url(repository) + "/issues/comments/" + comment.id())
                .put("html_url", Representations.htmlUrl(repository) + "/issues/" + comment.issueNumber()
                        + "#issuecomment-" + comment.id())
                .put("issue_url", json.url(repository) + "/issues/" + comment.issueNumber())
                .put("body", comment.body()).put("created_at", Json.time(comment.createdAt()))
                .put("updated_at", Json.time(comment.updatedAt()))
                .put("author_association", repository.collaboratorRole(comment.author()).isPresent()
                        ? "COLLABORATOR" : "NONE");
        body.set("user", json.user(comment.author()));
        ObjectNode reactions = body.putObject("reactions")
                .put("url", json.url(repository) + "/issues/comments/" + comment.id() + "/reactions");
        List<Reaction> onComment = repository.reactions().stream()
                .filter(reaction -> reaction.commentId() == comment.id()).toList();
        reactions.put("total_count", onComment.size());
        for (String content : List.of("+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes")) {
            reactions.put(content, onComment.stream().filter(reaction -> reaction.content().equals(content)).count());
        }
        return body;
    }

    private ObjectNode reaction(Reaction reaction) {
        ObjectNode body = Json.object().put("id", reaction.id())
                .put("node_id", Representations.nodeId("Reaction", reaction.id()))
                .put("content", reaction.content()).put("created_at", Json.time(state.now()));
        body.set("user", json.user(reaction.user()));
        return body;
    }
}
