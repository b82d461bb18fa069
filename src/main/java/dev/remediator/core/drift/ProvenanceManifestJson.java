package dev.remediator.core.drift;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads and writes the manifest file (format in {@code docs/provenance.md}, schema in
 * {@code provenance.schema.json}). Writing is canonical: nodes, globs and files sorted, no timestamps, so that
 * recording an unchanged tree again writes the same bytes. Reading checks everything the schema says and tells
 * where the first problem is ({@code nodes[2].generated.files[0].blob: ...}).
 */
public final class ProvenanceManifestJson {

    private ProvenanceManifestJson() {
    }

    public static String write(ProvenanceManifest manifest) {
        return DriftJson.write(json -> {
            json.writeStartObject();
            json.writeNumberField("version", ProvenanceManifest.FORMAT_VERSION);
            json.writeArrayFieldStart("nodes");
            for (ProvenanceNode node : manifest.nodes()) {
                json.writeStartObject();
                json.writeStringField("id", node.id());
                json.writeStringField("context", node.context());
                json.writeObjectFieldStart("generator");
                json.writeStringField("name", node.generator().name());
                json.writeStringField("command", node.generator().command());
                json.writeEndObject();
                writeFiles(json, "spec", node.spec());
                writeFiles(json, "generated", node.generated());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    public static ProvenanceManifest read(String text) throws ProvenanceException {
        JsonNode root;
        try {
            root = DriftJson.READER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ProvenanceException("the manifest is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new ProvenanceException("the manifest is empty");
        }
        checkFields(root, "the manifest", Set.of("version", "nodes"));
        JsonNode version = required(root, "version", "the manifest");
        if (!version.isInt() || version.intValue() < 1) {
            throw new ProvenanceException("version: expected the format version, a positive whole number, but found " + version);
        }
        if (version.intValue() > ProvenanceManifest.FORMAT_VERSION) {
            throw new ProvenanceException("the manifest has format version " + version.intValue() + ", written by a newer Remediator; "
                    + "this one reads version " + ProvenanceManifest.FORMAT_VERSION);
        }
        List<ProvenanceNode> nodes = new ArrayList<>();
        Map<String, String> whereById = new HashMap<>();
        JsonNode nodeArray = array(root, "nodes", "the manifest");
        for (int i = 0; i < nodeArray.size(); i++) {
            String where = "nodes[" + i + "]";
            ProvenanceNode node = readNode(nodeArray.get(i), where);
            String earlier = whereById.putIfAbsent(node.id(), where);
            if (earlier != null) {
                throw new ProvenanceException(where + ".id: '" + node.id() + "' is already the id of " + earlier);
            }
            nodes.add(node);
        }
        return new ProvenanceManifest(nodes);
    }

    private static void writeFiles(JsonGenerator json, String field, TrackedFiles files) throws IOException {
        json.writeObjectFieldStart(field);
        DriftJson.writeStrings(json, "globs", files.globs().patterns());
        json.writeArrayFieldStart("files");
        for (RecordedFile file : files.files()) {
            json.writeStartObject();
            json.writeStringField("path", file.path());
            json.writeStringField("blob", file.blob());
            if (file.normalised() != null) {
                json.writeStringField("normalised", file.normalised());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static ProvenanceNode readNode(JsonNode node, String where) throws ProvenanceException {
        checkFields(node, where, Set.of("id", "context", "generator", "spec", "generated"));
        JsonNode generator = required(node, "generator", where);
        checkFields(generator, where + ".generator", Set.of("name", "command"));
        String id = text(node, "id", where);
        String context = text(node, "context", where);
        Generator tool = new Generator(text(generator, "name", where + ".generator"), text(generator, "command", where + ".generator"));
        GlobSet specGlobs = globs(node, "spec", where);
        GlobSet generatedGlobs = globs(node, "generated", where);
        NodeDefinition definition;
        try {
            definition = NodeDefinition.of(id, context, tool, specGlobs, generatedGlobs);
        } catch (ProvenanceException e) {
            throw new ProvenanceException(where + ": " + e.getMessage());
        }
        TrackedFiles spec = files(node, "spec", where, definition.spec(), false);
        TrackedFiles generated = files(node, "generated", where, definition.generated(), true);
        for (RecordedFile file : spec.files()) {
            if (generated.file(file.path()) != null) {
                throw new ProvenanceException(where + ": " + file.path() + " is both a spec file and a generated file");
            }
        }
        return new ProvenanceNode(definition.id(), definition.context(), definition.generator(), spec, generated);
    }

    private static GlobSet globs(JsonNode node, String side, String where) throws ProvenanceException {
        JsonNode sideNode = required(node, side, where);
        checkFields(sideNode, where + "." + side, Set.of("globs", "files"));
        JsonNode globArray = array(sideNode, "globs", where + "." + side);
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < globArray.size(); i++) {
            patterns.add(string(globArray.get(i), where + "." + side + ".globs[" + i + "]"));
        }
        try {
            return GlobSet.of(patterns);
        } catch (ProvenanceException e) {
            throw new ProvenanceException(where + "." + side + ".globs: " + e.getMessage());
        }
    }

    private static TrackedFiles files(JsonNode node, String side, String where, GlobSet globs, boolean generated)
            throws ProvenanceException {
        JsonNode fileArray = array(node.get(side), "files", where + "." + side);
        List<RecordedFile> files = new ArrayList<>();
        Map<String, Integer> indexByPath = new HashMap<>();
        for (int i = 0; i < fileArray.size(); i++) {
            String at = where + "." + side + ".files[" + i + "]";
            JsonNode file = fileArray.get(i);
            checkFields(file, at, generated ? Set.of("path", "blob", "normalised") : Set.of("path", "blob"));
            String path = text(file, "path", at);
            if (!globs.matches(path)) {
                throw new ProvenanceException(at + ".path: " + path + " does not match the node's " + side + " globs " + globs);
            }
            Integer earlier = indexByPath.putIfAbsent(path, i);
            if (earlier != null) {
                throw new ProvenanceException(at + ".path: " + path + " is already listed at files[" + earlier + "]");
            }
            String blob = text(file, "blob", at);
            if (!GitBlobSha.isWellFormed(blob)) {
                throw new ProvenanceException(at + ".blob: expected a git blob SHA (40 lower-case hex digits), found '" + blob + "'");
            }
            String normalised = generated ? text(file, "normalised", at) : null;
            if (normalised != null && !NormalisedText.isWellFormed(normalised)) {
                throw new ProvenanceException(at + ".normalised: expected '<rules>/<version>:<64 hex digits>', found '" + normalised + "'");
            }
            files.add(new RecordedFile(path, blob, normalised));
        }
        return new TrackedFiles(globs, files);
    }

    private static void checkFields(JsonNode node, String where, Set<String> allowed) throws ProvenanceException {
        if (!node.isObject()) {
            throw new ProvenanceException(where + ": expected an object, found " + node.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ProvenanceException(where + ": unknown field '" + name + "' (expected " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static JsonNode required(JsonNode node, String field, String where) throws ProvenanceException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ProvenanceException(where + ": the field '" + field + "' is missing");
        }
        return value;
    }

    private static JsonNode array(JsonNode node, String field, String where) throws ProvenanceException {
        JsonNode value = required(node, field, where);
        if (!value.isArray()) {
            throw new ProvenanceException(where + "." + field + ": expected an array");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String where) throws ProvenanceException {
        return string(required(node, field, where), where + "." + field);
    }

    private static String string(JsonNode value, String where) throws ProvenanceException {
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw new ProvenanceException(where + ": expected a non-empty string");
        }
        return value.textValue();
    }
}
