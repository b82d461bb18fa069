package dev.remediator.core.drift;

import java.util.Objects;

/** One node of the manifest: a generator run, its spec files and its generated files as they were recorded. */
public record ProvenanceNode(String id, String context, Generator generator, TrackedFiles spec, TrackedFiles generated) {

    public ProvenanceNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(generated, "generated");
    }

    public NodeDefinition definition() {
        return new NodeDefinition(id, context, generator, spec.globs(), generated.globs());
    }
}
