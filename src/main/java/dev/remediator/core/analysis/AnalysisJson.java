package dev.remediator.core.analysis;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of analyses, the contract other tools rely on: {@code file}, {@code category}, {@code confidence},
 * {@code transient}, {@code evidence} (best first, {@code {"start", "end", "rule", "category", "confidence", "excerpt",
 * "reason", "block"}} with 1-based inclusive line numbers; {@code block} lists the range's lines that were read as
 * {@code {"line", "text"}}), {@code failingTests} and {@code locations} ({@code {"path", "line", "column"}}).
 */
public final class AnalysisJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnalysisJson() {
    }

    /** One job's analysis, read from {@code file}. */
    public static ObjectNode job(String file, JobAnalysis analysis) {
        ObjectNode node = verdict(file, "job", analysis.category(), analysis.confidence(), analysis.transientFailure());
        ArrayNode evidence = node.putArray("evidence");
        for (Evidence range : analysis.evidence()) {
            evidence.addObject()
                    .put("start", range.start())
                    .put("end", range.end())
                    .put("rule", range.rule())
                    .put("category", range.category().name())
                    .put("confidence", range.confidence())
                    .put("excerpt", range.excerpt())
                    .put("reason", range.reason());
            ArrayNode block = evidence.get(evidence.size() - 1).withArray("block");
            for (Evidence.BlockLine line : range.block()) {
                block.addObject().put("line", line.number()).put("text", line.text());
            }
        }
        addTestsAndLocations(node, analysis.failingTests(), analysis.locations());
        node.put("lines", analysis.lines());
        node.put("bytes", analysis.bytes());
        return node;
    }

    /** A run's merged analysis, its job logs read from the directory {@code path}. */
    public static ObjectNode run(String path, RunAnalysis analysis) {
        ObjectNode node = verdict(path, "run", analysis.category(), analysis.confidence(), analysis.transientFailure());
        node.putArray("evidence");
        addTestsAndLocations(node, analysis.failingTests(), analysis.locations());
        ArrayNode jobs = node.putArray("jobs");
        analysis.jobs().keySet().forEach(jobs::add);
        return node;
    }

    private static ObjectNode verdict(String file, String scope, FailureCategory category, double confidence,
            boolean transientFailure) {
        ObjectNode node = NODES.objectNode();
        node.put("file", file);
        node.put("scope", scope);
        node.put("category", category.name());
        node.put("confidence", confidence);
        node.put("transient", transientFailure);
        return node;
    }

    private static void addTestsAndLocations(ObjectNode node, List<String> failingTests, List<Location> locations) {
        ArrayNode tests = node.putArray("failingTests");
        failingTests.forEach(tests::add);
        ArrayNode places = node.putArray("locations");
        for (Location location : locations) {
            ObjectNode place = places.addObject().put("path", location.path()).put("line", location.line());
            if (location.column() == null) {
                place.putNull("column");
            } else {
                place.put("column", location.column());
            }
        }
    }
}
