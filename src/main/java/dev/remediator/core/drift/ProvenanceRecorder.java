package dev.remediator.core.drift;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a node after a generation run: the blob SHAs of the files its globs match in the tree, and the
 * normalised hash of each generated file. A rebaseline is the same call with the node's own definition.
 */
public final class ProvenanceRecorder {

    private ProvenanceRecorder() {
    }

    /**
     * @param previous the node as recorded before, or null: a generated file whose blob did not change keeps its
     *                 normalised hash, so that only new or changed files are read
     * @throws ProvenanceException when a glob matches no file, or a file is both a spec and a generated file
     * @throws IOException when a generated file cannot be read
     */
    public static ProvenanceNode record(NodeDefinition definition, RepositoryTree tree, FileContents contents, ProvenanceNode previous)
            throws ProvenanceException, IOException {
        List<String> specPaths = select(definition.spec(), tree, "spec");
        List<String> generatedPaths = select(definition.generated(), tree, "generated");
        for (String path : specPaths) {
            if (definition.generated().matches(path)) {
                throw new ProvenanceException(path + " matches both the spec globs " + definition.spec() + " and the generated globs "
                        + definition.generated() + "; exclude it from one side with '!" + path + "'");
            }
        }
        List<RecordedFile> spec = new ArrayList<>();
        for (String path : specPaths) {
            spec.add(new RecordedFile(path, tree.blob(path), null));
        }
        List<RecordedFile> generated = new ArrayList<>();
        for (String path : generatedPaths) {
            String blob = tree.blob(path);
            RecordedFile before = previous == null ? null : previous.generated().file(path);
            boolean reusable = before != null && before.blob().equals(blob) && NormalisedText.madeByCurrentRules(path, before.normalised());
            String normalised = reusable ? before.normalised() : NormalisedText.hash(path, contents.read(path, blob));
            generated.add(new RecordedFile(path, blob, normalised));
        }
        return new ProvenanceNode(definition.id(), definition.context(), definition.generator(),
                new TrackedFiles(definition.spec(), spec), new TrackedFiles(definition.generated(), generated));
    }

    private static List<String> select(GlobSet globs, RepositoryTree tree, String side) throws ProvenanceException {
        for (PathGlob glob : globs.inclusions()) {
            if (!glob.matchesAnyIn(tree.paths())) {
                throw new ProvenanceException("the " + side + " glob '" + glob + "' matches no file"
                        + (glob.pattern().contains("*") ? "" : " (to take everything under a folder, write '" + glob + "/**')"));
            }
        }
        return globs.select(tree.paths());
    }
}
