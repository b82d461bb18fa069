package dev.remediator.testing.github;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Repositories, branches, collaborators and file contents. */
final class RepositoryRoutes {

    /** A role's classic permission: `maintain` counts as write, `triage` as read. */
    private static final Map<String, String> PERMISSION_OF_ROLE = Map.of("admin", "admin", "maintain", "write",
            "write", "write", "triage", "read", "read", "read");

    private final GitHubState state;
    private final Representations json;
    private final CommitRepresentations commits;

    RepositoryRoutes(GitHubState state, Representations json, CommitRepresentations commits) {
        this.state = state;
        this.json = json;
        this.commits = commits;
    }

    void register(Routes routes) {
        routes.on("repos/get", RequiredAccess.read("metadata"), this::getRepository);
        routes.on("repos/get-branch", RequiredAccess.read("contents"), this::getBranch);
        routes.on("repos/get-collaborator-permission-level", RequiredAccess.read("metadata"), this::permission);
        routes.on("repos/get-content", RequiredAccess.read("contents"), this::getContent);
        routes.on("repos/get-combined-status-for-ref", RequiredAccess.read("statuses"), this::combinedStatus);
        routes.on("repos/list-commit-statuses-for-ref", RequiredAccess.read("statuses"), this::statuses);
        routes.on("repos/create-or-update-file-contents", RequiredAccess.write("contents"), this::putContent);
    }

    private ApiResponse getRepository(ApiRequest request) {
        Repository repository = request.repository();
        ObjectNode body = json.repository(repository);
        if (repository.isFork()) {
            body.set("parent", json.repository(repository.forkOf(), false));
        }
        InstallationToken token = request.caller().token();
        body.putObject("permissions").put("admin", false).put("maintain", false)
                .put("push", token.grants("contents", "write")).put("triage", false).put("pull", true);
        return ApiResponse.ok(body);
    }

    private ApiResponse getBranch(ApiRequest request) {
        Repository repository = request.repository();
        String branch = request.path("branch");
        String sha = repository.branchHead(branch).orElseThrow(() -> new ApiError(404, "Branch not found"));
        ObjectNode body = Json.object().put("name", branch);
        body.set("commit", commits.commit(repository, repository.git().commit(sha).orElseThrow()));
        ObjectNode links = body.putObject("_links");
        links.put("self", json.url(repository) + "/branches/" + branch)
                .put("html", Representations.htmlUrl(repository) + "/tree/" + branch);
        body.put("protected", repository.isProtected(branch))
                .put("protection_url", json.url(repository) + "/branches/" + branch + "/protection");
        ObjectNode protection = body.putObject("protection").put("enabled", repository.isProtected(branch));
        List<String> required = repository.requiredChecks(branch);
        if (!required.isEmpty()) {
            ObjectNode checks = protection.putObject("required_status_checks").put("enforcement_level", "non_admins");
            required.forEach(checks.putArray("contexts")::add);
            required.forEach(name -> checks.withArray("checks").addObject().put("context", name).putNull("app_id"));
        }
        return ApiResponse.ok(body);
    }

    /** The latest status of each context on a commit, and their combined state, as GitHub sums them up. */
    private ApiResponse combinedStatus(ApiRequest request) {
        Repository repository = request.repository();
        String sha = repository.resolveCommit(request.path("ref")).orElseThrow(ApiError::notFound);
        Map<String, Repository.CommitStatus> latest = new java.util.LinkedHashMap<>();
        repository.statuses().stream().filter(s -> s.sha().equals(sha)).forEach(s -> latest.put(s.context(), s));
        Collection<Repository.CommitStatus> statuses = latest.values();
        String state = statuses.stream().anyMatch(s -> s.state().equals("failure") || s.state().equals("error"))
                ? "failure" : !statuses.isEmpty() && statuses.stream().allMatch(s -> s.state().equals("success"))
                        ? "success" : "pending";
        ObjectNode body = Json.object().put("state", state).put("sha", sha).put("total_count", statuses.size())
                .put("commit_url", json.url(repository) + "/commits/" + sha)
                .put("url", json.url(repository) + "/commits/" + sha + "/status");
        statuses.forEach(s -> body.withArray("statuses").add(status(repository, s)));
        body.withArray("statuses");
        body.set("repository", json.repository(repository));
        return ApiResponse.ok(body);
    }

    private ApiResponse statuses(ApiRequest request) {
        Repository repository = request.repository();
        String sha = repository.resolveCommit(request.path("ref")).orElseThrow(ApiError::notFound);
        List<Repository.CommitStatus> statuses = new ArrayList<>(repository.statuses().stream()
                .filter(s -> s.sha().equals(sha)).toList());
        Collections.reverse(statuses);
        return request.page(statuses.stream().map(s -> status(repository, s)).toList());
    }

    private ObjectNode status(Repository repository, Repository.CommitStatus status) {
        return Json.object().put("id", status.id()).put("node_id", Representations.nodeId("StatusContext", status.id()))
                .put("url", json.url(repository) + "/statuses/" + status.sha()).put("state", status.state())
                .put("context", status.context()).putNull("description").putNull("target_url")
                .put("avatar_url", "https://avatars.githubusercontent.com/u/0").put("default", false)
                .put("created_at", Json.time(status.at())).put("updated_at", Json.time(status.at()));
    }

    private ApiResponse permission(ApiRequest request) {
        Repository repository = request.repository();
        String login = request.path("username");
        // anyone can read a public repository; a private one is closed to non-collaborators
        String role = repository.collaboratorRole(login).orElse(repository.isPrivate() ? null : "read");
        ObjectNode body = Json.object().put("permission", role == null ? "none" : PERMISSION_OF_ROLE.get(role))
                .put("role_name", role == null ? "none" : role);
        body.set("user", json.user(login));
        return ApiResponse.ok(body);
    }

    private ApiResponse getContent(ApiRequest request) {
        Repository repository = request.repository();
        String ref = request.query("ref").orElse(repository.defaultBranch());
        String commitSha = repository.resolveCommit(ref)
                .orElseThrow(() -> new ApiError(404, "No commit found for the ref " + ref));
        String path = stripSlashes(request.path("path"));
        Map<String, GitObjects.TreeEntry> files = repository.git()
                .flatten(repository.git().commit(commitSha).orElseThrow().tree());
        GitObjects.TreeEntry file = files.get(path);
        if (file != null && "blob".equals(file.type())) {
            byte[] content = repository.git().blob(file.sha()).orElseThrow().content();
            return ApiResponse.ok(content(repository, path, file.sha(), ref)
                    .put("size", content.length).put("encoding", "base64")
                    .put("content", Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(content) + "\n"));
        }
        Map<String, ObjectNode> listing = new TreeMap<>();
        String prefix = path.isEmpty() ? "" : path + "/";
        files.forEach((filePath, entry) -> {
            if (filePath.startsWith(prefix)) {
                String rest = filePath.substring(prefix.length());
                int slash = rest.indexOf('/');
                String name = slash < 0 ? rest : rest.substring(0, slash);
                listing.computeIfAbsent(name, key -> slash < 0
                        ? content(repository, prefix + name, entry.sha(), ref).put("type", "file")
                        : content(repository, prefix + name, null, ref).put("type", "dir"));
            }
        });
        if (listing.isEmpty()) {
            throw ApiError.notFound();
        }
        return ApiResponse.ok(Json.array().addAll(List.copyOf(listing.values())));
    }

    private ObjectNode content(Repository repository, String path, String sha, String ref) {
        return Json.object().put("type", "file").put("name", path.substring(path.lastIndexOf('/') + 1))
                .put("path", path).put("sha", sha)
                .put("url", json.url(repository) + "/contents/" + path + "?ref=" + ref)
                .put("html_url", Representations.htmlUrl(repository) + "/blob/" + ref + "/" + path)
                .put("git_url", sha == null ? null : json.url(repository) + "/git/blobs/" + sha)
                .put("download_url", Representations.HTML + repository.fullName() + "/raw/" + ref + "/" + path);
    }

    private ApiResponse putContent(ApiRequest request) {
        Repository repository = request.repository();
        String branch = Optional.ofNullable(request.text("branch")).orElse(repository.defaultBranch());
        String path = stripSlashes(request.path("path"));
        if (repository.isProtected(branch)) {
            throw ApiError.conflict("Protected branch update failed for refs/heads/" + branch + ".");
        }
        String head = repository.branchHead(branch).orElseThrow(() -> new ApiError(404, "Branch " + branch
                + " not found"));
        GitObjects git = repository.git();
        Map<String, GitObjects.TreeEntry> files = new TreeMap<>(git.flatten(git.commit(head).orElseThrow().tree()));
        GitObjects.TreeEntry existing = files.get(path);
        String givenSha = request.text("sha");
        if (existing != null && givenSha == null) {
            throw ApiError.validationFailed("Invalid request.\n\n\"sha\" wasn't supplied.");
        }
        if (existing != null && !existing.sha().equals(givenSha)) {
            throw ApiError.conflict(path + " does not match " + givenSha);
        }
        String blob = git.putBlob(GitDataRoutes.decodeBase64(request.text("content")));
        files.put(path, new GitObjects.TreeEntry(GitObjects.FILE_MODE, "blob", blob));
        GitObjects.Signature actor = GitObjects.Signature.at(request.actor(),
                Repository.noreplyEmail(request.actor()), state.now());
        GitObjects.Signature author = person(request.body().get("author"), actor);
        GitObjects.Signature committer = person(request.body().get("committer"), author);
        String sha = git.putCommit(git.writeTree(files), List.of(head), author, committer, request.text("message"));
        repository.mutableRefs().put(Repository.HEADS + branch, sha);
        ObjectNode body = Json.object();
        body.set("content", content(repository, path, blob, branch).put("size", git.blob(blob).orElseThrow()
                .content().length));
        body.set("commit", commits.gitCommit(repository, git.commit(sha).orElseThrow()));
        return existing == null ? ApiResponse.created(body) : ApiResponse.ok(body);
    }

    private GitObjects.Signature person(com.fasterxml.jackson.databind.JsonNode given, GitObjects.Signature fallback) {
        if (given == null || given.isNull()) {
            return fallback;
        }
        return GitObjects.Signature.at(given.path("name").asText(), given.path("email").asText(), state.now());
    }

    private static String stripSlashes(String path) {
        String stripped = Objects.requireNonNullElse(path, "");
        while (stripped.startsWith("/")) {
            stripped = stripped.substring(1);
        }
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
