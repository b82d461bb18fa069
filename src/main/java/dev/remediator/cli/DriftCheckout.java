package dev.remediator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.remediator.core.drift.FileContents;
import dev.remediator.core.drift.GitBlobSha;
import dev.remediator.core.drift.GlobSet;
import dev.remediator.core.drift.PathIndex;
import dev.remediator.core.drift.ProvenanceException;
import dev.remediator.core.drift.ProvenanceManifest;
import dev.remediator.core.drift.ProvenanceManifestJson;
import dev.remediator.core.drift.RepositoryTree;

/**
 * A local checkout as the drift core sees it: the files git would commit (in a git checkout, those
 * {@code git ls-files} lists, tracked or new but not ignored; elsewhere every file), their blob SHAs as git computes
 * them, and their contents read from disk.
 */
final class DriftCheckout implements FileContents {

    private final Path root;
    private final PathIndex paths;

    private DriftCheckout(Path root, PathIndex paths) {
        this.root = root;
        this.paths = paths;
    }

    /** Opens the checkout whose root is {@code dir}: manifest paths are relative to the repository's root. */
    static DriftCheckout open(Path dir) throws ProvenanceException, IOException {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new ProvenanceException(dir + " is not a folder");
        }
        if (Files.exists(root.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
            return new DriftCheckout(root, PathIndex.of(gitFiles(root)));
        }
        for (Path parent = root.getParent(); parent != null; parent = parent.getParent()) {
            if (Files.exists(parent.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                throw new ProvenanceException(root + " is inside the git repository at " + parent
                        + ", not its root; paths in the manifest are relative to the root: run there");
            }
        }
        return new DriftCheckout(root, PathIndex.of(walk(root)));
    }

    /**
     * The files that match any of the glob sets, with their blob SHAs computed from disk (only theirs: hashing a
     * whole checkout would read every file); files gone since the listing are left out.
     */
    RepositoryTree tree(Collection<GlobSet> globs) throws IOException {
        Set<String> wanted = new TreeSet<>();
        globs.forEach(set -> wanted.addAll(set.select(paths)));
        RepositoryTree.Builder tree = RepositoryTree.builder();
        for (String path : wanted) {
            Path file = root.resolve(path);
            try {
                if (Files.isSymbolicLink(file)) {
                    tree.add(path, GitBlobSha.of(linkTarget(file)));
                } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    try (InputStream content = Files.newInputStream(file)) {
                        tree.add(path, GitBlobSha.of(content, Files.size(file)));
                    }
                }
            } catch (NoSuchFileException deletedSinceListed) {
                // git still lists a file deleted from the working tree but not from the index
            }
        }
        return tree.build();
    }

    @Override
    public byte[] read(String path, String blob) throws IOException {
        Path file = root.resolve(path);
        return Files.isSymbolicLink(file) ? linkTarget(file) : Files.readAllBytes(file);
    }

    /** The text of a file of the checkout, if it exists. */
    Optional<String> readText(String path) throws IOException {
        Path file = root.resolve(path);
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** The manifest in {@code text}; the message of a problem names the file. */
    static ProvenanceManifest parseManifest(String manifestFile, String text) throws ProvenanceException {
        try {
            return ProvenanceManifestJson.read(text);
        } catch (ProvenanceException e) {
            throw new ProvenanceException("the manifest " + manifestFile + " is invalid: " + e.getMessage());
        }
    }

    /** Replaces a file of the checkout in one move, so that a reader never sees half of it. */
    void writeText(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Git's blob for a symbolic link is the link's target. */
    private static byte[] linkTarget(Path link) throws IOException {
        return Files.readSymbolicLink(link).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> gitFiles(Path root) throws ProvenanceException, IOException {
        Process git;
        try {
            git = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z", "--cached", "--others", "--exclude-standard").start();
            git.getOutputStream().close();
        } catch (IOException e) {
            throw new ProvenanceException("git is needed to list the files of the git checkout " + root
                    + " (it knows which files .gitignore leaves out): " + e.getMessage());
        }
        byte[] listing = git.getInputStream().readAllBytes();
        String errors = new String(git.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (git.waitFor() != 0) {
                throw new ProvenanceException("git ls-files failed in " + root + ": " + errors);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while git listed the files of " + root, e);
        }
        List<String> files = new ArrayList<>();
        for (String path : new String(listing, StandardCharsets.UTF_8).split("\0")) {
            if (!path.isEmpty()) {
                files.add(path);
            }
        }
        return files;
    }

    private static List<String> walk(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.getFileName() != null && dir.getFileName().toString().equals(".git") ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() || attributes.isSymbolicLink()) {
                    files.add(root.relativize(file).toString().replace('\\', '/'));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }
}
