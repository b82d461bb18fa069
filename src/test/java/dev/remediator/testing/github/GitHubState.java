package dev.remediator.testing.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the fake GitHub knows: the app, its installations and their repositories, the tokens it minted. The
 * server handles one request at a time against it; tests read it through concurrent collections.
 */
final class GitHubState {

    /** GitHub's clock; tests move it forward to let tokens and JWTs expire. */
    static final class AdjustableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("GitHub's clock is UTC");
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        void advance(Duration by) {
            offset = offset.plus(by);
        }
    }

    private final GitHubApp app;
    private final AdjustableClock clock = new AdjustableClock();
    private final AtomicLong ids = new AtomicLong(7_000_000);
    private final Map<Long, Installation> installations = new ConcurrentSkipListMap<>();
    private final Map<String, Repository> repositories = new ConcurrentHashMap<>();
    private final Map<String, InstallationToken> tokens = new ConcurrentHashMap<>();
    private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
    private final Map<String, String> manifestCodes = new ConcurrentHashMap<>();
    private final UserTokens userTokens = new UserTokens();

    GitHubState(GitHubApp app) {
        this.app = app;
    }

    /** Forgets everything but the app, and sets the clock back to the real time. */
    void clear() {
        installations.clear();
        repositories.clear();
        tokens.clear();
        tokenRequests.clear();
        manifestCodes.clear();
        userTokens.clear();
        clock.offset = Duration.ZERO;
    }

    GitHubApp app() {
        return app;
    }

    AdjustableClock clock() {
        return clock;
    }

    Instant now() {
        return clock.instant();
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    Installation addInstallation(long id, String account) {
        Installation installation = new Installation(this, id, account);
        installations.put(id, installation);
        return installation;
    }

    Optional<Installation> installation(long id) {
        return Optional.ofNullable(installations.get(id));
    }

    List<Installation> installations() {
        return List.copyOf(installations.values());
    }

    void register(Repository repository) {
        repositories.put(key(repository.owner(), repository.name()), repository);
    }

    List<Repository> repositories() {
        return List.copyOf(repositories.values());
    }

    /** GitHub resolves owner and repository names case-insensitively. */
    Optional<Repository> repository(String owner, String name) {
        return Optional.ofNullable(repositories.get(key(owner, name)));
    }

    private static String key(String owner, String name) {
        return (owner + "/" + name).toLowerCase(Locale.ROOT);
    }

    void addToken(InstallationToken token, TokenRequest request) {
        tokens.put(token.token(), token);
        tokenRequests.add(request);
    }

    Optional<InstallationToken> token(String token) {
        return Optional.ofNullable(tokens.get(token));
    }

    List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    UserTokens userTokens() {
        return userTokens;
    }

    void acceptManifestCode(String code, String webhookSecret) {
        manifestCodes.put(code, webhookSecret);
    }

    /** A manifest code works once, as on GitHub; returns the webhook secret it was registered with. */
    Optional<String> redeemManifestCode(String code) {
        return Optional.ofNullable(manifestCodes.remove(code));
    }
}
