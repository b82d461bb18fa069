package dev.remediator.dashboard;

import dev.remediator.config.RemediatorConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.github.UserGitHub;
import dev.remediator.store.DashboardStore;
import dev.remediator.store.DashboardStore.RepositoryRow;

/**
 * Who may see what: the repositories GitHub lists for a user's token, among those the app is installed on. Asked on
 * every page that shows or changes a repository's data, answered from a short per-user cache, so that losing access
 * on GitHub shows here within {@code remediator.dashboard.access-cache-ttl}.
 */
@ApplicationScoped
public class DashboardAccess {

    @Inject
    RemediatorConfig config;

    private record Entry(List<Long> repositoryIds, Instant until) {
    }

    @Inject
    UserGitHub github;

    @Inject
    DashboardStore store;

    /** By user and token: a new sign-in asks GitHub again. */
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public Viewer viewer(String login, String userToken) throws IOException {
        Instant now = Instant.now();
        String key = login + ":" + sha256(userToken);
        Entry entry = cache.get(key);
        if (entry == null || entry.until().isBefore(now)) {
            cache.values().removeIf(old -> old.until().isBefore(now));
            entry = new Entry(github.visibleRepositories(userToken).stream().map(UserGitHub.VisibleRepository::id)
                    .toList(), now.plus(config.dashboard().accessCacheTtl()));
            cache.put(key, entry);
        }
        List<RepositoryRow> repositories = entry.repositoryIds().isEmpty() ? List.of()
                : store.installed(entry.repositoryIds());
        return new Viewer(login, repositories);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
