package dev.remediator.core.drift;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The drift of every node scanned, sorted by context then id, and how many file contents the scan had to read
 * (for a push, each one is a GitHub request).
 */
public record DriftReport(List<NodeDrift> nodes, int filesRead) {

    public DriftReport {
        nodes = List.copyOf(nodes);
    }

    public DriftVerdict verdict(DriftMode mode) {
        if (nodes.stream().anyMatch(node -> node.kind().failsIn(mode))) {
            return DriftVerdict.FAILED;
        }
        return drifted().isEmpty() ? DriftVerdict.CLEAN : DriftVerdict.DRIFTED;
    }

    /** The nodes whose kind is not NONE. */
    public List<NodeDrift> drifted() {
        return nodes.stream().filter(node -> node.kind() != DriftKind.NONE).toList();
    }

    /** How many nodes of each kind, every kind present (zero included). */
    public Map<DriftKind, Integer> counts() {
        return countKinds(nodes);
    }

    /** The same counts for each context, contexts sorted. */
    public SortedMap<String, Map<DriftKind, Integer>> countsByContext() {
        SortedMap<String, Map<DriftKind, Integer>> byContext = new TreeMap<>();
        for (NodeDrift node : nodes) {
            byContext.computeIfAbsent(node.context(), context -> countKinds(List.of())).merge(node.kind(), 1, Integer::sum);
        }
        return byContext;
    }

    private static Map<DriftKind, Integer> countKinds(List<NodeDrift> nodes) {
        Map<DriftKind, Integer> counts = new EnumMap<>(DriftKind.class);
        for (DriftKind kind : DriftKind.values()) {
            counts.put(kind, 0);
        }
        nodes.forEach(node -> counts.merge(node.kind(), 1, Integer::sum));
        return counts;
    }
}
