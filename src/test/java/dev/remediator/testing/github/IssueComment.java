package dev.remediator.testing.github;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A comment on an issue or pull request; {@link #bodies()} keeps every version, first one first. */
public final class IssueComment {

    private final long id;
    private final int issueNumber;
    private final String author;
    private final Instant createdAt;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private volatile Instant updatedAt;

    IssueComment(long id, int issueNumber, String author, String body, Instant createdAt) {
        this.id = id;
        this.issueNumber = issueNumber;
        this.author = author;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        bodies.add(body);
    }

    void edit(String body, Instant at) {
        bodies.add(body);
        updatedAt = at;
    }

    public long id() {
        return id;
    }

    public int issueNumber() {
        return issueNumber;
    }

    public String author() {
        return author;
    }

    public String body() {
        return bodies.get(bodies.size() - 1);
    }

    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
