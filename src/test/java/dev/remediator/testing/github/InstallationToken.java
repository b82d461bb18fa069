package dev.remediator.testing.github;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * An installation access token and the scope it was minted with: the installation, the repositories (all of the
 * installation's when {@code repositoryIds} is null) and the permissions.
 */
public record InstallationToken(String token, long installationId, Set<Long> repositoryIds,
        Map<String, String> permissions, Instant expiresAt) {

    public boolean covers(Repository repository) {
        return repository.installation().id() == installationId
                && (repositoryIds == null || repositoryIds.contains(repository.id()));
    }

    /** Whether the token holds the permission at the level (`read` < `write` < `admin`). */
    public boolean grants(String permission, String level) {
        return rank(permissions.get(permission)) >= rank(level);
    }

    static int rank(String level) {
        if (level == null) {
            return 0;
        }
        return switch (level) {
            case "read" -> 1;
            case "write" -> 2;
            case "admin" -> 3;
            default -> 0;
        };
    }
}
