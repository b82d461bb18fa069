package dev.remediator.core.remediation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.remediator.core.history.CommitChange;

/**
 * The tree changes that revert a commit on top of a newer head: every file the commit touched goes back to
 * its state in the commit's parent. Refused when a later commit touched one of those files, since putting back the
 * parent's version would silently drop that later work.
 */
public final class RevertPlan {

    /** A file in a git tree. */
    public record TreeEntry(String path, String mode, String sha) {
    }

    /** One entry of a tree to create on top of the head's tree; a null {@code sha} deletes the path. */
    public record TreeChange(String path, String mode, String sha) {
        public boolean deletion() {
            return sha == null;
        }
    }

    public record Plan(List<TreeChange> changes, String commitMessage) {
    }

    /** Regular file: the mode a deletion entry carries when the parent has no entry to take it from. */
    private static final String FILE_MODE = "100644";

    /**
     * @param parentEntries the parent's tree entries for the commit's paths (absent: the path did not exist)
     * @param touchedLater  files changed by commits after the culprit, up to the branch head
     * @param listedInFull  see {@link #refusal}
     */
    public static Plan plan(CommitChange culprit, Map<String, TreeEntry> parentEntries, Collection<String> touchedLater,
            boolean listedInFull) throws RefusedException {
        Optional<String> refusal = refusal(culprit, touchedLater, listedInFull);
        if (refusal.isPresent()) {
            throw new RefusedException(refusal.get());
        }
        List<TreeChange> changes = new ArrayList<>();
        for (CommitChange.ChangedFile file : culprit.files()) {
            switch (file.status()) {
                case "added", "copied" -> changes.add(deletion(file.path(), parentEntries));
                case "renamed" -> {
                    changes.add(deletion(file.path(), parentEntries));
                    changes.add(restore(file.previousPath(), parentEntries));
                }
                default -> changes.add(restore(file.path(), parentEntries));
            }
        }
        String message = "Revert \"" + culprit.title() + "\"\n\nThis reverts commit " + culprit.sha() + ".\n";
        return new Plan(changes, message);
    }

    /**
     * Why the culprit cannot be reverted over these later changes, if it cannot.
     *
     * @param listedInFull false when GitHub may have left files out of the culprit's or the later commits' lists
     *                     (it lists at most 300 at once): then nothing can be said safe
     */
    public static Optional<String> refusal(CommitChange culprit, Collection<String> touchedLater, boolean listedInFull) {
        if (!listedInFull) {
            return Optional.of("GitHub lists only part of the files changed by " + culprit.shortSha()
                    + " or after it (300 or more), too many to be sure a revert drops nothing");
        }
        List<String> conflicts = culprit.files().stream().flatMap(f -> f.paths().stream())
                .filter(touchedLater::contains).distinct().toList();
        if (conflicts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("later commits changed " + String.join(", ", conflicts.subList(0, Math.min(5, conflicts.size())))
                + (conflicts.size() > 5 ? " and " + (conflicts.size() - 5) + " more" : "") + " after " + culprit.shortSha());
    }

    private static TreeChange restore(String path, Map<String, TreeEntry> parentEntries) throws RefusedException {
        TreeEntry entry = Optional.ofNullable(parentEntries.get(path)).orElseThrow(() -> new RefusedException(
                path + " is not in the parent commit's tree, so it cannot be put back"));
        return new TreeChange(path, entry.mode(), entry.sha());
    }

    private static TreeChange deletion(String path, Map<String, TreeEntry> parentEntries) {
        TreeEntry before = parentEntries.get(path);
        return new TreeChange(path, before == null ? FILE_MODE : before.mode(), null);
    }

    /** Reverting is not safe; the message says why, for the check run. */
    public static final class RefusedException extends Exception {
        public RefusedException(String reason) {
            super(reason);
        }
    }
}
