package dev.remediator.core.config;

import java.util.List;

/**
 * The config that applies to a repository, where it came from, and what was wrong with the file, if anything.
 * When {@link #problems()} is not empty, {@link #config()} is {@link RepositoryConfig#DEFAULTS}.
 */
public record LoadedConfig(RepositoryConfig config, Source source, String location, List<ConfigProblem> problems) {

    public enum Source {
        REPOSITORY, ORGANIZATION, DEFAULTS
    }

    public LoadedConfig {
        problems = List.copyOf(problems);
    }

    public static LoadedConfig defaults() {
        return new LoadedConfig(RepositoryConfig.DEFAULTS, Source.DEFAULTS, null, List.of());
    }

}
