package dev.remediator.core.remediation;

import java.util.function.Predicate;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.drift.GlobSet;
import dev.remediator.core.drift.ProvenanceException;

/** The paths a repository's config protects ({@code protected_paths}): no remediation ever writes there. */
public final class ProtectedPaths {

    private ProtectedPaths() {
    }

    /** Matches the protected paths; an empty list protects none. */
    public static Predicate<String> of(RepositoryConfig config) {
        if (config.protectedPaths().isEmpty()) {
            return path -> false;
        }
        try {
            return GlobSet.of(config.protectedPaths())::matches;
        } catch (ProvenanceException e) {
            // the config parser refuses such globs, so only a config built in code can get here
            throw new IllegalArgumentException("protected_paths: " + e.getMessage(), e);
        }
    }
}
