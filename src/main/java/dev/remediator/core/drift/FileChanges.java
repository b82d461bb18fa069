package dev.remediator.core.drift;

import java.util.List;

/**
 * How one side of a node differs from its record: files whose blob changed, files that now match its globs but
 * were not recorded, and recorded files that are gone or no longer match. Each list is sorted.
 */
public record FileChanges(List<String> changed, List<String> added, List<String> vanished) {

    public FileChanges {
        changed = List.copyOf(changed);
        added = List.copyOf(added);
        vanished = List.copyOf(vanished);
    }

    public boolean isEmpty() {
        return changed.isEmpty() && added.isEmpty() && vanished.isEmpty();
    }

    /** Whether files appeared or vanished, as opposed to only changing. */
    public boolean hasAddedOrVanished() {
        return !added.isEmpty() || !vanished.isEmpty();
    }

    public int size() {
        return changed.size() + added.size() + vanished.size();
    }
}
