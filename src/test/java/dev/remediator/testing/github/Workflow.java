package dev.remediator.testing.github;

import java.time.Instant;

/** A workflow file of a repository, e.g. `.github/workflows/ci.yml`. */
public final class Workflow {

    private final long id;
    private final String name;
    private final String path;
    private final Instant createdAt;
    private volatile boolean dispatchable;

    Workflow(long id, String name, String path, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.path = path;
        this.createdAt = createdAt;
    }

    /** Declares an `on: workflow_dispatch` trigger, without which GitHub refuses dispatches. */
    public Workflow dispatchable() {
        this.dispatchable = true;
        return this;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }

    /** The file name, which GitHub accepts in place of the id (`ci.yml`). */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public boolean isDispatchable() {
        return dispatchable;
    }

    Instant createdAt() {
        return createdAt;
    }
}
