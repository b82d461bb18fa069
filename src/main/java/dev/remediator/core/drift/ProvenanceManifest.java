package dev.remediator.core.drift;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The provenance manifest ({@code .remediator/provenance.json} by default): every node, sorted by context then id,
 * so that the same nodes always make the same file. See {@code docs/provenance.md}.
 */
public record ProvenanceManifest(List<ProvenanceNode> nodes) {

    /** The version of the file format this code reads and writes. */
    public static final int FORMAT_VERSION = 1;

    private static final Comparator<ProvenanceNode> ORDER = Comparator.comparing(ProvenanceNode::context).thenComparing(ProvenanceNode::id);

    /** @throws IllegalArgumentException when two nodes share an id */
    public ProvenanceManifest {
        nodes = nodes.stream().sorted(ORDER).toList();
        Set<String> ids = new HashSet<>();
        for (ProvenanceNode node : nodes) {
            if (!ids.add(node.id())) {
                throw new IllegalArgumentException("two nodes have the id '" + node.id() + "'");
            }
        }
    }

    public static ProvenanceManifest empty() {
        return new ProvenanceManifest(List.of());
    }

    public Optional<ProvenanceNode> node(String id) {
        return nodes.stream().filter(node -> node.id().equals(id)).findFirst();
    }

    /** This manifest with {@code node} added, or in place of the node that has its id. */
    public ProvenanceManifest withNode(ProvenanceNode node) {
        List<ProvenanceNode> updated = new ArrayList<>(nodes);
        updated.removeIf(existing -> existing.id().equals(node.id()));
        updated.add(node);
        return new ProvenanceManifest(updated);
    }

    public SortedSet<String> contexts() {
        return nodes.stream().map(ProvenanceNode::context).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The nodes of the given contexts only; every context asked for must exist. */
    public ProvenanceManifest inContexts(Collection<String> wanted) throws ProvenanceException {
        SortedSet<String> unknown = new TreeSet<>(wanted);
        unknown.removeAll(contexts());
        if (!unknown.isEmpty()) {
            throw new ProvenanceException("no node has the context " + String.join(", ", unknown)
                    + (nodes.isEmpty() ? "; the manifest has no node" : "; the manifest's contexts are " + String.join(", ", contexts())));
        }
        return new ProvenanceManifest(nodes.stream().filter(node -> wanted.contains(node.context())).toList());
    }
}
