package dev.remediator.github;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.kohsuke.github.GHAppInstallationToken;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.HttpException;

import io.quarkiverse.githubapp.GitHubClientProvider;

/**
 * Installation tokens minted for ONE repository with only the permissions an action needs (the token request's
 * {@code repository_ids} and {@code permissions}), cached until shortly before they expire. The one place that
 * mints tokens: a leaked or misused token can never reach another repository or do more than its action.
 */
@ApplicationScoped
public class InstallationTokens {

    /** A token is replaced this long before GitHub's expiry, so that no call starts with a dying token. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    /** A token scoped to one repository and a set of permissions, and when GitHub lets it expire. */
    public record ScopedToken(String token, Instant expiresAt) {
        boolean freshAt(Instant now) {
            return now.plus(REFRESH_MARGIN).isBefore(expiresAt);
        }
    }

    private record Key(long installationId, long repositoryId, Set<GitHubPermission> permissions) {
    }

    @Inject
    GitHubClientProvider clients;

    private final Map<Key, ScopedToken> cache = new ConcurrentHashMap<>();
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();

    public ScopedToken forRepository(long installationId, long repositoryId, Set<GitHubPermission> permissions)
            throws IOException {
        Key key = new Key(installationId, repositoryId, Set.copyOf(EnumSet.copyOf(permissions)));
        ScopedToken cached = cache.get(key);
        if (cached != null && cached.freshAt(Instant.now())) {
            return cached;
        }
        // One mint per key at a time; other keys are not held up.
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            cached = cache.get(key);
            if (cached == null || !cached.freshAt(Instant.now())) {
                cached = mint(key);
                cache.put(key, cached);
            }
            return cached;
        }
    }

    /** Drops a token GitHub refused (revoked, installation changed), so that the next call mints another. */
    public void forget(long installationId, long repositoryId) {
        cache.keySet().removeIf(k -> k.installationId() == installationId && k.repositoryId() == repositoryId);
    }

    private ScopedToken mint(Key key) throws IOException {
        GHAppInstallationToken token;
        try {
            token = clients.getApplicationClient().getApp()
                    .getInstallationById(key.installationId())
                    .createToken()
                    .repositoryIds(List.of(key.repositoryId()))
                    .permissions(permissionMap(key.permissions()))
                    .create();
        } catch (HttpException e) {
            // 404: the installation is gone; 422: the repository is not (or no longer) in it
            throw new GitHubApiException(e.getResponseCode(), "POST",
                    "/app/installations/" + key.installationId() + "/access_tokens", e.getMessage());
        }
        return new ScopedToken(token.getToken(), token.getExpiresAt().toInstant());
    }

    /** Write implies read, so a scope asked for at both levels is asked for once, at the higher one. */
    static Map<String, GHPermissionType> permissionMap(Set<GitHubPermission> permissions) {
        Map<String, GHPermissionType> map = new TreeMap<>();
        for (GitHubPermission permission : permissions) {
            map.merge(permission.scope, permission.level,
                    (a, b) -> a == GHPermissionType.WRITE || b == GHPermissionType.WRITE ? GHPermissionType.WRITE : a);
        }
        return map;
    }
}
