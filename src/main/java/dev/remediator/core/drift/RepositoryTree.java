package dev.remediator.core.drift;

import java.util.HashMap;
import java.util.Map;

/**
 * The files of one commit or checkout: each path with its git blob SHA, and nothing else (no contents). A push
 * handler builds it from one recursive git-tree request (blob entries only: not trees, not submodule commits);
 * the command line from the files on disk.
 */
public final class RepositoryTree {

    private final PathIndex paths;
    private final String[] blobs;

    private RepositoryTree(PathIndex paths, String[] blobs) {
        this.paths = paths;
        this.blobs = blobs;
    }

    /** @throws IllegalArgumentException when a path is not relative or a SHA is not 40 lower-case hex digits */
    public static RepositoryTree of(Map<String, String> blobByPath) {
        PathIndex paths = PathIndex.of(blobByPath.keySet());
        String[] blobs = new String[paths.size()];
        for (int i = 0; i < blobs.length; i++) {
            blobs[i] = checkedBlob(paths.pathAt(i), blobByPath.get(paths.pathAt(i)));
        }
        return new RepositoryTree(paths, blobs);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The blob SHA at {@code path}, or null when the tree has no such file. */
    public String blob(String path) {
        int index = paths.indexOf(path);
        return index >= 0 ? blobs[index] : null;
    }

    public PathIndex paths() {
        return paths;
    }

    public int size() {
        return blobs.length;
    }

    private static String checkedBlob(String path, String blob) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("not a file path relative to the repository root: '" + path + "'");
        }
        if (!GitBlobSha.isWellFormed(blob)) {
            throw new IllegalArgumentException("not a git blob SHA (40 lower-case hex digits) at " + path + ": '" + blob + "'");
        }
        return blob;
    }

    /** Collects entries one by one, as they stream from a git-tree response. */
    public static final class Builder {

        private final Map<String, String> blobByPath = new HashMap<>();

        public Builder add(String path, String blobSha) {
            blobByPath.put(path, blobSha);
            return this;
        }

        public RepositoryTree build() {
            return RepositoryTree.of(blobByPath);
        }
    }
}
