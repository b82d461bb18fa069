package dev.remediator.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.remediator.core.config.LoadedConfig.Source;

/** {@code docs/remediator.schema.json}, the editors' view of the file, says what the parser accepts. */
class RepositoryConfigSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RepositoryConfigParser parser = new RepositoryConfigParser();

    private static JsonNode schema() throws IOException {
        return JSON.readTree(Path.of("docs", "remediator.schema.json").toFile());
    }

    /** Every leaf setting of the schema, by its path. */
    private static void leaves(JsonNode object, String at, Map<String, JsonNode> into) {
        object.path("properties").properties().forEach(property -> {
            String path = at.isEmpty() ? property.getKey() : at + "." + property.getKey();
            if ("object".equals(property.getValue().path("type").asText())) {
                leaves(property.getValue(), path, into);
            } else {
                into.put(path, property.getValue());
            }
        });
    }

    private static Map<String, JsonNode> leaves() throws IOException {
        Map<String, JsonNode> leaves = new java.util.TreeMap<>();
        leaves(schema(), "", leaves);
        return leaves;
    }

    /** A document setting {@code path} to {@code value}, as JSON (which is YAML). */
    private static String document(String path, JsonNode value) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode at = root;
        String[] keys = path.split("\\.");
        for (int i = 0; i < keys.length - 1; i++) {
            at = at.putObject(keys[i]);
        }
        at.set(keys[keys.length - 1], value);
        return root.toString();
    }

    private List<ConfigProblem> problems(String path, JsonNode value) {
        return parser.parse(document(path, value), Source.REPOSITORY, ".github/remediator.yml").problems();
    }

    @Test
    void theSchemasDefaultsAreTheParsersDefaults() throws IOException {
        ObjectNode defaults = JSON.createObjectNode();
        leaves().forEach((path, leaf) -> {
            if (!leaf.has("default")) {
                return; // an optional setting: unset by default
            }
            ObjectNode at = defaults;
            String[] keys = path.split("\\.");
            for (int i = 0; i < keys.length - 1; i++) {
                at = at.has(keys[i]) ? (ObjectNode) at.get(keys[i]) : at.putObject(keys[i]);
            }
            at.set(keys[keys.length - 1], leaf.path("default"));
        });
        LoadedConfig loaded = parser.parse(defaults.toString(), Source.REPOSITORY, ".github/remediator.yml");
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.config()).isEqualTo(RepositoryConfig.DEFAULTS);
    }

    @Test
    void everyObjectHasTheParsersKeys() throws IOException {
        List<String> objects = new ArrayList<>(List.of(""));
        leaves().keySet().forEach(path -> {
            for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
                if (!objects.contains(path.substring(0, dot))) {
                    objects.add(path.substring(0, dot));
                }
            }
        });
        Pattern known = Pattern.compile("known: (.*)$");
        for (String object : objects) {
            String unknown = object.isEmpty() ? "zz_unknown" : object + ".zz_unknown";
            List<ConfigProblem> problems = problems(unknown, JSON.getNodeFactory().numberNode(1));
            assertThat(problems).as(unknown).singleElement();
            Matcher keys = known.matcher(problems.get(0).message());
            assertThat(keys.find()).isTrue();
            JsonNode schemaObject = schema();
            for (String key : object.isEmpty() ? new String[0] : object.split("\\.")) {
                schemaObject = schemaObject.path("properties").path(key);
            }
            TreeSet<String> schemaKeys = new TreeSet<>();
            schemaObject.path("properties").fieldNames().forEachRemaining(schemaKeys::add);
            assertThat(new TreeSet<>(List.of(keys.group(1).split(", "))))
                    .as("keys of %s", object.isEmpty() ? "the file" : object).isEqualTo(schemaKeys);
            assertThat(schemaObject.path("additionalProperties").asBoolean(true)).isFalse();
        }
    }

    @Test
    void everyLeafAcceptsWhatTheSchemaAllowsAndRefusesWhatItDoesNot() throws IOException {
        leaves().forEach((path, leaf) -> {
            List<JsonNode> valid = new ArrayList<>();
            List<JsonNode> invalid = new ArrayList<>();
            if (leaf.has("enum")) {
                leaf.path("enum").forEach(valid::add);
                invalid.add(JSON.getNodeFactory().textNode("not-one-of-them"));
            } else {
                switch (leaf.path("type").asText()) {
                    case "integer" -> {
                        int min = leaf.path("minimum").asInt();
                        int max = leaf.path("maximum").asInt();
                        valid.add(JSON.getNodeFactory().numberNode(min));
                        valid.add(JSON.getNodeFactory().numberNode(max));
                        invalid.add(JSON.getNodeFactory().numberNode(min - 1));
                        invalid.add(JSON.getNodeFactory().numberNode(max + 1));
                        invalid.add(JSON.getNodeFactory().textNode("three"));
                    }
                    case "boolean" -> {
                        valid.add(JSON.getNodeFactory().booleanNode(true));
                        invalid.add(JSON.getNodeFactory().textNode("yes"));
                    }
                    case "string" -> {
                        // a string with a pattern gives its own example of a valid value
                        valid.add(leaf.has("examples") ? leaf.path("examples").get(0)
                                : JSON.getNodeFactory().textNode("some/file.yml"));
                        invalid.add(JSON.getNodeFactory().textNode(""));
                        invalid.add(JSON.getNodeFactory().numberNode(3));
                    }
                    case "array" -> {
                        JsonNode items = leaf.path("items");
                        valid.add(items.has("enum") ? JSON.createArrayNode().add(items.path("enum").get(0))
                                : JSON.createArrayNode().add("docs/**"));
                        invalid.add(JSON.getNodeFactory().textNode("docs/**"));
                        invalid.add(JSON.createArrayNode().add(items.has("enum") ? "not-one-of-them" : ""));
                    }
                    default -> throw new AssertionError("no rule for the schema type of " + path + ": " + leaf);
                }
            }
            valid.forEach(value -> assertThat(problems(path, value)).as("%s: %s", path, value).isEmpty());
            invalid.forEach(value -> assertThat(problems(path, value)).as("%s: %s", path, value)
                    .extracting(ConfigProblem::path).isNotEmpty().allMatch(p -> p.startsWith(path)));
        });
    }
}
