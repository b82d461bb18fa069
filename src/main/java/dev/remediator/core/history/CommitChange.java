package dev.remediator.core.history;

import java.util.List;

/**
 * A commit and the files it changed, as GitHub's commit API describes it.
 *
 * @param authorLogin the GitHub login of its author, or null when the email matches no account
 */
public record CommitChange(String sha, String title, String authorLogin, List<ChangedFile> files) {

    public CommitChange {
        files = List.copyOf(files);
    }

    public String shortSha() {
        return shortSha(sha);
    }

    /** The 7 characters GitHub shows of a SHA. */
    public static String shortSha(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }

    public int linesChanged() {
        return files.stream().mapToInt(f -> f.additions() + f.deletions()).sum();
    }

    /**
     * One file of a commit. {@code status} is GitHub's: added, removed, modified, renamed, copied, changed.
     * {@code previousPath} is set for renames.
     */
    public record ChangedFile(String path, String status, String previousPath, int additions, int deletions) {

        /** Every path this change touches: a rename touches both its old and its new path. */
        public List<String> paths() {
            return previousPath == null ? List.of(path) : List.of(previousPath, path);
        }
    }
}
