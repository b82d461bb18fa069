package dev.remediator.testing.github;

import java.util.List;
import java.util.Map;

/** One `POST /app/installations/{id}/access_tokens` as the app sent it, and the token it got. */
public record TokenRequest(long installationId, List<Long> repositoryIds, List<String> repositories,
        Map<String, String> permissions, InstallationToken token) {
}
