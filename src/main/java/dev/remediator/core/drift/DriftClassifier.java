package dev.remediator.core.drift;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Classifies every node of a manifest against a tree. It needs no checkout: the tree's blob SHAs tell
 * what changed, and contents are read only for generated files whose blob changed, to tell formatting from edits.
 *
 * <p>Confidence starts from how directly the kind follows from what changed (NONE 1.0; CODE_STALE 0.95, as a spec
 * edit may leave the output alone; BENIGN 0.95, as folded whitespace may matter where line breaks end statements;
 * SPEC_STALE 0.9, as a generator upgrade committed without recording looks the same; SEMANTIC 0.8, as a correct
 * regeneration committed without recording looks the same) and is lowered for each doubt, named in the notes:
 * a changed file could not be read (x0.6), its hash was made by other normalisation rules (x0.7), the spec only
 * gained or lost files (x0.8), the generated side only gained or lost files (x0.8).
 */
public final class DriftClassifier {

    private DriftClassifier() {
    }

    public static DriftReport classify(ProvenanceManifest manifest, RepositoryTree tree, FileContents contents) {
        List<NodeDrift> nodes = new ArrayList<>(manifest.nodes().size());
        int[] filesRead = { 0 };
        for (ProvenanceNode node : manifest.nodes()) {
            nodes.add(classify(node, tree, contents, filesRead));
        }
        return new DriftReport(nodes, filesRead[0]);
    }

    private static NodeDrift classify(ProvenanceNode node, RepositoryTree tree, FileContents contents, int[] filesRead) {
        List<String> specNow = node.spec().globs().select(tree.paths());
        FileChanges spec = compare(node.spec(), specNow, tree);
        FileChanges generated = compare(node.generated(), node.generated().globs().select(tree.paths()), tree);
        List<String> reformatted = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double doubt = 1.0;
        boolean unreadable = false;
        boolean otherRules = false;
        for (String path : generated.changed()) {
            String recorded = node.generated().file(path).normalised();
            if (!NormalisedText.madeByCurrentRules(path, recorded)) {
                otherRules = true;
                notes.add(path + " was recorded with the normalisation rules " + NormalisedText.rulesOf(recorded)
                        + ", which this version no longer applies: it counts as edited; record the node again to compare");
                continue;
            }
            try {
                byte[] content = contents.read(path, tree.blob(path));
                filesRead[0]++;
                if (NormalisedText.hash(path, content).equals(recorded)) {
                    reformatted.add(path);
                }
            } catch (IOException e) {
                unreadable = true;
                notes.add("could not read " + path + " (" + e.getMessage() + "): it counts as edited");
            }
        }
        doubt *= unreadable ? 0.6 : 1.0;
        doubt *= otherRules ? 0.7 : 1.0;

        boolean specChanged = !spec.isEmpty();
        boolean specGone = specChanged && specNow.isEmpty();
        boolean handEdited = reformatted.size() < generated.changed().size();
        DriftKind kind;
        if (!specChanged && generated.isEmpty()) {
            kind = DriftKind.NONE;
        } else if (specGone || generated.hasAddedOrVanished() || (specChanged && handEdited)) {
            kind = DriftKind.SEMANTIC;
        } else if (specChanged) {
            kind = DriftKind.CODE_STALE;
        } else {
            kind = handEdited ? DriftKind.SPEC_STALE : DriftKind.BENIGN;
        }
        if (specChanged && spec.changed().isEmpty() && kind != DriftKind.NONE) {
            doubt *= 0.8;
            notes.add("the spec only gained or lost files: check that its globs " + node.spec().globs() + " take only spec files");
        }
        if (kind == DriftKind.SEMANTIC && generated.hasAddedOrVanished() && !handEdited && !specChanged) {
            doubt *= 0.8;
            notes.add("generated files only appeared or vanished: check that the generated globs " + node.generated().globs()
                    + " take only generated files");
        }
        if (specGone) {
            notes.add("no file matches the spec globs " + node.spec().globs() + " any more");
        }
        double confidence = Math.round(baseConfidence(kind) * doubt * 100) / 100.0;
        return new NodeDrift(node.id(), node.context(), node.generator(), kind, confidence,
                suggestions(kind, node, spec, generated, reformatted, specGone), spec, generated, reformatted, notes);
    }

    private static FileChanges compare(TrackedFiles recorded, List<String> now, RepositoryTree tree) {
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        Set<String> present = new HashSet<>(now);
        for (String path : now) {
            RecordedFile file = recorded.file(path);
            if (file == null) {
                added.add(path);
            } else if (!file.blob().equals(tree.blob(path))) {
                changed.add(path);
            }
        }
        List<String> vanished = recorded.files().stream().map(RecordedFile::path).filter(path -> !present.contains(path)).toList();
        return new FileChanges(changed, added, vanished);
    }

    private static double baseConfidence(DriftKind kind) {
        return switch (kind) {
            case NONE -> 1.0;
            case CODE_STALE, BENIGN -> 0.95;
            case SPEC_STALE -> 0.9;
            case SEMANTIC -> 0.8;
        };
    }

    private static List<Suggestion> suggestions(DriftKind kind, ProvenanceNode node, FileChanges spec, FileChanges generated,
            List<String> reformatted, boolean specGone) {
        String regenerate = "run the generator's command";
        String record = "then record the node again (remediator provenance record)";
        int edited = generated.changed().size() - reformatted.size();
        return switch (kind) {
            case NONE -> List.of();
            case CODE_STALE -> List.of(new Suggestion(SuggestedAction.REGENERATE, true,
                    "The spec changed (" + count(spec.size(), "file") + ") but the generated files did not: " + regenerate + ", " + record + "."));
            case BENIGN -> List.of(new Suggestion(SuggestedAction.REBASELINE, true,
                    "Only formatting or comments changed in " + count(reformatted.size(), "generated file") + ": record the node again to accept them."));
            case SPEC_STALE -> List.of(
                    new Suggestion(SuggestedAction.UPDATE_SPEC, false,
                            count(edited, "generated file") + " changed by hand while the spec did not: carry the change into the spec, then regenerate."),
                    new Suggestion(SuggestedAction.REGENERATE, false,
                            "Or " + regenerate + " to drop the hand edit, " + record + "; review first, as the edit is lost."));
            case SEMANTIC -> specGone
                    ? List.of(new Suggestion(SuggestedAction.MANUAL_REVIEW, false,
                            "The spec is gone: fix the node's spec globs, or remove the node and its generated files."))
                    : List.of(new Suggestion(SuggestedAction.MANUAL_REVIEW, false, semanticReason(spec, generated, edited)
                            + ": review whether the generated files match the spec, " + record + "."),
                            new Suggestion(SuggestedAction.REGENERATE, false,
                                    "Run the generator's command and compare its output with the committed files."));
        };
    }

    private static String semanticReason(FileChanges spec, FileChanges generated, int edited) {
        List<String> what = new ArrayList<>();
        if (!spec.isEmpty()) {
            what.add("the spec changed (" + count(spec.size(), "file") + ")");
        }
        if (edited > 0) {
            what.add(count(edited, "generated file") + " changed by hand");
        }
        if (!generated.added().isEmpty()) {
            what.add(count(generated.added().size(), "generated file") + " appeared");
        }
        if (!generated.vanished().isEmpty()) {
            what.add(count(generated.vanished().size(), "generated file") + " vanished");
        }
        String reason = String.join(", ", what);
        return Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
    }

    private static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
