package dev.remediator.core.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * The globs of one side of a node (its spec or its generated files): a path belongs to the set when it matches at
 * least one glob and no exclusion ({@code !glob}). Order does not matter, so the set is kept sorted.
 */
public final class GlobSet {

    private final List<PathGlob> globs;
    private final List<PathGlob> inclusions;
    private final List<PathGlob> exclusions;

    private GlobSet(List<PathGlob> globs) {
        this.globs = globs;
        this.inclusions = globs.stream().filter(glob -> !glob.isExclusion()).toList();
        this.exclusions = globs.stream().filter(PathGlob::isExclusion).toList();
    }

    public static GlobSet of(Collection<String> patterns) throws ProvenanceException {
        TreeMap<String, PathGlob> sorted = new TreeMap<>();
        for (String pattern : patterns) {
            PathGlob glob = PathGlob.parse(pattern);
            sorted.put(glob.pattern(), glob);
        }
        GlobSet set = new GlobSet(List.copyOf(sorted.values()));
        if (set.inclusions.isEmpty()) {
            throw new ProvenanceException("the globs " + patterns + " have no glob that is not an exclusion ('!...')");
        }
        return set;
    }

    /** The globs as written in the manifest, sorted. */
    public List<String> patterns() {
        return globs.stream().map(PathGlob::pattern).toList();
    }

    /** The globs that select files (not exclusions). */
    public List<PathGlob> inclusions() {
        return inclusions;
    }

    public boolean matches(String path) {
        return inclusions.stream().anyMatch(glob -> glob.matches(path)) && exclusions.stream().noneMatch(glob -> glob.matches(path));
    }

    /**
     * The paths of the index in this set, sorted. Each glob only looks at the paths under its literal folder, found by
     * binary search, so that a node costs what its own folder holds rather than what the whole tree holds.
     */
    public List<String> select(PathIndex paths) {
        int[] found = new int[0];
        int count = 0;
        for (PathGlob glob : inclusions) {
            int[] range = paths.rangeUnder(glob.literalPrefix());
            for (int index = range[0]; index < range[1]; index++) {
                String path = paths.pathAt(index);
                if (glob.matches(path) && exclusions.stream().noneMatch(exclusion -> exclusion.matches(path))) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, Math.max(8, count * 2));
                    }
                    found[count++] = index;
                }
            }
        }
        int[] indices = Arrays.stream(found, 0, count).sorted().distinct().toArray();
        List<String> selected = new ArrayList<>(indices.length);
        for (int index : indices) {
            selected.add(paths.pathAt(index));
        }
        return selected;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GlobSet set && patterns().equals(set.patterns());
    }

    @Override
    public int hashCode() {
        return patterns().hashCode();
    }

    @Override
    public String toString() {
        return patterns().toString();
    }
}
