package dev.remediator.testing.github;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One repository's object database, written in git's own object formats so that every blob, tree and commit has
 * the SHA that git would give it.
 */
public final class GitObjects {

    public static final String FILE_MODE = "100644";
    public static final String DIRECTORY_MODE = "040000";

    /** An author or committer line: who and when. */
    public record Signature(String name, String email, OffsetDateTime date) {

        public static Signature at(String name, String email, Instant date) {
            return new Signature(name, email, date.atOffset(ZoneOffset.UTC));
        }
    }

    /** One entry of a tree: `mode`, `type` (blob, tree or commit) and the SHA of the object. */
    public record TreeEntry(String mode, String type, String sha) {
    }

    public record Blob(String sha, byte[] content) {
    }

    /** A tree's direct entries by name. */
    public record Tree(String sha, Map<String, TreeEntry> entries) {
    }

    public record Commit(String sha, String tree, List<String> parents, Signature author, Signature committer,
            String message) {
    }

    private final Map<String, Blob> blobs = new ConcurrentHashMap<>();
    private final Map<String, Tree> trees = new ConcurrentHashMap<>();
    private final Map<String, Commit> commits = new ConcurrentHashMap<>();

    public String putBlob(byte[] content) {
        String sha = hash("blob", content);
        blobs.putIfAbsent(sha, new Blob(sha, content.clone()));
        return sha;
    }

    public String putTree(Map<String, TreeEntry> entries) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String> names = new ArrayList<>(entries.keySet());
        // git orders a directory as if its name ended with '/'
        names.sort(Comparator.comparing(name -> sortKey(name, entries.get(name))));
        for (String name : names) {
            TreeEntry entry = entries.get(name);
            String mode = entry.mode().startsWith("0") ? entry.mode().substring(1) : entry.mode();
            body.writeBytes((mode + " " + name + "\0").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(HexFormat.of().parseHex(entry.sha()));
        }
        String sha = hash("tree", body.toByteArray());
        trees.putIfAbsent(sha, new Tree(sha, Map.copyOf(entries)));
        return sha;
    }

    private static String sortKey(String name, TreeEntry entry) {
        return "tree".equals(entry.type()) ? name + "/" : name;
    }

    public String putCommit(String tree, List<String> parents, Signature author, Signature committer,
            String message) {
        StringBuilder body = new StringBuilder("tree ").append(tree).append('\n');
        parents.forEach(parent -> body.append("parent ").append(parent).append('\n'));
        body.append("author ").append(signatureLine(author)).append('\n');
        body.append("committer ").append(signatureLine(committer)).append('\n');
        body.append('\n').append(message);
        String sha = hash("commit", body.toString().getBytes(StandardCharsets.UTF_8));
        commits.putIfAbsent(sha, new Commit(sha, tree, List.copyOf(parents), author, committer, message));
        return sha;
    }

    private static String signatureLine(Signature signature) {
        int offsetMinutes = signature.date().getOffset().getTotalSeconds() / 60;
        String zone = String.format("%s%02d%02d", offsetMinutes < 0 ? "-" : "+", Math.abs(offsetMinutes) / 60,
                Math.abs(offsetMinutes) % 60);
        return signature.name() + " <" + signature.email() + "> " + signature.date().toEpochSecond() + " " + zone;
    }

    private static String hash(String type, byte[] content) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update((type + " " + content.length + "\0").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha1.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    public Optional<Blob> blob(String sha) {
        return Optional.ofNullable(blobs.get(sha));
    }

    public Optional<Tree> tree(String sha) {
        return Optional.ofNullable(trees.get(sha));
    }

    public Optional<Commit> commit(String sha) {
        return Optional.ofNullable(commits.get(sha));
    }

    public boolean contains(String sha) {
        return blobs.containsKey(sha) || trees.containsKey(sha) || commits.containsKey(sha);
    }

    /** Every blob (and submodule) under a tree by its full path, in path order. */
    public Map<String, TreeEntry> flatten(String treeSha) {
        Map<String, TreeEntry> files = new TreeMap<>();
        flattenInto(treeSha, "", files);
        return files;
    }

    private void flattenInto(String treeSha, String prefix, Map<String, TreeEntry> files) {
        Tree tree = trees.get(treeSha);
        if (tree == null) {
            throw new IllegalArgumentException("No tree " + treeSha);
        }
        tree.entries().forEach((name, entry) -> {
            if ("tree".equals(entry.type())) {
                flattenInto(entry.sha(), prefix + name + "/", files);
            } else {
                files.put(prefix + name, entry);
            }
        });
    }

    /** Writes the trees for a set of files given by full path, and returns the root tree's SHA. */
    public String writeTree(Map<String, TreeEntry> files) {
        Map<String, Map<String, TreeEntry>> byDirectory = new TreeMap<>(
                Comparator.comparingInt((String dir) -> dir.isEmpty() ? 0 : dir.split("/").length).reversed()
                        .thenComparing(Comparator.naturalOrder()));
        byDirectory.put("", new TreeMap<>());
        files.forEach((path, entry) -> {
            int slash = path.lastIndexOf('/');
            String directory = slash < 0 ? "" : path.substring(0, slash);
            byDirectory.computeIfAbsent(directory, key -> new TreeMap<>()).put(path.substring(slash + 1), entry);
            for (String parent = directory; !parent.isEmpty(); parent = parentOf(parent)) {
                byDirectory.computeIfAbsent(parentOf(parent), key -> new TreeMap<>());
                byDirectory.computeIfAbsent(parent, key -> new TreeMap<>());
            }
        });
        // deepest directories first, so that each parent sees its children's SHAs
        String root = null;
        for (Map.Entry<String, Map<String, TreeEntry>> directory : byDirectory.entrySet()) {
            String sha = putTree(directory.getValue());
            String path = directory.getKey();
            if (path.isEmpty()) {
                root = sha;
            } else {
                String name = path.substring(path.lastIndexOf('/') + 1);
                byDirectory.get(parentOf(path)).put(name, new TreeEntry(DIRECTORY_MODE, "tree", sha));
            }
        }
        return root;
    }

    private static String parentOf(String directory) {
        int slash = directory.lastIndexOf('/');
        return slash < 0 ? "" : directory.substring(0, slash);
    }

    /** The commits reachable from a commit, newest first (by committer date, then discovery order). */
    public List<Commit> history(String sha) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(sha));
        while (!pending.isEmpty()) {
            String next = pending.poll();
            Commit commit = commits.get(next);
            if (commit != null && seen.add(next)) {
                pending.addAll(commit.parents());
            }
        }
        List<Commit> history = new ArrayList<>();
        seen.forEach(reachable -> history.add(commits.get(reachable)));
        history.sort(Comparator.comparing((Commit commit) -> commit.committer().date().toInstant()).reversed());
        return history;
    }

    public boolean isAncestor(String ancestor, String descendant) {
        return history(descendant).stream().anyMatch(commit -> commit.sha().equals(ancestor));
    }

    /** The newest commit reachable from both, if any. */
    public Optional<Commit> mergeBase(String first, String second) {
        Set<String> fromFirst = new HashSet<>();
        history(first).forEach(commit -> fromFirst.add(commit.sha()));
        return history(second).stream().filter(commit -> fromFirst.contains(commit.sha())).findFirst();
    }
}
