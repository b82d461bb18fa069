package dev.remediator.github;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.remediator.core.config.RepositoryConfig.Permission;
import dev.remediator.core.history.CommitChange;
import dev.remediator.core.lifecycle.FixValidation;
import dev.remediator.core.remediation.RevertPlan.TreeChange;
import dev.remediator.core.remediation.RevertPlan.TreeEntry;

/**
 * One repository on GitHub, as Remediator's handlers use it. Each operation asks for a token scoped to this
 * repository with only the permissions that operation needs; a token GitHub no longer accepts is replaced once.
 */
public final class RepositoryGitHub {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InstallationTokens tokens;
    private final GitHubRest rest;
    private final long installationId;
    private final long repositoryId;
    private final String fullName;

    RepositoryGitHub(InstallationTokens tokens, GitHubRest rest, long installationId, long repositoryId, String fullName) {
        this.tokens = tokens;
        this.rest = rest;
        this.installationId = installationId;
        this.repositoryId = repositoryId;
        this.fullName = fullName;
    }

    public String fullName() {
        return fullName;
    }

    public long repositoryId() {
        return repositoryId;
    }

    // ---- Actions ---------------------------------------------------------------------------------------------

    /** @param failedSteps the names of its steps that failed or timed out, in order */
    public record WorkflowJob(long id, String name, String conclusion, List<String> failedSteps) {
        public WorkflowJob {
            failedSteps = List.copyOf(failedSteps);
        }

        public boolean failed() {
            return "failure".equals(conclusion) || "timed_out".equals(conclusion);
        }
    }

    public List<WorkflowJob> jobs(long runId, int attempt) throws IOException {
        List<JsonNode> jobs = call(Set.of(GitHubPermission.ACTIONS_READ),
                token -> rest.list(token, repo("/actions/runs/" + runId + "/attempts/" + attempt + "/jobs"), "jobs"));
        return jobs.stream().map(j -> new WorkflowJob(j.path("id").asLong(), j.path("name").asText(),
                j.path("conclusion").asText(null), failedSteps(j))).toList();
    }

    private static List<String> failedSteps(JsonNode job) {
        List<String> failed = new java.util.ArrayList<>();
        for (JsonNode step : job.path("steps")) {
            String conclusion = step.path("conclusion").asText("");
            if (conclusion.equals("failure") || conclusion.equals("timed_out")) {
                failed.add(step.path("name").asText());
            }
        }
        return failed;
    }

    /** A workflow run as GitHub describes it in {@code workflow_run} payloads. */
    public JsonNode workflowRun(long runId) throws IOException {
        return call(Set.of(GitHubPermission.ACTIONS_READ), token -> rest.get(token, repo("/actions/runs/" + runId)));
    }

    public InputStream jobLog(long jobId) throws IOException {
        return call(Set.of(GitHubPermission.ACTIONS_READ), token -> rest.jobLog(token, fullName, jobId));
    }

    /**
     * Re-runs the failed jobs of a run whose latest attempt is {@code attempt}. A re-run that went through shows as
     * a later attempt or a run no longer completed: then a lost answer is not followed by a second re-run.
     */
    public void rerunFailedJobs(long runId, int attempt) throws IOException {
        call(Set.of(GitHubPermission.ACTIONS_WRITE),
                token -> rest.postOnce(token, repo("/actions/runs/" + runId + "/rerun-failed-jobs"), JSON.createObjectNode(),
                        () -> Optional.of(rest.get(token, repo("/actions/runs/" + runId)))
                                .filter(run -> run.path("run_attempt").asInt() > attempt
                                        || !"completed".equals(run.path("status").asText()))));
    }

    /**
     * Runs completed and created since {@code since}, newest first: one call, so at most the 100 newest (the
     * description types {@code created} as a bare date-time, so the cut is made here).
     */
    public List<JsonNode> completedRunsSince(Instant since) throws IOException {
        List<JsonNode> runs = call(Set.of(GitHubPermission.ACTIONS_READ), token -> rest.page(token,
                repo("/actions/runs?status=completed&per_page=100"), "workflow_runs").items());
        return runs.stream().filter(run -> !Instant.parse(run.path("created_at").asText()).isBefore(since)).toList();
    }

    /** The head SHA of a workflow's latest successful run on a branch, as GitHub knows it. */
    public Optional<String> lastSuccessfulRun(long workflowId, String branch) throws IOException {
        JsonNode runs = call(Set.of(GitHubPermission.ACTIONS_READ), token -> rest.get(token, repo("/actions/workflows/"
                + workflowId + "/runs?status=success&per_page=1&branch=" + encode(branch))));
        JsonNode latest = runs.path("workflow_runs").path(0);
        return latest.isMissingNode() ? Optional.empty() : Optional.of(latest.path("head_sha").asText());
    }

    /** Whether the repository has this workflow ({@code regenerate.yml}: its file name, or its id). */
    public boolean workflowExists(String workflow) throws IOException {
        return call(Set.of(GitHubPermission.ACTIONS_READ), token -> rest.find(token, repo("/actions/workflows/" + encode(workflow))))
                .isPresent();
    }

    /**
     * Dispatches a workflow on a new branch. A dispatch that went through shows as a {@code workflow_dispatch} run on
     * that branch (GitHub may take a few seconds to list it; the retry's backoff gives it them).
     */
    public void dispatchWorkflow(String workflow, String branch, Map<String, String> inputs) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("ref", branch);
        ObjectNode in = body.putObject("inputs");
        inputs.forEach(in::put);
        call(Set.of(GitHubPermission.ACTIONS_WRITE),
                token -> rest.postOnce(token, repo("/actions/workflows/" + encode(workflow) + "/dispatches"), body,
                        () -> Optional.of(rest.get(token, repo("/actions/workflows/" + encode(workflow)
                                + "/runs?event=workflow_dispatch&per_page=1&branch=" + encode(branch))).path("workflow_runs").path(0))
                                .filter(run -> !run.isMissingNode())));
    }

    // ---- Code ------------------------------------------------------------------------------------------------

    public record Branch(String name, String sha, boolean protectedBranch) {
    }

    public Optional<Branch> branch(String name) throws IOException {
        return call(Set.of(GitHubPermission.CONTENTS_READ), token -> rest.find(token, repo("/branches/" + encode(name))))
                .map(b -> new Branch(b.path("name").asText(), b.path("commit").path("sha").asText(),
                        b.path("protected").asBoolean()));
    }

    /** The SHA a branch points at; a missing branch is GitHub's 404. */
    public String branchHead(String name) throws IOException {
        return branch(name).orElseThrow(() -> new GitHubApiException(404, "GET", "/branches/" + name, "no branch " + name))
                .sha();
    }

    /** A commit with the files it changed, its parent and its tree. */
    /** GitHub lists at most this many files of a commit or a comparison in one answer. */
    static final int LISTED_FILES = 300;

    public record CommitDetails(CommitChange change, String parentSha, String treeSha) {
        /** False when GitHub may have left files out of the commit's list. */
        public boolean filesComplete() {
            return change.files().size() < LISTED_FILES;
        }
    }

    public CommitDetails commit(String sha) throws IOException {
        JsonNode commit = call(Set.of(GitHubPermission.CONTENTS_READ), token -> rest.get(token, repo("/commits/" + sha)));
        List<CommitChange.ChangedFile> files = new ArrayList<>();
        for (JsonNode file : commit.path("files")) {
            files.add(new CommitChange.ChangedFile(file.path("filename").asText(), file.path("status").asText(),
                    file.path("previous_filename").asText(null), file.path("additions").asInt(),
                    file.path("deletions").asInt()));
        }
        JsonNode parents = commit.path("parents");
        return new CommitDetails(new CommitChange(commit.path("sha").asText(), title(commit),
                commit.path("author").path("login").asText(null), files),
                parents.isEmpty() ? null : parents.get(0).path("sha").asText(),
                commit.path("commit").path("tree").path("sha").asText());
    }

    /** The commits after {@code base} up to {@code head}, oldest first, and the files they changed together. */
    public record Comparison(List<String> commitShas, List<String> changedFiles, boolean truncated, int fileCount) {
        /** False when GitHub may have left commits or files out of the comparison. */
        public boolean filesComplete() {
            return !truncated && fileCount < LISTED_FILES;
        }
    }

    public Comparison compare(String base, String head) throws IOException {
        JsonNode comparison = call(Set.of(GitHubPermission.CONTENTS_READ),
                token -> rest.get(token, repo("/compare/" + base + "..." + head)));
        List<String> shas = new ArrayList<>();
        comparison.path("commits").forEach(c -> shas.add(c.path("sha").asText()));
        List<String> files = new ArrayList<>();
        comparison.path("files").forEach(f -> {
            files.add(f.path("filename").asText());
            if (f.hasNonNull("previous_filename")) {
                files.add(f.path("previous_filename").asText());
            }
        });
        return new Comparison(shas, files, comparison.path("total_commits").asInt(shas.size()) > shas.size(),
                comparison.path("files").size());
    }

    /** Entries of a tree for the given paths only (read with one recursive request). */
    public Map<String, TreeEntry> treeEntries(String treeSha, Set<String> paths) throws IOException {
        Map<String, TreeEntry> entries = new LinkedHashMap<>();
        for (JsonNode entry : tree(treeSha).path("tree")) {
            String path = entry.path("path").asText();
            if (paths.contains(path) && "blob".equals(entry.path("type").asText())) {
                entries.put(path, new TreeEntry(path, entry.path("mode").asText(), entry.path("sha").asText()));
            }
        }
        return entries;
    }

    /** A whole tree, recursively, in one request: paths, modes and blob SHAs, no contents. */
    public JsonNode tree(String treeSha) throws IOException {
        return call(Set.of(GitHubPermission.CONTENTS_READ),
                token -> rest.get(token, repo("/git/trees/" + treeSha + "?recursive=1")));
    }

    public Optional<String> fileContent(String path, String ref) throws IOException {
        return call(Set.of(GitHubPermission.CONTENTS_READ), token -> rest.fileContent(token, fullName, path, ref));
    }

    /** A file's bytes at a ref, exactly as stored: for hashing, and for files that are not text. */
    public Optional<byte[]> fileBytes(String path, String ref) throws IOException {
        return call(Set.of(GitHubPermission.CONTENTS_READ), token -> rest.fileBytes(token, fullName, path, ref));
    }

    public Optional<String> refSha(String branch) throws IOException {
        return call(Set.of(GitHubPermission.CONTENTS_READ), token -> rest.find(token, repo("/git/ref/heads/" + branch)))
                .map(ref -> ref.path("object").path("sha").asText());
    }

    public String createBlob(String content) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("content", content).put("encoding", "utf-8");
        return call(Set.of(GitHubPermission.CONTENTS_WRITE), token -> rest.post(token, repo("/git/blobs"), body))
                .path("sha").asText();
    }

    public String createTree(String baseTree, List<TreeChange> changes) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("base_tree", baseTree);
        ArrayNode tree = body.putArray("tree");
        for (TreeChange change : changes) {
            ObjectNode entry = tree.addObject().put("path", change.path()).put("mode", change.mode()).put("type", "blob");
            if (change.deletion()) {
                entry.putNull("sha");
            } else {
                entry.put("sha", change.sha());
            }
        }
        return call(Set.of(GitHubPermission.CONTENTS_WRITE), token -> rest.post(token, repo("/git/trees"), body))
                .path("sha").asText();
    }

    /** A commit object GitHub made, and the author it gave it: the app's bot, since no author is named. */
    public record CreatedCommit(String sha, String authorName, String authorEmail) {
    }

    public CreatedCommit createCommit(String message, String tree, String parent) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("message", message).put("tree", tree);
        body.putArray("parents").add(parent);
        JsonNode commit = call(Set.of(GitHubPermission.CONTENTS_WRITE), token -> rest.post(token, repo("/git/commits"), body));
        return new CreatedCommit(commit.path("sha").asText(), commit.path("author").path("name").asText(),
                commit.path("author").path("email").asText());
    }

    /** Creates a branch; never used on an existing one, and never on a default or protected branch. */
    public void createBranch(String branch, String sha) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("ref", "refs/heads/" + branch).put("sha", sha);
        call(Set.of(GitHubPermission.CONTENTS_WRITE), token -> rest.post(token, repo("/git/refs"), body));
    }

    // ---- Pull requests and comments ---------------------------------------------------------------------------

    public record PullRequest(int number, String url, String state, boolean merged, String headRef, boolean fromFork,
            String authorAssociation) {
    }

    public Optional<PullRequest> pullRequestFrom(String branch) throws IOException {
        String owner = fullName.substring(0, fullName.indexOf('/'));
        List<JsonNode> pulls = call(Set.of(GitHubPermission.PULL_REQUESTS_READ),
                token -> rest.list(token, repo("/pulls?state=all&head=" + encode(owner + ":" + branch)), null));
        return pulls.stream().findFirst().map(this::pullRequest);
    }

    /**
     * The open pull requests whose head is this commit: a run of a fork's pull request comes without them in its
     * {@code workflow_run} payload.
     */
    public List<Integer> openPullRequestsOf(String sha) throws IOException {
        return call(Set.of(GitHubPermission.PULL_REQUESTS_READ), token -> rest.list(token, repo("/commits/" + sha + "/pulls"),
                null)).stream().filter(p -> "open".equals(p.path("state").asText()))
                .filter(p -> sha.equals(p.path("head").path("sha").asText()))
                .map(p -> p.path("number").asInt()).toList();
    }

    public PullRequest openDraftPullRequest(String title, String body, String head, String base) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("title", title).put("body", body).put("head", head)
                .put("base", base).put("draft", true).put("maintainer_can_modify", true);
        return pullRequest(call(Set.of(GitHubPermission.PULL_REQUESTS_WRITE), token -> rest.post(token, repo("/pulls"), request)));
    }

    public void addLabels(int issueNumber, List<String> labels) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        labels.forEach(body.putArray("labels")::add);
        call(Set.of(GitHubPermission.ISSUES_WRITE), token -> rest.post(token, repo("/issues/" + issueNumber + "/labels"), body));
    }

    public record Comment(long id, String body, String authorLogin) {
    }

    public List<Comment> comments(int issueNumber) throws IOException {
        return call(Set.of(GitHubPermission.ISSUES_READ), token -> rest.list(token, repo("/issues/" + issueNumber + "/comments"), null))
                .stream().map(c -> new Comment(c.path("id").asLong(), c.path("body").asText(),
                        c.path("user").path("login").asText(null))).toList();
    }

    /** Comments once: a comment whose answer was lost is found by its body among the bots' comments. */
    public long createComment(int issueNumber, String body) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("body", body);
        return call(Set.of(GitHubPermission.ISSUES_WRITE),
                token -> rest.postOnce(token, repo("/issues/" + issueNumber + "/comments"), request,
                        () -> rest.list(token, repo("/issues/" + issueNumber + "/comments"), null).stream()
                                .filter(c -> "Bot".equals(c.path("user").path("type").asText()) && body.equals(c.path("body").asText()))
                                .findFirst())).path("id").asLong();
    }

    public void updateComment(long commentId, String body) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("body", body);
        call(Set.of(GitHubPermission.ISSUES_WRITE), token -> rest.patch(token, repo("/issues/comments/" + commentId), request));
    }

    /** {@code content}: GitHub's reaction names, such as {@code +1}, {@code -1}, {@code eyes}, {@code confused}. */
    public void react(long commentId, String content) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("content", content);
        call(Set.of(GitHubPermission.ISSUES_WRITE),
                token -> rest.post(token, repo("/issues/comments/" + commentId + "/reactions"), request));
    }

    /** Closes a pull request without merging it; its branch stays. */
    public void closePullRequest(int number) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("state", "closed");
        call(Set.of(GitHubPermission.PULL_REQUESTS_WRITE), token -> rest.patch(token, repo("/pulls/" + number), request));
    }

    // ---- Issues ----------------------------------------------------------------------------------------------

    public record Issue(int number, String url, String title) {
    }

    /**
     * Opens an issue, assigned to {@code assignee} when not null (GitHub drops an assignee without push access
     * silently, and then the issue is unassigned).
     */
    public Issue createIssue(String title, String body, List<String> labels, String assignee) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("title", title).put("body", body);
        labels.forEach(request.putArray("labels")::add);
        if (assignee != null) {
            request.putArray("assignees").add(assignee);
        }
        return issue(call(Set.of(GitHubPermission.ISSUES_WRITE), token -> rest.post(token, repo("/issues"), request)));
    }

    /** The open issue with this label and title, if there is one (pull requests are not issues here). */
    public Optional<Issue> openIssue(String label, String title) throws IOException {
        return call(Set.of(GitHubPermission.ISSUES_READ), token -> rest.list(token,
                repo("/issues?state=open&labels=" + encode(label)), null)).stream()
                .filter(issue -> !issue.has("pull_request") && title.equals(issue.path("title").asText()))
                .findFirst().map(this::issue);
    }

    /** {@code reason}: GitHub's state reasons, {@code completed} or {@code not_planned}. */
    public void closeIssue(int number, String reason) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("state", "closed").put("state_reason", reason);
        call(Set.of(GitHubPermission.ISSUES_WRITE), token -> rest.patch(token, repo("/issues/" + number), request));
    }

    private Issue issue(JsonNode issue) {
        return new Issue(issue.path("number").asInt(), issue.path("html_url").asText(), issue.path("title").asText());
    }

    // ---- Checks ----------------------------------------------------------------------------------------------

    long createCheckRun(ObjectNode body) throws IOException {
        return call(Set.of(GitHubPermission.CHECKS_WRITE), token -> rest.post(token, repo("/check-runs"), body))
                .path("id").asLong();
    }

    void updateCheckRun(long checkRunId, ObjectNode body) throws IOException {
        call(Set.of(GitHubPermission.CHECKS_WRITE), token -> rest.patch(token, repo("/check-runs/" + checkRunId), body));
    }

    /** The check run of that name on a commit that carries {@code externalId}, if a previous attempt created one. */
    public Optional<Long> findCheckRun(String headSha, String name, String externalId) throws IOException {
        List<JsonNode> runs = call(Set.of(GitHubPermission.CHECKS_READ), token -> rest.list(token,
                repo("/commits/" + headSha + "/check-runs?check_name=" + encode(name)), "check_runs"));
        return runs.stream().filter(r -> externalId.equals(r.path("external_id").asText()))
                .map(r -> r.path("id").asLong()).findFirst();
    }

    // ---- Fix validation and merging -----------------------------------------------------------------------------

    /**
     * The checks on a commit: the latest check run of each name (GitHub Actions jobs among them) and each commit
     * status, the statuses' states mapped onto check run conclusions. The check runs of the app {@code ownApp}
     * (Remediator's slug) are left out: they report on CI, they are not CI.
     */
    public List<FixValidation.Check> checksOn(String sha, String ownApp) throws IOException {
        List<FixValidation.Check> checks = new ArrayList<>();
        for (JsonNode run : call(Set.of(GitHubPermission.CHECKS_READ),
                token -> rest.list(token, repo("/commits/" + sha + "/check-runs?filter=latest"), "check_runs"))) {
            if (!ownApp.equals(run.path("app").path("slug").asText())) {
                checks.add(new FixValidation.Check(run.path("name").asText(),
                        "completed".equals(run.path("status").asText()) ? run.path("conclusion").asText(null) : null,
                        false));
            }
        }
        JsonNode combined = call(Set.of(GitHubPermission.STATUSES_READ),
                token -> rest.get(token, repo("/commits/" + sha + "/status")));
        for (JsonNode status : combined.path("statuses")) {
            String conclusion = switch (status.path("state").asText()) {
                case "success" -> "success";
                case "pending" -> null;
                default -> "failure";
            };
            checks.add(new FixValidation.Check(status.path("context").asText(), conclusion, false));
        }
        return checks;
    }

    /**
     * Whether every check suite on a commit that has check runs has finished (suites of apps that run none stay
     * queued for ever), those of the app {@code ownApp} aside: one call that spares reading the checks while CI runs.
     */
    public boolean checkSuitesFinished(String sha, String ownApp) throws IOException {
        return call(Set.of(GitHubPermission.CHECKS_READ),
                token -> rest.list(token, repo("/commits/" + sha + "/check-suites"), "check_suites")).stream()
                .filter(suite -> suite.path("latest_check_runs_count").asInt() > 0)
                .filter(suite -> !ownApp.equals(suite.path("app").path("slug").asText()))
                .allMatch(suite -> "completed".equals(suite.path("status").asText()));
    }

    /** The checks a branch's protection requires; empty when the branch is not protected or requires none. */
    public Set<String> requiredChecks(String branchName) throws IOException {
        Optional<JsonNode> branch = call(Set.of(GitHubPermission.CONTENTS_READ),
                token -> rest.find(token, repo("/branches/" + encode(branchName))));
        Set<String> required = new java.util.TreeSet<>();
        branch.ifPresent(b -> {
            JsonNode checks = b.path("protection").path("required_status_checks");
            checks.path("contexts").forEach(c -> required.add(c.asText()));
            checks.path("checks").forEach(c -> required.add(c.path("context").asText()));
        });
        return required;
    }

    /** A pull request as GraphQL sees it: its node id, whether it is a draft, whether auto-merge is on. */
    public record PullRequestNode(String id, boolean draft, String headSha, String baseRef, boolean autoMergeEnabled,
            String state) {
    }

    public PullRequestNode pullRequestNode(int number) throws IOException {
        ObjectNode variables = JSON.createObjectNode().put("owner", owner()).put("name", name()).put("number", number);
        JsonNode pull = call(Set.of(GitHubPermission.PULL_REQUESTS_READ), token -> rest.graphql(token, """
                query PullRequestForValidation($owner: String!, $name: String!, $number: Int!) {
                  repository(owner: $owner, name: $name) {
                    pullRequest(number: $number) {
                      id isDraft headRefOid baseRefName state
                      autoMergeRequest { enabledAt }
                    }
                  }
                }""", variables)).path("repository").path("pullRequest");
        if (pull.isMissingNode() || pull.isNull()) {
            throw new GitHubApiException(404, "POST", "/graphql", "no pull request #" + number + " in " + fullName);
        }
        return new PullRequestNode(pull.path("id").asText(), pull.path("isDraft").asBoolean(),
                pull.path("headRefOid").asText(), pull.path("baseRefName").asText(),
                pull.hasNonNull("autoMergeRequest"), pull.path("state").asText());
    }

    /** The REST API cannot take a pull request out of draft: only GraphQL can. */
    public void markReadyForReview(String pullRequestId) throws IOException {
        ObjectNode variables = JSON.createObjectNode().put("id", pullRequestId);
        call(Set.of(GitHubPermission.PULL_REQUESTS_WRITE), token -> rest.graphql(token, """
                mutation MarkReadyForReview($id: ID!) {
                  markPullRequestReadyForReview(input: {pullRequestId: $id}) { pullRequest { id isDraft } }
                }""", variables));
    }

    /**
     * Turns on GitHub's own auto-merge: GitHub merges once branch protection, required reviews and merge queues
     * allow it, so those still decide. {@code method}: MERGE, SQUASH or REBASE.
     */
    public void enableAutoMerge(String pullRequestId, String method) throws IOException {
        ObjectNode variables = JSON.createObjectNode().put("id", pullRequestId).put("method", method);
        call(Set.of(GitHubPermission.PULL_REQUESTS_WRITE, GitHubPermission.CONTENTS_WRITE), token -> rest.graphql(token, """
                mutation EnableAutoMerge($id: ID!, $method: PullRequestMergeMethod!) {
                  enablePullRequestAutoMerge(input: {pullRequestId: $id, mergeMethod: $method}) {
                    pullRequest { id autoMergeRequest { enabledAt mergeMethod } }
                  }
                }""", variables));
    }

    // ---- People ----------------------------------------------------------------------------------------------

    /** The GitHub account of the author of the latest commit that changed the file at {@code ref}, if GitHub knows it. */
    public Optional<String> lastAuthor(String path, String ref) throws IOException {
        JsonNode commits = call(Set.of(GitHubPermission.CONTENTS_READ), token -> rest.get(token,
                repo("/commits?per_page=1&sha=" + encode(ref) + "&path=" + encode(path))));
        return commits.isArray() && !commits.isEmpty() ? Optional.ofNullable(commits.get(0).path("author").path("login")
                .asText(null)) : Optional.empty();
    }

    /** A user's permission on this repository, with GitHub's finer roles (maintain, triage) where it names them. */
    public Permission permissionOf(String login) throws IOException {
        Optional<JsonNode> answer = call(Set.of(GitHubPermission.METADATA_READ),
                token -> rest.find(token, repo("/collaborators/" + encode(login) + "/permission")));
        if (answer.isEmpty()) {
            return Permission.NONE;
        }
        Permission role = permission(answer.get().path("role_name").asText(""));
        Permission permission = permission(answer.get().path("permission").asText("none"));
        return role != null ? role : permission == null ? Permission.NONE : permission;
    }

    private static Permission permission(String name) {
        return switch (name) {
            case "admin" -> Permission.ADMIN;
            case "maintain" -> Permission.MAINTAIN;
            case "write", "push" -> Permission.WRITE;
            case "triage" -> Permission.TRIAGE;
            case "read", "pull" -> Permission.READ;
            case "none" -> Permission.NONE;
            default -> null;
        };
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface TokenCall<T> {
        T with(String token) throws IOException;
    }

    private <T> T call(Set<GitHubPermission> permissions, TokenCall<T> call) throws IOException {
        String token = tokens.forRepository(installationId, repositoryId, EnumSet.copyOf(permissions)).token();
        try {
            return call.with(token);
        } catch (GitHubApiException e) {
            if (e.status() != 401) {
                throw e;
            }
            // GitHub no longer accepts the cached token (revoked, or the installation changed): one fresh try.
            tokens.forget(installationId, repositoryId);
            return call.with(tokens.forRepository(installationId, repositoryId, EnumSet.copyOf(permissions)).token());
        }
    }

    private PullRequest pullRequest(JsonNode pull) {
        String baseRepository = pull.path("base").path("repo").path("full_name").asText();
        String headRepository = pull.path("head").path("repo").path("full_name").asText(baseRepository);
        return new PullRequest(pull.path("number").asInt(), pull.path("html_url").asText(), pull.path("state").asText(),
                pull.path("merged").asBoolean() || pull.hasNonNull("merged_at"), pull.path("head").path("ref").asText(),
                !headRepository.equalsIgnoreCase(baseRepository), pull.path("author_association").asText(null));
    }

    private static String title(JsonNode commit) {
        String message = commit.path("commit").path("message").asText();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private String owner() {
        return fullName.substring(0, fullName.indexOf('/'));
    }

    private String name() {
        return fullName.substring(fullName.indexOf('/') + 1);
    }

    private String repo(String path) {
        return "/repos/" + fullName + path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
