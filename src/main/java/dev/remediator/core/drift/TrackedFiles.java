package dev.remediator.core.drift;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One side of a node (spec or generated): its globs, and the files they matched when it was recorded. */
public final class TrackedFiles {

    private final GlobSet globs;
    private final List<RecordedFile> files;
    private final Map<String, RecordedFile> byPath;

    public TrackedFiles(GlobSet globs, List<RecordedFile> files) {
        this.globs = globs;
        this.files = files.stream().sorted(Comparator.comparing(RecordedFile::path)).toList();
        this.byPath = new HashMap<>();
        for (RecordedFile file : this.files) {
            if (byPath.put(file.path(), file) != null) {
                throw new IllegalArgumentException("the file " + file.path() + " is listed twice");
            }
        }
    }

    public GlobSet globs() {
        return globs;
    }

    /** The recorded files, sorted by path. */
    public List<RecordedFile> files() {
        return files;
    }

    /** The recorded file at {@code path}, or null. */
    public RecordedFile file(String path) {
        return byPath.get(path);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrackedFiles tracked && globs.equals(tracked.globs) && files.equals(tracked.files);
    }

    @Override
    public int hashCode() {
        return globs.hashCode() * 31 + files.hashCode();
    }
}
