package dev.remediator.core.remediation;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/** Repository paths matched against globs such as {@code .github/workflows/**} (as in the config file). */
public final class PathGlobs {

    private final List<PathMatcher> matchers;

    public PathGlobs(List<String> globs) {
        this.matchers = globs.stream().map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
    }

    public boolean matches(String path) {
        Path candidate = Path.of(path);
        return matchers.stream().anyMatch(m -> m.matches(candidate));
    }

    public List<String> matching(List<String> paths) {
        return paths.stream().filter(this::matches).distinct().toList();
    }
}
