package dev.remediator.core.drift;

/** One node of the manifest: a generator run, its spec files and its generated files as they were recorded. */
public record ProvenanceNode(String id, String context, Generator generator, TrackedFiles spec, TrackedFiles generated) {

    public NodeDefinition definition() {
        return new NodeDefinition(id, context, generator, spec.globs(), generated.globs());
    }
}
