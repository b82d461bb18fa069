package dev.remediator.testing.github;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The Git Data API: blobs, trees, commits and refs, stored in git's object formats. */
final class GitDataRoutes {

    private static final Map<String, Set<String>> MODES_BY_TYPE = Map.of(
            "blob", Set.of("100644", "100755", "120000"), "tree", Set.of("040000"), "commit", Set.of("160000"));

    private final GitHubState state;
    private final Representations json;
    private final CommitRepresentations commits;

    GitDataRoutes(GitHubState state, Representations json, CommitRepresentations commits) {
        this.state = state;
        this.json = json;
        this.commits = commits;
    }

    void register(Routes routes) {
        RequiredAccess read = RequiredAccess.read("contents");
        RequiredAccess write = RequiredAccess.write("contents");
        routes.on("git/create-blob", write, this::createBlob);
        routes.on("git/create-tree", write, this::createTree);
        routes.on("git/get-tree", read, this::getTree);
        routes.on("git/create-commit", write, this::createCommit);
        routes.on("git/get-commit", read, request -> ApiResponse.ok(commits.gitCommit(request.repository(),
                request.repository().git().commit(request.path("commit_sha")).orElseThrow(ApiError::notFound))));
        routes.on("git/get-ref", read, this::getRef);
        routes.on("git/list-matching-refs", read, this::matchingRefs);
        routes.on("git/create-ref", write, this::createRef);
        routes.on("git/update-ref", write, this::updateRef);
        routes.on("git/delete-ref", write, this::deleteRef);
    }

    private ApiResponse createBlob(ApiRequest request) {
        String encoding = Optional.ofNullable(request.text("encoding")).orElse("utf-8");
        String content = request.text("content");
        byte[] bytes = switch (encoding) {
            case "utf-8" -> content.getBytes(StandardCharsets.UTF_8);
            case "base64" -> decodeBase64(content);
            default -> throw ApiError.validationFailed("encoding must be one of utf-8, base64");
        };
        String sha = request.repository().git().putBlob(bytes);
        return ApiResponse.created(Json.object().put("sha", sha)
                .put("url", json.url(request.repository()) + "/git/blobs/" + sha));
    }

    static byte[] decodeBase64(String content) {
        try {
            return Base64.getMimeDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            throw ApiError.validationFailed("content is not valid Base64");
        }
    }

    private ApiResponse createTree(ApiRequest request) {
        GitObjects git = request.repository().git();
        Map<String, GitObjects.TreeEntry> files = new TreeMap<>();
        String baseTree = request.text("base_tree");
        if (baseTree != null) {
            if (git.tree(baseTree).isEmpty()) {
                throw ApiError.validationFailed("base_tree is not a valid tree oid");
            }
            files.putAll(git.flatten(baseTree));
        }
        for (JsonNode entry : request.body().path("tree")) {
            applyTreeEntry(git, files, entry);
        }
        String sha = git.writeTree(files);
        return ApiResponse.created(tree(request.repository(), sha, false));
    }

    private static void applyTreeEntry(GitObjects git, Map<String, GitObjects.TreeEntry> files, JsonNode entry) {
        String path = entry.path("path").asText("");
        String type = entry.path("type").asText("blob");
        String mode = entry.path("mode").asText(GitObjects.FILE_MODE);
        boolean hasSha = entry.has("sha");
        boolean hasContent = entry.hasNonNull("content");
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
            throw ApiError.validationFailed("tree.path contains a malformed path component");
        }
        if (hasSha && hasContent) {
            throw ApiError.validationFailed("Must supply either tree.sha or tree.content. Request will be rejected "
                    + "if both are present.");
        }
        if (!MODES_BY_TYPE.getOrDefault(type, Set.of()).contains(mode)) {
            throw ApiError.validationFailed("Invalid tree info: mode " + mode + " does not match type " + type);
        }
        files.keySet().removeIf(existing -> existing.equals(path) || existing.startsWith(path + "/"));
        if (hasContent) {
            String blob = git.putBlob(entry.get("content").asText().getBytes(StandardCharsets.UTF_8));
            files.put(path, new GitObjects.TreeEntry(mode, "blob", blob));
        } else if (hasSha && !entry.get("sha").isNull()) {
            String sha = entry.get("sha").asText();
            switch (type) {
                case "tree" -> git.flatten(git.tree(sha).map(GitObjects.Tree::sha)
                        .orElseThrow(() -> invalidSha(sha, type)))
                        .forEach((subPath, file) -> files.put(path + "/" + subPath, file));
                case "blob" -> files.put(path, new GitObjects.TreeEntry(mode, type,
                        git.blob(sha).map(GitObjects.Blob::sha).orElseThrow(() -> invalidSha(sha, type))));
                default -> files.put(path, new GitObjects.TreeEntry(mode, type, sha));
            }
        } else if (!hasSha) {
            throw ApiError.validationFailed("Must supply either tree.sha or tree.content");
        }
        // `sha: null` deletes the path, which the removal above already did
    }

    private static ApiError invalidSha(String sha, String type) {
        return ApiError.validationFailed("tree.sha " + sha + " is not a valid " + type);
    }

    private ApiResponse getTree(ApiRequest request) {
        Repository repository = request.repository();
        String given = request.path("tree_sha");
        String sha = repository.git().tree(given).map(GitObjects.Tree::sha)
                .or(() -> repository.resolveCommit(given).flatMap(repository.git()::commit)
                        .map(GitObjects.Commit::tree))
                .orElseThrow(ApiError::notFound);
        // GitHub lists the whole tree for any value of `recursive`
        return ApiResponse.ok(tree(repository, sha, request.query("recursive").isPresent()));
    }

    private ObjectNode tree(Repository repository, String sha, boolean recursive) {
        ObjectNode body = Json.object().put("sha", sha).put("url", json.url(repository) + "/git/trees/" + sha);
        ArrayNode entries = body.putArray("tree");
        listTree(repository, sha, "", recursive, entries);
        body.put("truncated", false);
        return body;
    }

    private void listTree(Repository repository, String sha, String prefix, boolean recursive, ArrayNode entries) {
        GitObjects git = repository.git();
        new TreeMap<>(git.tree(sha).orElseThrow().entries()).forEach((name, entry) -> {
            ObjectNode item = entries.addObject().put("path", prefix + name).put("mode", entry.mode())
                    .put("type", entry.type()).put("sha", entry.sha());
            if ("blob".equals(entry.type())) {
                item.put("size", git.blob(entry.sha()).map(blob -> blob.content().length).orElse(0));
                item.put("url", json.url(repository) + "/git/blobs/" + entry.sha());
            } else if ("tree".equals(entry.type())) {
                item.put("url", json.url(repository) + "/git/trees/" + entry.sha());
                if (recursive) {
                    listTree(repository, entry.sha(), prefix + name + "/", true, entries);
                }
            }
        });
    }

    private ApiResponse createCommit(ApiRequest request) {
        Repository repository = request.repository();
        GitObjects git = repository.git();
        String tree = request.text("tree");
        if (git.tree(tree).isEmpty()) {
            throw ApiError.validationFailed("Tree SHA does not exist");
        }
        List<String> parents = new ArrayList<>();
        for (JsonNode parent : request.body().path("parents")) {
            if (git.commit(parent.asText()).isEmpty()) {
                throw ApiError.validationFailed("Parent SHA does not exist or is not a commit object");
            }
            parents.add(parent.asText());
        }
        GitObjects.Signature bot = GitObjects.Signature.at(request.actor(),
                Representations.userId(request.actor()) + "+" + Repository.noreplyEmail(request.actor()), state.now());
        GitObjects.Signature author = signature(request.body().get("author"), bot);
        GitObjects.Signature committer = signature(request.body().get("committer"), author);
        String sha = git.putCommit(tree, parents, author, committer, request.text("message"));
        return ApiResponse.created(commits.gitCommit(repository, git.commit(sha).orElseThrow()));
    }

    private static GitObjects.Signature signature(JsonNode given, GitObjects.Signature fallback) {
        if (given == null || given.isNull()) {
            return fallback;
        }
        OffsetDateTime date = given.hasNonNull("date") ? parseDate(given.get("date").asText()) : fallback.date();
        return new GitObjects.Signature(given.path("name").asText(fallback.name()),
                given.path("email").asText(fallback.email()), date);
    }

    private static OffsetDateTime parseDate(String date) {
        try {
            return OffsetDateTime.parse(date);
        } catch (RuntimeException e) {
            throw ApiError.validationFailed("Invalid date: " + date);
        }
    }

    private ApiResponse getRef(ApiRequest request) {
        String ref = "refs/" + request.path("ref");
        String sha = request.repository().refs().get(ref);
        if (sha == null) {
            throw ApiError.notFound();
        }
        return ApiResponse.ok(ref(request.repository(), ref, sha));
    }

    private ApiResponse matchingRefs(ApiRequest request) {
        String prefix = "refs/" + request.path("ref");
        ArrayNode refs = Json.array();
        request.repository().refs().entrySet().stream().filter(ref -> ref.getKey().startsWith(prefix))
                .sorted(Map.Entry.comparingByKey())
                .forEach(ref -> refs.add(ref(request.repository(), ref.getKey(), ref.getValue())));
        return ApiResponse.ok(refs);
    }

    private ApiResponse createRef(ApiRequest request) {
        Repository repository = request.repository();
        String ref = request.text("ref");
        String sha = request.text("sha");
        if (!ref.startsWith("refs/") || ref.chars().filter(c -> c == '/').count() < 2) {
            throw ApiError.validationFailed("Reference name is invalid");
        }
        if (repository.refs().containsKey(ref)) {
            throw ApiError.validationFailed("Reference already exists");
        }
        if (!repository.git().contains(sha)) {
            throw ApiError.validationFailed("Object does not exist");
        }
        repository.mutableRefs().put(ref, sha);
        return ApiResponse.created(ref(repository, ref, sha));
    }

    private ApiResponse updateRef(ApiRequest request) {
        Repository repository = request.repository();
        String ref = "refs/" + request.path("ref");
        String current = existingRef(repository, ref);
        String sha = request.text("sha");
        if (repository.git().commit(sha).isEmpty()) {
            throw ApiError.validationFailed("Object does not exist");
        }
        boolean force = request.body().path("force").asBoolean(false);
        if (!force && !repository.git().isAncestor(current, sha)) {
            throw ApiError.validationFailed("Update is not a fast forward");
        }
        repository.mutableRefs().put(ref, sha);
        return ApiResponse.ok(ref(repository, ref, sha));
    }

    private ApiResponse deleteRef(ApiRequest request) {
        Repository repository = request.repository();
        String ref = "refs/" + request.path("ref");
        existingRef(repository, ref);
        repository.mutableRefs().remove(ref);
        return ApiResponse.noContent();
    }

    /** The ref's SHA; a protected branch or a missing ref refuses the change, as GitHub does. */
    private static String existingRef(Repository repository, String ref) {
        String current = repository.refs().get(ref);
        if (current == null) {
            throw ApiError.validationFailed("Reference does not exist");
        }
        if (ref.startsWith(Repository.HEADS) && repository.isProtected(ref.substring(Repository.HEADS.length()))) {
            throw ApiError.validationFailed("Protected branch update failed for " + ref + ".");
        }
        return current;
    }

    private ObjectNode ref(Repository repository, String ref, String sha) {
        ObjectNode body = Json.object().put("ref", ref).put("node_id", Representations.nodeId("Ref", ref.hashCode()))
                .put("url", json.url(repository) + "/git/" + ref);
        String type = repository.git().commit(sha).isPresent() ? "commit"
                : repository.git().tree(sha).isPresent() ? "tree" : "blob";
        body.putObject("object").put("type", type).put("sha", sha)
                .put("url", json.url(repository) + "/git/" + type + "s/" + sha);
        return body;
    }
}
