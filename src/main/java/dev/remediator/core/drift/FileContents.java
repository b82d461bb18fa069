package dev.remediator.core.drift;

import java.io.IOException;

/**
 * Where the content of a file comes from: the disk for the command line, the GitHub API for a push. The classifier
 * asks only for generated files whose blob changed; the recorder for generated files it has no hash of yet.
 */
@FunctionalInterface
public interface FileContents {

    /** The bytes of the file at {@code path} whose git blob SHA is {@code blob}. */
    byte[] read(String path, String blob) throws IOException;
}
