package dev.remediator.core.drift;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The files of one commit or checkout: each path with its git blob SHA, and nothing else (no contents). A push
 * handler builds it from one recursive git-tree request (blob entries only: not trees, not submodule commits);
 * the command line from the files on disk. Paths are kept sorted, so that the files under a folder are found by
 * binary search in a tree of any size.
 */
public final class RepositoryTree {

    private final String[] paths;
    private final String[] blobs;

    private RepositoryTree(String[] paths, String[] blobs) {
        this.paths = paths;
        this.blobs = blobs;
    }

    /** @throws IllegalArgumentException when a path is not relative or a SHA is not 40 hex digits */
    public static RepositoryTree of(Map<String, String> blobByPath) {
        String[] paths = blobByPath.keySet().toArray(String[]::new);
        Arrays.sort(paths);
        String[] blobs = new String[paths.length];
        for (int i = 0; i < paths.length; i++) {
            blobs[i] = checkedBlob(paths[i], blobByPath.get(paths[i]));
        }
        return new RepositoryTree(paths, blobs);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The blob SHA at {@code path}, or null when the tree has no such file. */
    public String blob(String path) {
        int index = Arrays.binarySearch(paths, path);
        return index >= 0 ? blobs[index] : null;
    }

    public int size() {
        return paths.length;
    }

    String pathAt(int index) {
        return paths[index];
    }

    /** The index range [from, to) of the paths starting with {@code prefix}. */
    int[] rangeUnder(String prefix) {
        if (prefix.isEmpty()) {
            return new int[] { 0, paths.length };
        }
        return new int[] { insertionPoint(prefix), insertionPoint(prefix + Character.MAX_VALUE) };
    }

    private int insertionPoint(String key) {
        int index = Arrays.binarySearch(paths, key);
        return index >= 0 ? index : -index - 1;
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
