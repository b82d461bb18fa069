package dev.remediator.testing.github;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Commit history: list, get (with files), the pull requests of a commit, and compare. */
final class CommitRoutes {

    private final Representations json;
    private final CommitRepresentations commits;

    CommitRoutes(Representations json, CommitRepresentations commits) {
        this.json = json;
        this.commits = commits;
    }

    void register(Routes routes) {
        routes.on("repos/list-commits", RequiredAccess.read("contents"), this::listCommits);
        routes.on("repos/get-commit", RequiredAccess.read("contents"), this::getCommit);
        routes.on("repos/list-pull-requests-associated-with-commit", RequiredAccess.read("pull_requests"),
                this::pullsOfCommit);
        routes.on("repos/compare-commits", RequiredAccess.read("contents"), this::compare);
    }

    private ApiResponse listCommits(ApiRequest request) {
        Repository repository = request.repository();
        String start = request.query("sha").orElse(repository.defaultBranch());
        Optional<String> head = repository.resolveCommit(start);
        if (head.isEmpty()) {
            if (repository.refs().isEmpty()) {
                throw ApiError.conflict("Git Repository is empty.");
            }
            throw new ApiError(404, "No commit found for SHA: " + start);
        }
        Optional<String> path = request.query("path");
        List<ObjectNode> listed = repository.git().history(head.get()).stream()
                .filter(commit -> path.isEmpty() || touches(repository.git(), commit, path.get()))
                .map(commit -> commits.commit(repository, commit)).toList();
        return request.page(listed);
    }

    /** Whether the commit changed a file or directory compared with its first parent. */
    private static boolean touches(GitObjects git, GitObjects.Commit commit, String path) {
        String before = commit.parents().isEmpty() ? null
                : objectAt(git, git.commit(commit.parents().get(0)).orElseThrow().tree(), path);
        return !Objects.equals(before, objectAt(git, commit.tree(), path));
    }

    private static String objectAt(GitObjects git, String tree, String path) {
        String current = tree;
        for (String part : path.split("/")) {
            GitObjects.TreeEntry entry = git.tree(current).map(found -> found.entries().get(part)).orElse(null);
            if (entry == null) {
                return null;
            }
            current = entry.sha();
        }
        return current;
    }

    private ApiResponse getCommit(ApiRequest request) {
        Repository repository = request.repository();
        String ref = request.path("ref");
        GitObjects.Commit commit = repository.resolveCommit(ref).flatMap(repository.git()::commit)
                .orElseThrow(() -> ApiError.validationFailed("No commit found for SHA: " + ref));
        return ApiResponse.ok(commits.commitWithFiles(repository, commit));
    }

    private ApiResponse pullsOfCommit(ApiRequest request) {
        Repository repository = request.repository();
        String sha = request.path("commit_sha");
        List<ObjectNode> pulls = repository.pullRequests().stream()
                .filter(pull -> pull.headSha().equals(sha) || repository.git().isAncestor(sha, pull.headSha()))
                .map(pull -> json.pullRequest(repository, pull)).toList();
        return request.page(pulls);
    }

    private ApiResponse compare(ApiRequest request) {
        Repository repository = request.repository();
        GitObjects git = repository.git();
        String base = repository.resolveCommit(request.path("base")).orElseThrow(ApiError::notFound);
        String head = repository.resolveCommit(request.path("head")).orElseThrow(ApiError::notFound);
        GitObjects.Commit mergeBase = git.mergeBase(base, head).orElseThrow(() -> ApiError.notFound());
        Set<String> inBase = git.history(base).stream().map(GitObjects.Commit::sha).collect(Collectors.toSet());
        List<GitObjects.Commit> ahead = git.history(head).stream().filter(commit -> !inBase.contains(commit.sha()))
                .toList();
        Set<String> inHead = git.history(head).stream().map(GitObjects.Commit::sha).collect(Collectors.toSet());
        long behind = git.history(base).stream().filter(commit -> !inHead.contains(commit.sha())).count();
        String status = ahead.isEmpty() && behind == 0 ? "identical" : behind == 0 ? "ahead"
                : ahead.isEmpty() ? "behind" : "diverged";
        ObjectNode body = Json.object()
                .put("url", json.url(repository) + "/compare/" + request.path("base") + "..." + request.path("head"))
                .put("html_url", Representations.htmlUrl(repository) + "/compare/" + request.path("base") + "..."
                        + request.path("head"))
                .put("status", status).put("ahead_by", ahead.size()).put("behind_by", behind)
                .put("total_commits", ahead.size());
        body.set("base_commit", commits.commit(repository, git.commit(base).orElseThrow()));
        body.set("merge_base_commit", commits.commit(repository, mergeBase));
        ArrayNode listed = body.putArray("commits");
        // GitHub lists the commits oldest first
        for (int i = ahead.size() - 1; i >= 0; i--) {
            listed.add(commits.commit(repository, ahead.get(i)));
        }
        body.set("files", commits.fileChanges(repository, mergeBase.tree(), git.commit(head).orElseThrow().tree()));
        return ApiResponse.ok(body);
    }
}
