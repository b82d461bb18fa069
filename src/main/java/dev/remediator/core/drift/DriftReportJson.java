package dev.remediator.core.drift;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The drift report as JSON, for the command line's {@code --format json} and for storage: the mode and verdict, the
 * counts per kind, and a {@code nodes} list ({@code id}, {@code context}, {@code kind}, {@code confidence},
 * {@code suggestions}, the files behind the kind, and notes). Layout in {@code docs/provenance.md}.
 */
public final class DriftReportJson {

    private DriftReportJson() {
    }

    public static String write(DriftReport report, DriftMode mode) {
        return DriftJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("mode", mode.label());
            json.writeStringField("verdict", report.verdict(mode).name());
            json.writeNumberField("filesRead", report.filesRead());
            json.writeObjectFieldStart("counts");
            for (Map.Entry<DriftKind, Integer> count : report.counts().entrySet()) {
                json.writeNumberField(count.getKey().name(), count.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("nodes");
            for (NodeDrift node : report.nodes()) {
                writeNode(json, node);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void writeNode(JsonGenerator json, NodeDrift node) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", node.id());
        json.writeStringField("context", node.context());
        json.writeStringField("kind", node.kind().name());
        json.writeNumberField("confidence", node.confidence());
        json.writeObjectFieldStart("generator");
        json.writeStringField("name", node.generator().name());
        json.writeStringField("command", node.generator().command());
        json.writeEndObject();
        json.writeArrayFieldStart("suggestions");
        for (Suggestion suggestion : node.suggestions()) {
            json.writeStartObject();
            json.writeStringField("action", suggestion.action().label());
            json.writeBooleanField("autoFixable", suggestion.autoFixable());
            json.writeStringField("reason", suggestion.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("spec");
        writeChangeLists(json, node.spec());
        json.writeEndObject();
        json.writeObjectFieldStart("generated");
        writeChangeLists(json, node.generated());
        DriftJson.writeStrings(json, "reformatted", node.reformatted());
        DriftJson.writeStrings(json, "handEdited", node.handEdited());
        json.writeEndObject();
        DriftJson.writeStrings(json, "notes", node.notes());
        json.writeEndObject();
    }

    private static void writeChangeLists(JsonGenerator json, FileChanges changes) throws IOException {
        DriftJson.writeStrings(json, "changed", changes.changed());
        DriftJson.writeStrings(json, "added", changes.added());
        DriftJson.writeStrings(json, "vanished", changes.vanished());
    }
}
