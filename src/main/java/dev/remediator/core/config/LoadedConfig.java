package dev.remediator.core.config;

import java.util.List;

/**
 * The config that applies to a repository, where it came from, and what was wrong with the file, if anything: keys
 * that were ignored or kept their default (the rest applies), or, for a file that could not be read at all, one
 * problem at the path {@code ""} and {@link RepositoryConfig#DEFAULTS}.
 */
public record LoadedConfig(RepositoryConfig config, Source source, String location, List<ConfigProblem> problems) {

    public enum Source {
        REPOSITORY, ORGANIZATION, DEFAULTS
    }

    public LoadedConfig {
        problems = List.copyOf(problems);
    }

    /** Whether the file could not be read at all, so that the defaults apply. */
    public static boolean unreadable(List<ConfigProblem> problems) {
        return problems.stream().anyMatch(problem -> problem.path().isEmpty());
    }

    public static LoadedConfig defaults() {
        return new LoadedConfig(RepositoryConfig.DEFAULTS, Source.DEFAULTS, null, List.of());
    }

}
