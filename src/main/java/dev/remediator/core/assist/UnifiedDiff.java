package dev.remediator.core.assist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unified diff (as {@code git diff} prints it) of changes to existing files, applied strictly: every hunk's context
 * and removed lines must be exactly the file's lines at the hunk's stated place, no offset, no fuzz. A diff that
 * creates, deletes or renames files, whose hunk counts disagree with its lines, or that does not apply is refused
 * with the reason.
 */
public record UnifiedDiff(List<FilePatch> files) {

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");

    public UnifiedDiff {
        files = List.copyOf(files);
    }

    /** The changes to one file. */
    public record FilePatch(String path, List<Hunk> hunks) {
        public FilePatch {
            hunks = List.copyOf(hunks);
        }
    }

    /**
     * @param lines the hunk's lines, each with its marker: {@code ' '} context, {@code '-'} removed, {@code '+'} added
     */
    public record Hunk(int oldStart, int oldCount, int newStart, int newCount, List<String> lines) {
        public Hunk {
            lines = List.copyOf(lines);
        }

        List<String> before() {
            return lines.stream().filter(l -> l.charAt(0) != '+').map(l -> l.substring(1)).toList();
        }

        List<String> after() {
            return lines.stream().filter(l -> l.charAt(0) != '-').map(l -> l.substring(1)).toList();
        }
    }

    /** Why a diff is not applied. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }

    public static UnifiedDiff parse(String text) throws Refused {
        // the text's final line break ends the last line; it opens no empty context line
        String normalised = text.replace("\r\n", "\n");
        List<String> lines = Arrays.asList((normalised.endsWith("\n") ? normalised.substring(0, normalised.length() - 1)
                : normalised).split("\n", -1));
        List<FilePatch> files = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (!line.startsWith("--- ")) {
                if (line.startsWith("@@") || line.startsWith("+++ ")) {
                    throw new Refused("a hunk or a new file's name comes before its old file's name (--- a/PATH)");
                }
                i++;
                continue;
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("+++ ")) {
                throw new Refused("`" + line + "` is not followed by +++ b/PATH");
            }
            String oldPath = path(line.substring(4));
            String newPath = path(lines.get(i + 1).substring(4));
            if (oldPath == null || newPath == null) {
                throw new Refused("it creates or deletes a file: a fix changes existing files only");
            }
            if (!oldPath.equals(newPath)) {
                throw new Refused("it renames " + oldPath + " to " + newPath + ": a fix changes files in place");
            }
            i += 2;
            List<Hunk> hunks = new ArrayList<>();
            while (i < lines.size() && lines.get(i).startsWith("@@")) {
                i = hunk(lines, i, oldPath, hunks);
            }
            if (hunks.isEmpty()) {
                throw new Refused("no hunk for " + oldPath);
            }
            files.add(new FilePatch(oldPath, hunks));
        }
        if (files.isEmpty()) {
            throw new Refused("no file changes in the diff");
        }
        if (files.stream().map(FilePatch::path).distinct().count() < files.size()) {
            throw new Refused("a file appears twice in the diff");
        }
        return new UnifiedDiff(files);
    }

    /** Reads the hunk whose header is at {@code start}; returns the index after it. */
    private static int hunk(List<String> lines, int start, String path, List<Hunk> hunks) throws Refused {
        Matcher header = HUNK.matcher(lines.get(start));
        if (!header.matches()) {
            throw new Refused("a malformed hunk header in " + path + ": " + lines.get(start));
        }
        int oldCount = header.group(2) == null ? 1 : Integer.parseInt(header.group(2));
        int newCount = header.group(4) == null ? 1 : Integer.parseInt(header.group(4));
        List<String> body = new ArrayList<>();
        int old = 0;
        int added = 0;
        int i = start + 1;
        while (i < lines.size() && (old < oldCount || added < newCount)) {
            String line = lines.get(i);
            if (line.startsWith("\\")) {
                i++;
                continue;
            }
            char marker = line.isEmpty() ? ' ' : line.charAt(0);
            String content = line.isEmpty() ? " " : line;
            if (marker != ' ' && marker != '-' && marker != '+') {
                break;
            }
            body.add(content);
            if (marker != '+') {
                old++;
            }
            if (marker != '-') {
                added++;
            }
            i++;
        }
        if (old != oldCount || added != newCount) {
            throw new Refused("a hunk of " + path + " says " + oldCount + " old and " + newCount + " new lines but has "
                    + old + " and " + added);
        }
        while (i < lines.size() && lines.get(i).startsWith("\\")) {
            i++;
        }
        hunks.add(new Hunk(Integer.parseInt(header.group(1)), oldCount, Integer.parseInt(header.group(3)), newCount, body));
        return i;
    }

    /** {@code a/src/X.java} is {@code src/X.java}; {@code /dev/null} is null; a path out of the repository is refused. */
    private static String path(String named) throws Refused {
        String path = named.split("\t", 2)[0].strip();
        if (path.equals("/dev/null")) {
            return null;
        }
        if (path.startsWith("a/") || path.startsWith("b/")) {
            path = path.substring(2);
        }
        if (path.isEmpty() || path.startsWith("/") || Arrays.asList(path.split("/")).contains("..")) {
            throw new Refused("the path " + named.strip() + " is not inside the repository");
        }
        return path;
    }

    public List<String> paths() {
        return files.stream().map(FilePatch::path).toList();
    }

    public int linesAdded() {
        return count('+');
    }

    public int linesRemoved() {
        return count('-');
    }

    private int count(char marker) {
        return (int) files.stream().flatMap(f -> f.hunks().stream()).flatMap(h -> h.lines().stream())
                .filter(l -> l.charAt(0) == marker).count();
    }

    /** Lines added or removed, in one direction: {@code '+'} or {@code '-'}, without their marker. */
    public List<String> lines(char marker) {
        return files.stream().flatMap(f -> f.hunks().stream()).flatMap(h -> h.lines().stream())
                .filter(l -> l.charAt(0) == marker).map(l -> l.substring(1)).toList();
    }

    /**
     * The files as the diff leaves them, from their content before. Each hunk must find its context and removed lines
     * exactly at its stated line, in order, without overlapping the one before.
     */
    public Map<String, String> apply(Map<String, String> before) throws Refused {
        Map<String, String> after = new LinkedHashMap<>();
        for (FilePatch file : files) {
            String content = before.get(file.path());
            if (content == null) {
                throw new Refused("it changes " + file.path() + ", a file it was not given");
            }
            after.put(file.path(), apply(file, content));
        }
        return after;
    }

    private static String apply(FilePatch file, String content) throws Refused {
        boolean endsWithNewline = content.endsWith("\n");
        List<String> lines = new ArrayList<>(Arrays.asList(content.split("\n", -1)));
        if (endsWithNewline) {
            lines.remove(lines.size() - 1);
        }
        List<String> result = new ArrayList<>();
        int next = 0;
        for (Hunk hunk : file.hunks()) {
            // a hunk that removes from an empty file starts at 0; otherwise line numbers are 1-based
            int at = hunk.oldCount() == 0 ? hunk.oldStart() : hunk.oldStart() - 1;
            if (at < next) {
                throw new Refused("hunks of " + file.path() + " overlap or are out of order");
            }
            List<String> expected = hunk.before();
            if (at + expected.size() > lines.size() || !lines.subList(at, at + expected.size()).equals(expected)) {
                throw new Refused("a hunk of " + file.path() + " does not match the file at line " + hunk.oldStart()
                        + ": its context differs from the file at the failing commit");
            }
            result.addAll(lines.subList(next, at));
            result.addAll(hunk.after());
            next = at + expected.size();
        }
        result.addAll(lines.subList(next, lines.size()));
        return String.join("\n", result) + (endsWithNewline ? "\n" : "");
    }
}
