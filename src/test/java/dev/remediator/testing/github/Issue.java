package dev.remediator.testing.github;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** An issue, or the issue side of a pull request (comments and labels live here). */
public final class Issue {

    private final long id;
    private final int number;
    private final String author;
    private final Instant createdAt;
    private final boolean pullRequest;
    private final Set<String> labels = new CopyOnWriteArraySet<>();
    private final Set<String> assignees = new CopyOnWriteArraySet<>();
    private volatile String stateReason;
    private volatile String title;
    private volatile String body;
    private volatile String state = "open";
    private volatile Instant updatedAt;
    private volatile Instant closedAt;

    Issue(long id, int number, String title, String body, String author, boolean pullRequest, Instant createdAt) {
        this.id = id;
        this.number = number;
        this.title = title;
        this.body = body;
        this.author = author;
        this.pullRequest = pullRequest;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    void assign(String login) {
        assignees.add(login);
    }

    void closedBecause(String reason) {
        stateReason = reason;
    }

    void edit(String newTitle, String newBody, String newState, Instant at) {
        if (newTitle != null) {
            title = newTitle;
        }
        if (newBody != null) {
            body = newBody;
        }
        if (newState != null && !newState.equals(state)) {
            state = newState;
            closedAt = "closed".equals(newState) ? at : null;
        }
        updatedAt = at;
    }

    void addLabel(String name) {
        labels.add(name);
    }

    public long id() {
        return id;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public String author() {
        return author;
    }

    public String state() {
        return state;
    }

    public boolean isPullRequest() {
        return pullRequest;
    }

    public List<String> labels() {
        return List.copyOf(labels);
    }

    public List<String> assignees() {
        return List.copyOf(assignees);
    }

    /** GitHub's {@code state_reason}: completed, not_planned, ... (null while open). */
    public String stateReason() {
        return stateReason;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant closedAt() {
        return closedAt;
    }
}
