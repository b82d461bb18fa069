package dev.remediator.flow.drift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.remediator.core.drift.FileContents;
import dev.remediator.core.drift.GitBlobSha;
import dev.remediator.github.GitHubApiException;
import dev.remediator.github.RepositoryGitHub;

/**
 * File contents at one commit, read from GitHub one request per file and checked against the blob the tree names.
 * A 4xx about one file makes that file unreadable (the classifier goes on without it); GitHub being unavailable
 * stops the work, so that it is retried rather than reporting drift that is not there.
 */
final class CommitContents implements FileContents {

    private final RepositoryGitHub github;
    private final String sha;
    private final Map<String, byte[]> remembered;

    private CommitContents(RepositoryGitHub github, String sha, Map<String, byte[]> remembered) {
        this.github = github;
        this.sha = sha;
        this.remembered = remembered;
    }

    static CommitContents at(RepositoryGitHub github, String sha) {
        return new CommitContents(github, sha, null);
    }

    /** The same, keeping what it read: for a rebaseline, which checks a node and then records it. */
    static CommitContents remembering(RepositoryGitHub github, String sha) {
        return new CommitContents(github, sha, new HashMap<>());
    }

    @Override
    public byte[] read(String path, String blob) throws IOException {
        byte[] known = remembered == null ? null : remembered.get(path);
        if (known != null && GitBlobSha.of(known).equals(blob)) {
            return known;
        }
        Optional<byte[]> content;
        try {
            content = github.fileBytes(path, sha);
        } catch (GitHubApiException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = content.orElseThrow(() -> new IOException("GitHub has no such file at " + sha));
        if (!GitBlobSha.of(bytes).equals(blob)) {
            throw new IOException("GitHub's content is not the blob " + blob + " that the tree names");
        }
        if (remembered != null) {
            remembered.put(path, bytes);
        }
        return bytes;
    }
}
