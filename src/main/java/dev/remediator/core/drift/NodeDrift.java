package dev.remediator.core.drift;

import java.util.List;

/**
 * The drift of one node: its kind, how sure the classification is (0 to 1), the ranked suggestions, and the files
 * behind it. {@code reformatted} lists the changed generated files whose normalised text still matches; the other
 * changed generated files are {@link #handEdited()}. {@code notes} say what lowered the confidence.
 */
public record NodeDrift(String id, String context, Generator generator, DriftKind kind, double confidence,
        List<Suggestion> suggestions, FileChanges spec, FileChanges generated, List<String> reformatted, List<String> notes) {

    public NodeDrift {
        suggestions = List.copyOf(suggestions);
        reformatted = List.copyOf(reformatted);
        notes = List.copyOf(notes);
    }

    /** The changed generated files whose text differs beyond formatting and comments (or could not be compared). */
    public List<String> handEdited() {
        return generated.changed().stream().filter(path -> !reformatted.contains(path)).toList();
    }
}
