package dev.remediator.testing.github;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * A repository and everything in it: git objects and refs, workflows and their runs, check runs, issues, pull
 * requests, comments, labels and collaborators. Seeding methods build it up; getters show what the app wrote.
 */
public final class Repository {

    static final String HEADS = "refs/heads/";

    private final GitHubState state;
    private final Installation installation;
    private final long id;
    private final String owner;
    private final String name;
    private final Instant createdAt;
    private final GitObjects git = new GitObjects();
    private final Map<String, String> refs = new ConcurrentSkipListMap<>();
    private final Set<String> protectedBranches = new CopyOnWriteArraySet<>();
    private final Map<String, List<String>> requiredChecks = new ConcurrentHashMap<>();
    private final List<CommitStatus> statuses = new CopyOnWriteArrayList<>();

    /** A commit status, as a CI outside GitHub Actions sets it. */
    public record CommitStatus(long id, String sha, String context, String state, Instant at) {
    }
    private final Map<Long, Workflow> workflows = new ConcurrentSkipListMap<>();
    private final Map<Long, WorkflowRun> runs = new ConcurrentSkipListMap<>();
    private final Map<Long, CheckRun> checkRuns = new ConcurrentSkipListMap<>();
    private final Map<Integer, Issue> issues = new ConcurrentSkipListMap<>();
    private final Map<Integer, PullRequest> pullRequests = new ConcurrentSkipListMap<>();
    private final Map<Long, IssueComment> comments = new ConcurrentSkipListMap<>();
    private final List<Reaction> reactions = new CopyOnWriteArrayList<>();
    private final Map<String, Label> labels = new ConcurrentHashMap<>();
    private final Map<String, String> collaborators = new ConcurrentHashMap<>();
    private final List<WorkflowDispatch> dispatches = new CopyOnWriteArrayList<>();
    private final List<Rerun> reruns = new CopyOnWriteArrayList<>();
    private volatile String defaultBranch = "main";
    private volatile boolean privateRepository;
    private volatile String forkOf;

    Repository(GitHubState state, Installation installation, long id, String owner, String name) {
        this.state = state;
        this.installation = installation;
        this.id = id;
        this.owner = owner;
        this.name = name;
        this.createdAt = state.now();
    }

    // ---- seeding -----------------------------------------------------------------------------------------------

    public Repository defaultBranch(String branch) {
        this.defaultBranch = branch;
        return this;
    }

    public Repository privateRepository(boolean isPrivate) {
        this.privateRepository = isPrivate;
        return this;
    }

    /** Marks this repository as a fork of another (`owner/name`). */
    public Repository forkOf(String parentFullName) {
        this.forkOf = parentFullName;
        return this;
    }

    /** Protects the branch and requires these checks to pass before a pull request merges into it. */
    public Repository requireChecks(String branch, String... checks) {
        protectBranch(branch);
        requiredChecks.put(branch, List.of(checks));
        return this;
    }

    public List<String> requiredChecks(String branch) {
        return requiredChecks.getOrDefault(branch, List.of());
    }

    /** Sets a commit status on a commit ({@code pending}, {@code success}, {@code failure}, {@code error}). */
    public Repository status(String sha, String context, String state) {
        statuses.add(new CommitStatus(this.state.nextId(), sha, context, state, this.state.now()));
        return this;
    }

    public List<CommitStatus> statuses() {
        return List.copyOf(statuses);
    }

    public Repository protectBranch(String branch) {
        protectedBranches.add(branch);
        return this;
    }

    /**
     * Commits files onto a branch and returns the commit's SHA. A null content deletes the path. A branch that does
     * not exist yet starts from the default branch's head (or as a root commit in an empty repository).
     */
    public String commit(String branch, String message, String authorLogin, Map<String, String> files) {
        Optional<String> parent = branchHead(branch).or(() -> branchHead(defaultBranch));
        Map<String, GitObjects.TreeEntry> tree = new TreeMap<>(
                parent.map(sha -> git.flatten(git.commit(sha).orElseThrow().tree())).orElse(Map.of()));
        files.forEach((path, content) -> {
            if (content == null) {
                tree.keySet().removeIf(existing -> existing.equals(path) || existing.startsWith(path + "/"));
            } else {
                String blob = git.putBlob(content.getBytes(StandardCharsets.UTF_8));
                tree.put(path, new GitObjects.TreeEntry(GitObjects.FILE_MODE, "blob", blob));
            }
        });
        GitObjects.Signature signature = GitObjects.Signature.at(authorLogin, noreplyEmail(authorLogin),
                state.now());
        String sha = git.putCommit(git.writeTree(tree), parent.map(List::of).orElse(List.of()), signature, signature,
                message);
        refs.put(HEADS + branch, sha);
        return sha;
    }

    /** Points a branch at a commit, creating the branch if needed. */
    public Repository branch(String branch, String sha) {
        refs.put(HEADS + branch, sha);
        return this;
    }

    public Workflow workflow(long workflowId, String workflowName, String path) {
        Workflow workflow = new Workflow(workflowId, workflowName, path, state.now());
        workflows.put(workflowId, workflow);
        return workflow;
    }

    /** A run of a workflow at a commit, on the default branch unless {@link WorkflowRun#headBranch} says else. */
    public WorkflowRun workflowRun(long runId, Workflow workflow, String headSha) {
        int runNumber = (int) runs.values().stream().filter(run -> run.workflow() == workflow).count() + 1;
        WorkflowRun run = new WorkflowRun(this, runId, workflow, runNumber, headSha, defaultBranch);
        runs.put(runId, run);
        return run;
    }

    /** An open pull request from a branch of this repository. */
    public PullRequest pullRequest(int number, String headBranch, String baseBranch, String authorLogin) {
        String headSha = branchHead(headBranch)
                .orElseThrow(() -> new IllegalArgumentException("No branch " + headBranch + " in " + fullName()));
        return addPullRequest(number, "Pull request #" + number, "", authorLogin, fullName(), headBranch, headSha,
                false, baseBranch, false);
    }

    /** An open pull request from a fork's branch; GitHub keeps its head commit in this repository too. */
    public PullRequest pullRequestFromFork(int number, String forkFullName, String headBranch, String headSha,
            String baseBranch) {
        String forkOwner = forkFullName.substring(0, forkFullName.indexOf('/'));
        return addPullRequest(number, "Pull request #" + number, "", forkOwner, forkFullName, headBranch, headSha,
                true, baseBranch, false);
    }

    PullRequest addPullRequest(int number, String title, String body, String authorLogin, String headRepository,
            String headRef, String headSha, boolean fromFork, String baseRef, boolean draft) {
        Issue issue = new Issue(state.nextId(), number, title, body, authorLogin, true, state.now());
        issues.put(number, issue);
        PullRequest pullRequest = new PullRequest(state.nextId(), issue, headRepository, headRef, headSha, fromFork,
                baseRef, draft);
        pullRequests.put(number, pullRequest);
        refs.put("refs/pull/" + number + "/head", headSha);
        return pullRequest;
    }

    public Issue issue(int number, String title, String authorLogin) {
        Issue issue = new Issue(state.nextId(), number, title, "", authorLogin, false, state.now());
        issues.put(number, issue);
        return issue;
    }

    /** A comment by someone (not the app) on an issue or pull request. */
    public IssueComment comment(int issueNumber, String authorLogin, String body) {
        IssueComment comment = new IssueComment(state.nextId(), issueNumber, authorLogin, body, state.now());
        comments.put(comment.id(), comment);
        return comment;
    }

    /** A collaborator with a role: `admin`, `maintain`, `write`, `triage` or `read`. */
    public Repository collaborator(String login, String role) {
        collaborators.put(login, role);
        return this;
    }

    // ---- what the repository holds ------------------------------------------------------------------------------

    public long id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String fullName() {
        return owner + "/" + name;
    }

    public Installation installation() {
        return installation;
    }

    public String defaultBranch() {
        return defaultBranch;
    }

    public boolean isPrivate() {
        return privateRepository;
    }

    public boolean isFork() {
        return forkOf != null;
    }

    String forkOf() {
        return forkOf;
    }

    public boolean isProtected(String branch) {
        return protectedBranches.contains(branch);
    }

    public GitObjects git() {
        return git;
    }

    /** Every ref by full name (`refs/heads/main`) to the SHA it points at. */
    public Map<String, String> refs() {
        return Map.copyOf(refs);
    }

    public Optional<String> branchHead(String branch) {
        return Optional.ofNullable(refs.get(HEADS + branch));
    }

    /** A file's text at the head of a branch, to assert on what the app committed. */
    public Optional<String> file(String branch, String path) {
        return branchHead(branch)
                .flatMap(sha -> git.commit(sha))
                .map(commit -> git.flatten(commit.tree()).get(path))
                .flatMap(entry -> git.blob(entry.sha()))
                .map(blob -> new String(blob.content(), StandardCharsets.UTF_8));
    }

    public List<Workflow> workflows() {
        return List.copyOf(workflows.values());
    }

    public List<WorkflowRun> workflowRuns() {
        return List.copyOf(runs.values());
    }

    public WorkflowRun workflowRun(long runId) {
        return Optional.ofNullable(runs.get(runId))
                .orElseThrow(() -> new IllegalArgumentException("No run " + runId + " in " + fullName()));
    }

    public List<CheckRun> checkRuns() {
        return List.copyOf(checkRuns.values());
    }

    public List<PullRequest> pullRequests() {
        return List.copyOf(pullRequests.values());
    }

    public List<Issue> issues() {
        return List.copyOf(issues.values());
    }

    public List<IssueComment> comments() {
        return List.copyOf(comments.values());
    }

    public List<IssueComment> comments(int issueNumber) {
        return comments.values().stream().filter(comment -> comment.issueNumber() == issueNumber).toList();
    }

    public List<Reaction> reactions() {
        return List.copyOf(reactions);
    }

    public List<Label> labels() {
        return List.copyOf(labels.values());
    }

    public Map<String, String> collaborators() {
        return Map.copyOf(collaborators);
    }

    public List<WorkflowDispatch> dispatches() {
        return List.copyOf(dispatches);
    }

    public List<Rerun> reruns() {
        return List.copyOf(reruns);
    }

    // ---- for the routes -----------------------------------------------------------------------------------------

    GitHubState state() {
        return state;
    }

    Instant createdAt() {
        return createdAt;
    }

    Map<String, String> mutableRefs() {
        return refs;
    }

    Optional<Workflow> workflowByIdOrFileName(String idOrFileName) {
        return workflows.values().stream()
                .filter(workflow -> String.valueOf(workflow.id()).equals(idOrFileName)
                        || workflow.fileName().equals(idOrFileName))
                .findFirst();
    }

    Optional<WorkflowRun> run(long runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    Optional<Job> job(long jobId) {
        return runs.values().stream().flatMap(run -> run.attempts().stream()).flatMap(attempt -> attempt.jobs()
                .stream()).filter(job -> job.id() == jobId).findFirst();
    }

    Optional<CheckRun> checkRun(long checkRunId) {
        return Optional.ofNullable(checkRuns.get(checkRunId));
    }

    void addCheckRun(CheckRun checkRun) {
        checkRuns.put(checkRun.id(), checkRun);
    }

    Optional<Issue> issue(int number) {
        return Optional.ofNullable(issues.get(number));
    }

    Optional<PullRequest> pullRequest(int number) {
        return Optional.ofNullable(pullRequests.get(number));
    }

    int nextIssueNumber() {
        return issues.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    Optional<IssueComment> comment(long commentId) {
        return Optional.ofNullable(comments.get(commentId));
    }

    void addComment(IssueComment comment) {
        comments.put(comment.id(), comment);
    }

    void addReaction(Reaction reaction) {
        reactions.add(reaction);
    }

    Optional<Label> label(String labelName) {
        return labels.values().stream().filter(label -> label.name().equalsIgnoreCase(labelName)).findFirst();
    }

    void addLabel(Label label) {
        labels.put(label.name(), label);
    }

    Optional<String> collaboratorRole(String login) {
        return collaborators.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(login))
                .map(Map.Entry::getValue).findFirst();
    }

    void recordDispatch(WorkflowDispatch dispatch) {
        dispatches.add(dispatch);
    }

    void recordRerun(Rerun rerun) {
        reruns.add(rerun);
    }

    /** The commit a ref, branch name, tag or (possibly abbreviated) SHA names, as GitHub resolves `{ref}`. */
    Optional<String> resolveCommit(String commitish) {
        for (String candidate : List.of(commitish, HEADS + commitish, "refs/tags/" + commitish,
                "refs/" + commitish)) {
            String sha = refs.get(candidate);
            if (sha != null) {
                return Optional.of(sha);
            }
        }
        if (git.commit(commitish).isPresent()) {
            return Optional.of(commitish);
        }
        if (commitish.matches("[0-9a-f]{7,39}")) {
            List<String> matches = new ArrayList<>();
            for (GitObjects.Commit commit : allCommits()) {
                if (commit.sha().startsWith(commitish)) {
                    matches.add(commit.sha());
                }
            }
            return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
        }
        return Optional.empty();
    }

    private List<GitObjects.Commit> allCommits() {
        List<GitObjects.Commit> all = new ArrayList<>();
        refs.values().forEach(sha -> all.addAll(git.history(sha)));
        return all;
    }

    static String noreplyEmail(String login) {
        return login + "@users.noreply.github.com";
    }

    /** The GitHub login behind a commit email, when it is a noreply address. */
    static Optional<String> loginOf(String email) {
        String suffix = "@users.noreply.github.com";
        if (email == null || !email.endsWith(suffix)) {
            return Optional.empty();
        }
        String local = email.substring(0, email.length() - suffix.length());
        return Optional.of(local.substring(local.indexOf('+') + 1));
    }
}
