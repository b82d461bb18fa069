package dev.remediator.core.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a path printed in a log relative to the repository root. Runners check a repository out to
 * {@code <work>/<repo>/<repo>/}: {@code /home/runner/work/r/r/} on Linux, {@code /Users/runner/work/r/r/} on
 * macOS, {@code D:\a\r\r\} on Windows, {@code /__w/r/r/} inside a job container and {@code <root>/_work/r/r/} on
 * self-hosted runners; actions running in Docker see it as {@code /github/workspace/}. Paths elsewhere (the
 * toolchain, installed packages) are not the repository's, and neither are dependencies vendored by package managers.
 */
public final class WorkspacePaths {

    private static final Pattern RUNNER_CHECKOUT = Pattern.compile("^(?:[A-Za-z]:)?/(?:[^/]+/)*?(?:work|_work|__w|a)/([^/]+)/\\1/(.+)$");
    private static final String DOCKER_ACTION_WORKSPACE = "/github/workspace/";
    private static final String[] DEPENDENCY_DIRECTORIES = { "node_modules/", "site-packages/", "dist-packages/",
            ".m2/repository/", ".gradle/caches/", ".cargo/registry/" };

    private WorkspacePaths() {
    }

    /** The path relative to the repository root, with forward slashes, or {@code null} when it lies outside. */
    public static String relativize(String printed) {
        if (printed == null || printed.isBlank()) {
            return null;
        }
        String path = printed.strip().replace('\\', '/');
        if (path.startsWith("file://")) {
            path = path.substring("file://".length());
        }
        Matcher checkout = RUNNER_CHECKOUT.matcher(path);
        if (checkout.matches()) {
            path = checkout.group(2);
        } else if (path.startsWith(DOCKER_ACTION_WORKSPACE)) {
            path = path.substring(DOCKER_ACTION_WORKSPACE.length());
        } else if (path.startsWith("/") || path.matches("^[A-Za-z]:/.*")) {
            return null;
        }
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        path = path.replace("/./", "/");
        for (String dependencies : DEPENDENCY_DIRECTORIES) {
            if (path.startsWith(dependencies) || path.contains("/" + dependencies)) {
                return null;
            }
        }
        return path.isEmpty() || path.startsWith("../") ? null : path;
    }
}
