package dev.remediator.core.drift;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A repository's files held in memory: its tree (blob SHAs as git computes them) and a content source that logs reads. */
final class FilesInMemory implements FileContents {

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    final List<String> reads = new ArrayList<>();

    FilesInMemory put(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    FilesInMemory remove(String path) {
        files.remove(path);
        return this;
    }

    FilesInMemory copy() {
        FilesInMemory copy = new FilesInMemory();
        copy.files.putAll(files);
        return copy;
    }

    RepositoryTree tree() {
        RepositoryTree.Builder tree = RepositoryTree.builder();
        files.forEach((path, content) -> tree.add(path, GitBlobSha.of(content)));
        return tree.build();
    }

    @Override
    public byte[] read(String path, String blob) throws IOException {
        reads.add(path);
        byte[] content = files.get(path);
        if (content == null || !GitBlobSha.of(content).equals(blob)) {
            throw new IOException("no blob " + blob + " at " + path);
        }
        return content;
    }
}
