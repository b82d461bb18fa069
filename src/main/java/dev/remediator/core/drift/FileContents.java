package dev.remediator.core.drift;

import java.io.IOException;

/**
 * Where the content of a file comes from: the disk for the command line, the GitHub API for a push. The classifier
 * asks only for generated files whose blob changed; the recorder for generated files it has no hash of yet.
 */
@FunctionalInterface
public interface FileContents {

    /**
     * The bytes of the file at {@code path} whose git blob SHA is {@code blob}.
     *
     * @throws IOException when this one file cannot be read: the classifier counts it as edited, with less
     *                     confidence, and goes on. Any other exception stops the classification, so that a source
     *                     that is down as a whole (GitHub unavailable) can be retried rather than reported as drift.
     */
    byte[] read(String path, String blob) throws IOException;
}
