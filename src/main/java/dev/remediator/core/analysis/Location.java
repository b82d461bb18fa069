package dev.remediator.core.analysis;

/**
 * A place in the repository that a failure points at, for annotations.
 *
 * @param path   relative to the repository root, with forward slashes
 * @param line   1-based
 * @param column 1-based, or {@code null} when the log does not say
 */
public record Location(String path, int line, Integer column) {

    @Override
    public String toString() {
        return path + ":" + line + (column == null ? "" : ":" + column);
    }
}
