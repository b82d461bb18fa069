package dev.remediator.flow.drift;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A commit pushed to a branch of a repository: what a {@code push} payload says, or the head of the default branch
 * that the scheduled scan looks at.
 *
 * @param branch null when the push was not to a branch (a tag)
 */
public record PushedCommit(long installationId, long repositoryId, String repository, String defaultBranch, String branch,
        String sha) {

    private static final String HEADS = "refs/heads/";

    /** From a {@code push} delivery's payload. */
    public static PushedCommit of(long installationId, JsonNode payload) {
        JsonNode repository = payload.path("repository");
        String ref = payload.path("ref").asText("");
        return new PushedCommit(installationId, repository.path("id").asLong(), repository.path("full_name").asText(),
                repository.path("default_branch").asText("main"),
                ref.startsWith(HEADS) ? ref.substring(HEADS.length()) : null, payload.path("after").asText());
    }

    public boolean toDefaultBranch() {
        return defaultBranch.equals(branch);
    }
}
