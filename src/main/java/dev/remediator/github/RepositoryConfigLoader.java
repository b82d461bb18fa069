package dev.remediator.github;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.remediator.core.config.LoadedConfig;
import dev.remediator.core.config.LoadedConfig.Source;
import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.config.RepositoryConfigParser;
import dev.remediator.store.InstallationStore;
import dev.remediator.store.KnownRepository;

/**
 * Finds the config that applies to a repository: its own {@code .github/remediator.yml}, else the one in the
 * organisation's {@code .github} repository, else the defaults. Each read uses a token for that one repository
 * with {@code contents: read} only (see {@link RepositoryGitHub}). Results are kept briefly, as a burst of deliveries for one repository is usual.
 */
@ApplicationScoped
public class RepositoryConfigLoader {

    @Inject
    InstallationStore installations;

    private static final Logger LOG = Logger.getLogger(RepositoryConfigLoader.class);
    private static final String ORGANISATION_REPOSITORY = ".github";

    @Inject
    GitHubRepositories repositories;

    @ConfigProperty(name = "remediator.config.cache-ttl", defaultValue = "60s")
    Duration cacheTtl;

    private final RepositoryConfigParser parser = new RepositoryConfigParser();
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(LoadedConfig config, Instant until) {
    }

    public LoadedConfig load(long installationId, long repositoryId, String fullName) throws IOException {
        Cached cached = cache.get(repositoryId);
        if (cached != null && Instant.now().isBefore(cached.until())) {
            return cached.config();
        }
        LoadedConfig config = read(installationId, repositoryId, fullName);
        cache.put(repositoryId, new Cached(config, Instant.now().plus(cacheTtl)));
        return config;
    }

    /** A push that changed the file makes the next delivery read it again. */
    public void forget(long repositoryId) {
        cache.remove(repositoryId);
    }

    private LoadedConfig read(long installationId, long repositoryId, String fullName) throws IOException {
        Optional<LoadedConfig> own = readFrom(installationId, repositoryId, fullName, Source.REPOSITORY);
        if (own.isPresent()) {
            return own.get();
        }
        String owner = fullName.substring(0, fullName.indexOf('/'));
        String organisationRepository = owner + "/" + ORGANISATION_REPOSITORY;
        if (fullName.equalsIgnoreCase(organisationRepository)) {
            return LoadedConfig.defaults();
        }
        // The organisation's .github repository is readable only if the installation includes it.
        Optional<KnownRepository> shared = installations.repository(organisationRepository)
                .filter(r -> r.installationId() == installationId);
        if (shared.isEmpty()) {
            LOG.debugf("No config in %s and no %s repository in installation %d: defaults apply", fullName,
                    organisationRepository, installationId);
            return LoadedConfig.defaults();
        }
        try {
            return readFrom(installationId, shared.get().id(), shared.get().fullName(), Source.ORGANIZATION)
                    .orElseGet(LoadedConfig::defaults);
        } catch (GitHubApiException e) {
            if (e.status() != 404 && e.status() != 422) {
                throw e;
            }
            LOG.infof("%s is not readable by installation %d any more (%d): defaults apply", organisationRepository,
                    installationId, e.status());
            return LoadedConfig.defaults();
        }
    }

    private Optional<LoadedConfig> readFrom(long installationId, long repositoryId, String fullName, Source source)
            throws IOException {
        return repositories.open(installationId, repositoryId, fullName).fileContent(RepositoryConfig.FILE_PATH, null)
                .map(yaml -> parser.parse(yaml, source, fullName + ":" + RepositoryConfig.FILE_PATH));
    }
}
