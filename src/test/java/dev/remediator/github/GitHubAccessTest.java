package dev.remediator.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.remediator.core.config.LoadedConfig;
import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.store.InstallationStore;
import dev.remediator.testing.CiScenario;
import dev.remediator.testing.github.FakeGitHub;
import dev.remediator.testing.github.InjectFakeGitHub;
import dev.remediator.testing.github.Installation;
import dev.remediator.testing.github.RecordedRequest;
import dev.remediator.testing.github.Repository;
import dev.remediator.testing.github.TokenRequest;
import io.quarkus.test.junit.QuarkusTest;

/** Scoped tokens, fault tolerance and config lookup, against the fake GitHub over real HTTP. */
@QuarkusTest
class GitHubAccessTest {

    private static final long INSTALLATION = 7001;

    @InjectFakeGitHub
    FakeGitHub github;

    @Inject
    InstallationTokens tokens;

    @Inject
    GitHubRepositories repositories;

    @Inject
    RepositoryConfigLoader configs;

    @Inject
    InstallationStore installations;

    private Installation installation;
    private Repository repo;
    private long repoId;

    @BeforeEach
    void seed() {
        github.reset();
        repoId = CiScenario.nextId();
        seedRepository();
    }

    private void seedRepository() {
        installation = github.installation(INSTALLATION, "octo-org");
        repo = installation.repository(repoId, "service-" + repoId);
        repo.commit("main", "Initial commit", "octocat", Map.of("README.md", "# service\n"));
    }

    @AfterEach
    void githubHealthyAgain() {
        github.faults().clear();
        // Leave the circuit breaker closed for the next test.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> repositories.open(INSTALLATION, repoId, repo.fullName()).branch("main").isPresent());
        github.assertNoViolations();
    }

    private RepositoryGitHub client() {
        return repositories.open(INSTALLATION, repoId, repo.fullName());
    }

    @Test
    void aTokenIsScopedToOneRepositoryAndTheAskedPermissions() throws Exception {
        tokens.forRepository(INSTALLATION, repoId, Set.of(GitHubPermission.CONTENTS_READ, GitHubPermission.CHECKS_WRITE));

        TokenRequest request = github.tokenRequests().get(github.tokenRequests().size() - 1);
        assertThat(request.installationId()).isEqualTo(INSTALLATION);
        assertThat(request.repositoryIds()).containsExactly(repoId);
        assertThat(request.permissions()).containsExactlyInAnyOrderEntriesOf(Map.of("contents", "read", "checks", "write"));
    }

    @Test
    void writeImpliesReadSoAScopeIsAskedForOnce() throws Exception {
        tokens.forRepository(INSTALLATION, repoId, Set.of(GitHubPermission.CONTENTS_READ, GitHubPermission.CONTENTS_WRITE));

        assertThat(github.tokenRequests().get(github.tokenRequests().size() - 1).permissions())
                .containsExactlyEntriesOf(Map.of("contents", "write"));
    }

    @Test
    void aTokenIsReusedRatherThanMintedForEveryCall() throws Exception {
        String first = tokens.forRepository(INSTALLATION, repoId, Set.of(GitHubPermission.CONTENTS_READ)).token();
        int minted = github.tokenRequests().size();

        assertThat(tokens.forRepository(INSTALLATION, repoId, Set.of(GitHubPermission.CONTENTS_READ)).token()).isEqualTo(first);
        assertThat(github.tokenRequests()).hasSize(minted);
    }

    @Test
    void aTokenIsReplacedShortlyBeforeItExpires() {
        Instant now = Instant.now();
        assertThat(new InstallationTokens.ScopedToken("t", now.plus(Duration.ofMinutes(6))).freshAt(now)).isTrue();
        assertThat(new InstallationTokens.ScopedToken("t", now.plus(Duration.ofMinutes(4))).freshAt(now)).isFalse();
    }

    @Test
    void aTokenGitHubNoLongerAcceptsIsReplacedOnce() throws Exception {
        client().branch("main");
        github.reset();
        seedRepository();

        assertThat(client().branch("main")).as("the old token is unknown to GitHub now").isPresent();
    }

    @Test
    void aTokenOutsideItsScopeIsRefusedByGitHub() throws Exception {
        Repository other = installation.repository(repoId + 1, "other-" + repoId);
        other.commit("main", "Initial commit", "octocat", Map.of("a.txt", "a"));
        String token = tokens.forRepository(INSTALLATION, repoId, Set.of(GitHubPermission.CONTENTS_READ)).token();
        GitHubRest rest = io.quarkus.arc.Arc.container().instance(GitHubRest.class).get();

        assertThat(rest.find(token, "/repos/" + other.fullName() + "/branches/main")).isEmpty();
        assertThatThrownBy(() -> rest.post(token, "/repos/" + repo.fullName() + "/git/blobs",
                Map.of("content", "x", "encoding", "utf-8")))
                .isInstanceOfSatisfying(GitHubApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void serverErrorsAreRetriedAfterOneTwoAndFourSeconds() throws Exception {
        client().branch("main");
        github.faults().failNext(502, 3, ".*/branches/.*");
        int before = github.requests().size();

        assertThat(client().branch("main")).isPresent();

        List<Instant> attempts = github.requests().subList(before, github.requests().size()).stream()
                .filter(r -> r.path().contains("/branches/")).map(RecordedRequest::at).toList();
        assertThat(attempts).hasSize(4);
        assertThat(Duration.between(attempts.get(0), attempts.get(1)).toMillis()).isBetween(900L, 2500L);
        assertThat(Duration.between(attempts.get(1), attempts.get(2)).toMillis()).isBetween(1900L, 3500L);
        assertThat(Duration.between(attempts.get(2), attempts.get(3)).toMillis()).isBetween(3900L, 5500L);
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        client().branch("main");
        github.faults().failNext(422, 1, ".*/branches/.*");
        int before = github.requests().size();

        assertThatThrownBy(() -> client().branch("main")).isInstanceOf(GitHubApiException.class);
        assertThat(github.requests().subList(before, github.requests().size())).hasSize(1);
    }

    @Test
    void aShortRateLimitIsWaitedOutAsGitHubAsks() throws Exception {
        client().branch("main");
        github.faults().secondaryRateLimit(429, Duration.ofSeconds(2));
        long start = System.nanoTime();

        assertThat(client().branch("main")).isPresent();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void aLongRateLimitParksTheWorkUntilTheReset() throws Exception {
        client().branch("main");
        github.faults().primaryRateLimit(Duration.ofMinutes(30));

        assertThatThrownBy(() -> client().branch("main")).isInstanceOfSatisfying(GitHubUnavailableException.class,
                e -> assertThat(e.retryAt()).isAfter(Instant.now().plus(Duration.ofMinutes(25))));
    }

    @Test
    void theCircuitBreakerStopsCallingADownGitHubAndLetsCallsThroughOnceItIsBack() throws Exception {
        client().branch("main");
        github.faults().takeDown(503);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client().branch("main")).isInstanceOf(GitHubUnavailableException.class);
        }
        int whileOpen = github.requests().size();
        assertThatThrownBy(() -> client().branch("main")).isInstanceOf(GitHubUnavailableException.class)
                .hasMessageContaining("circuit breaker open");
        assertThat(github.requests()).as("an open circuit sends nothing").hasSize(whileOpen);

        github.faults().bringBack();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> client().branch("main").isPresent());
    }

    @Test
    void configComesFromTheRepositoryFirst() throws Exception {
        repo.commit("main", "Configure Remediator", "octocat", Map.of(RepositoryConfig.FILE_PATH, "mode: auto\nrisk_threshold: 6\n"));

        LoadedConfig loaded = configs.load(INSTALLATION, repoId, repo.fullName());

        assertThat(loaded.source()).isEqualTo(LoadedConfig.Source.REPOSITORY);
        assertThat(loaded.config().mode()).isEqualTo(RepositoryConfig.Mode.AUTO);
        assertThat(loaded.config().riskThreshold()).isEqualTo(6);
    }

    @Test
    void thenFromTheOrganisationsDotGithubRepositoryThenTheDefaults() throws Exception {
        assertThat(configs.load(INSTALLATION, repoId, repo.fullName()).source()).isEqualTo(LoadedConfig.Source.DEFAULTS);

        long sharedId = repoId + 5000;
        Repository shared = installation.repository(sharedId, ".github");
        shared.commit("main", "Organisation defaults", "octocat", Map.of(RepositoryConfig.FILE_PATH, "max_prs_per_day: 2\n"));
        installations.saveRepository(sharedId, INSTALLATION, shared.fullName(), false, "main");

        LoadedConfig loaded = configs.load(INSTALLATION, repoId, repo.fullName());
        assertThat(loaded.source()).isEqualTo(LoadedConfig.Source.ORGANIZATION);
        assertThat(loaded.config().maxPrsPerDay()).isEqualTo(2);
        TokenRequest sharedToken = github.tokenRequests().get(github.tokenRequests().size() - 1);
        assertThat(sharedToken.repositoryIds()).containsExactly(sharedId);
        assertThat(sharedToken.permissions()).containsExactlyEntriesOf(Map.of("contents", "read"));
    }

    @Test
    void anInvalidConfigIsReportedAndTheDefaultsApply() throws Exception {
        repo.commit("main", "Configure Remediator", "octocat",
                Map.of(RepositoryConfig.FILE_PATH, "mode: yolo\nfailures:\n  rerun: {max_attempts: 9}\n"));

        LoadedConfig loaded = configs.load(INSTALLATION, repoId, repo.fullName());

        assertThat(loaded.config()).isEqualTo(RepositoryConfig.DEFAULTS);
        assertThat(loaded.location()).isEqualTo(repo.fullName() + ":.github/remediator.yml");
        assertThat(loaded.problems()).extracting(Object::toString).containsExactly(
                "`mode`: expected one of advisory, auto, got \"yolo\"",
                "`failures.rerun.max_attempts`: expected a whole number from 0 to 5, got 9");
    }
}
