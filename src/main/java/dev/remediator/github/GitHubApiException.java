package dev.remediator.github;

import java.io.IOException;

import dev.remediator.delivery.Refusal;

/**
 * GitHub answered a request with a 4xx that retrying will not change (after {@link GitHubGuard} dealt with 5xx and
 * rate limits): a missing file, a refused permission, a validation error.
 */
public class GitHubApiException extends IOException implements Refusal {

    private final int status;

    public GitHubApiException(int status, String method, String path, String body) {
        super(method + " " + path + " answered " + status + ": " + body);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean notFound() {
        return status == 404;
    }

    /** 422: GitHub understood the request and refused it (a branch or pull request that already exists...). */
    public boolean unprocessable() {
        return status == 422;
    }
}
