package dev.remediator.testing.github;

/**
 * A pull request: its head (a branch of this repository, or of a fork) and its base branch. Title, body, state
 * and labels are those of its {@link #issue()}.
 */
public final class PullRequest {

    private final long id;
    private final Issue issue;
    private final String headRepository;
    private final String headRef;
    private final boolean fromFork;
    private volatile String headSha;
    private volatile String baseRef;
    private volatile boolean draft;
    private volatile boolean maintainerCanModify;
    private volatile String autoMergeMethod;
    private volatile java.time.Instant autoMergeEnabledAt;

    PullRequest(long id, Issue issue, String headRepository, String headRef, String headSha, boolean fromFork,
            String baseRef, boolean draft) {
        this.id = id;
        this.issue = issue;
        this.headRepository = headRepository;
        this.headRef = headRef;
        this.headSha = headSha;
        this.fromFork = fromFork;
        this.baseRef = baseRef;
        this.draft = draft;
    }

    void retarget(String newBase) {
        this.baseRef = newBase;
    }

    void moveHead(String sha) {
        this.headSha = sha;
    }

    void markReadyForReview() {
        this.draft = false;
    }

    void enableAutoMerge(String method, java.time.Instant at) {
        this.autoMergeMethod = method;
        this.autoMergeEnabledAt = at;
    }

    /** GitHub's merge method of the auto-merge enabled on it ({@code SQUASH}...), null when none is. */
    public String autoMergeMethod() {
        return autoMergeMethod;
    }

    public java.time.Instant autoMergeEnabledAt() {
        return autoMergeEnabledAt;
    }

    void maintainerCanModify(boolean allowed) {
        this.maintainerCanModify = allowed;
    }

    public long id() {
        return id;
    }

    public int number() {
        return issue.number();
    }

    public Issue issue() {
        return issue;
    }

    public String title() {
        return issue.title();
    }

    public String body() {
        return issue.body();
    }

    public String state() {
        return issue.state();
    }

    /** `owner/name` of the repository the head branch lives in (a fork's for a fork pull request). */
    public String headRepository() {
        return headRepository;
    }

    public String headRef() {
        return headRef;
    }

    public String headSha() {
        return headSha;
    }

    public boolean isFromFork() {
        return fromFork;
    }

    public String baseRef() {
        return baseRef;
    }

    public boolean isDraft() {
        return draft;
    }

    public boolean maintainerCanModify() {
        return maintainerCanModify;
    }
}
