package dev.remediator.core.drift;

import java.util.Arrays;
import java.util.Collection;

/**
 * Repository paths kept sorted, so that the files under a folder are found by binary search however many there
 * are: this is what lets each glob look only at its own folder.
 */
public final class PathIndex {

    private final String[] paths;

    private PathIndex(String[] sortedPaths) {
        this.paths = sortedPaths;
    }

    public static PathIndex of(Collection<String> paths) {
        String[] sorted = paths.stream().distinct().toArray(String[]::new);
        Arrays.sort(sorted);
        return new PathIndex(sorted);
    }

    public int size() {
        return paths.length;
    }

    public String pathAt(int index) {
        return paths[index];
    }

    /** The index of {@code path}, or a negative number when it is not there. */
    public int indexOf(String path) {
        return Arrays.binarySearch(paths, path);
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
}
