package dev.remediator.core.drift;

import java.util.Objects;

/**
 * A file as recorded after a generation run: its path, its git blob SHA, and for a generated file the hash of its
 * normalised text ({@link NormalisedText}); null for a spec file.
 */
public record RecordedFile(String path, String blob, String normalised) {

    public RecordedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(blob, "blob");
    }
}
