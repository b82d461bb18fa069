package dev.remediator.testing.github;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Pull requests: list, create (draft or not), get, update, files. */
final class PullRoutes {

    private final Representations json;
    private final CommitRepresentations commits;

    PullRoutes(Representations json, CommitRepresentations commits) {
        this.json = json;
        this.commits = commits;
    }

    void register(Routes routes) {
        RequiredAccess read = RequiredAccess.read("pull_requests");
        RequiredAccess write = RequiredAccess.write("pull_requests");
        routes.on("pulls/list", read, this::list);
        routes.on("pulls/create", write, this::create);
        routes.on("pulls/get", read, request -> ApiResponse.ok(json.pullRequest(request.repository(),
                pull(request))));
        routes.on("pulls/update", write, this::update);
        routes.on("pulls/list-files", read, this::files);
    }

    private static PullRequest pull(ApiRequest request) {
        return request.repository().pullRequest((int) request.pathLong("pull_number"))
                .orElseThrow(ApiError::notFound);
    }

    private ApiResponse list(ApiRequest request) {
        Repository repository = request.repository();
        String state = request.query("state").orElse("open");
        Optional<String> head = request.query("head");
        Optional<String> base = request.query("base");
        List<ObjectNode> pulls = repository.pullRequests().stream()
                .filter(pull -> "all".equals(state) || state.equals(pull.state()))
                .filter(pull -> head.isEmpty() || head.get().equals(headLabel(pull)))
                .filter(pull -> base.isEmpty() || base.get().equals(pull.baseRef()))
                .sorted((first, second) -> Integer.compare(second.number(), first.number()))
                .map(pull -> json.pullRequest(repository, pull)).toList();
        return request.page(pulls);
    }

    /** `owner:branch`, the form GitHub's `head` filter takes. */
    private static String headLabel(PullRequest pull) {
        return pull.headRepository().substring(0, pull.headRepository().indexOf('/')) + ":" + pull.headRef();
    }

    private ApiResponse create(ApiRequest request) {
        Repository repository = request.repository();
        String head = request.text("head");
        String base = request.text("base");
        String headBranch = head.contains(":") ? head.substring(head.indexOf(':') + 1) : head;
        String headOwner = head.contains(":") ? head.substring(0, head.indexOf(':')) : repository.owner();
        if (request.text("title") == null && request.body().path("issue").isMissingNode()) {
            throw ApiError.invalidField("PullRequest", "title", "missing_field");
        }
        if (repository.branchHead(base).isEmpty()) {
            throw ApiError.invalidField("PullRequest", "base", "invalid");
        }
        if (!headOwner.equalsIgnoreCase(repository.owner()) || repository.branchHead(headBranch).isEmpty()) {
            throw ApiError.invalidField("PullRequest", "head", "invalid");
        }
        String label = repository.owner() + ":" + headBranch;
        boolean alreadyOpen = repository.pullRequests().stream().anyMatch(pull -> "open".equals(pull.state())
                && headLabel(pull).equalsIgnoreCase(label) && pull.baseRef().equals(base));
        if (alreadyOpen) {
            throw ApiError.validationFailed("A pull request already exists for " + label + ".");
        }
        String headSha = repository.branchHead(headBranch).orElseThrow();
        String baseSha = repository.branchHead(base).orElseThrow();
        if (repository.git().isAncestor(headSha, baseSha)) {
            throw ApiError.validationFailed("No commits between " + base + " and " + headBranch);
        }
        PullRequest pull = repository.addPullRequest(repository.nextIssueNumber(), request.text("title"),
                Optional.ofNullable(request.text("body")).orElse(""), request.actor(), repository.fullName(),
                headBranch, headSha, false, base, request.body().path("draft").asBoolean(false));
        pull.maintainerCanModify(request.body().path("maintainer_can_modify").asBoolean(false));
        return ApiResponse.created(json.pullRequest(repository, pull));
    }

    private ApiResponse update(ApiRequest request) {
        Repository repository = request.repository();
        PullRequest pull = pull(request);
        String base = request.text("base");
        if (base != null) {
            if (repository.branchHead(base).isEmpty()) {
                throw ApiError.invalidField("PullRequest", "base", "invalid");
            }
            pull.retarget(base);
        }
        if (request.body().has("maintainer_can_modify")) {
            pull.maintainerCanModify(request.body().get("maintainer_can_modify").asBoolean());
        }
        pull.issue().edit(request.text("title"), request.text("body"), request.text("state"),
                repository.state().now());
        return ApiResponse.ok(json.pullRequest(repository, pull));
    }

    private ApiResponse files(ApiRequest request) {
        Repository repository = request.repository();
        PullRequest pull = pull(request);
        GitObjects git = repository.git();
        String baseSha = repository.branchHead(pull.baseRef()).orElseThrow(ApiError::notFound);
        String mergeBaseTree = git.mergeBase(baseSha, pull.headSha()).map(GitObjects.Commit::tree).orElse(null);
        List<ObjectNode> files = new java.util.ArrayList<>();
        commits.fileChanges(repository, mergeBaseTree, git.commit(pull.headSha()).orElseThrow(ApiError::notFound)
                .tree()).forEach(file -> files.add((ObjectNode) file));
        return request.page(files);
    }
}
