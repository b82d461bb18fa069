package dev.remediator.core.assist;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON schema a model's answer must meet: sent with the request (its structure; providers refuse most bounds in
 * strict mode) and checked on the answer here, bounds included, before anything of it is used. The checks cover the
 * part of JSON Schema these schemas use: {@code type}, {@code properties}, {@code required},
 * {@code additionalProperties: false}, {@code items}, {@code maxItems}, {@code maxLength}, {@code minimum},
 * {@code maximum}.
 */
public final class AnswerSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A model's reading of a failure. */
    public static final AnswerSchema EXPLANATION = of("failure_explanation", """
            {"type": "object", "additionalProperties": false,
             "required": ["root_cause", "suggested_fix", "confidence", "evidence_lines"],
             "properties": {
               "root_cause": {"type": "string", "maxLength": 1200,
                 "description": "why the run failed, in one to three sentences"},
               "suggested_fix": {"type": "string", "maxLength": 2000,
                 "description": "what a developer should change, concretely"},
               "confidence": {"type": "number", "minimum": 0, "maximum": 1,
                 "description": "how sure you are, from 0 to 1"},
               "evidence_lines": {"type": "array", "maxItems": 10,
                 "description": "the log lines your reading relies on, each by its job and line number as given",
                 "items": {"type": "object", "additionalProperties": false, "required": ["job", "line"],
                   "properties": {"job": {"type": "string", "maxLength": 200}, "line": {"type": "integer", "minimum": 1}}}}
             }}""");

    /** A model-written fix: a unified diff against the files it was given. */
    public static final AnswerSchema FIX = of("failure_fix", """
            {"type": "object", "additionalProperties": false, "required": ["explanation", "diff"],
             "properties": {
               "explanation": {"type": "string", "maxLength": 2000,
                 "description": "what the diff changes and why it fixes the failure"},
               "diff": {"type": "string", "maxLength": 40000,
                 "description": "a unified diff (as git diff prints it) against the files given; empty when no safe fix exists"}
             }}""");

    private final String name;
    private final JsonNode schema;

    private AnswerSchema(String name, JsonNode schema) {
        this.name = name;
        this.schema = schema;
    }

    private static AnswerSchema of(String name, String schema) {
        try {
            return new AnswerSchema(name, JSON.readTree(schema));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public JsonNode json() {
        return schema.deepCopy();
    }

    /** What is wrong with {@code answer}, each with its path; empty when it meets the schema. */
    public List<String> problems(JsonNode answer) {
        List<String> problems = new ArrayList<>();
        check(schema, answer, "$", problems);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
        String type = schema.path("type").asText();
        boolean typed = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            default -> throw new IllegalStateException("a schema type these schemas do not use: " + type);
        };
        if (!typed) {
            problems.add(at + ": expected " + type + ", got " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            return;
        }
        switch (type) {
            case "object" -> checkObject(schema, value, at, problems);
            case "array" -> {
                if (schema.has("maxItems") && value.size() > schema.path("maxItems").asInt()) {
                    problems.add(at + ": more than " + schema.path("maxItems").asInt() + " items");
                }
                for (int i = 0; i < value.size(); i++) {
                    check(schema.path("items"), value.get(i), at + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (schema.has("maxLength") && value.asText().length() > schema.path("maxLength").asInt()) {
                    problems.add(at + ": longer than " + schema.path("maxLength").asInt() + " characters");
                }
            }
            case "number", "integer" -> {
                if (schema.has("minimum") && value.asDouble() < schema.path("minimum").asDouble()
                        || schema.has("maximum") && value.asDouble() > schema.path("maximum").asDouble()) {
                    problems.add(at + ": " + value + " is out of range");
                }
            }
            default -> {
                // a boolean has no bounds
            }
        }
    }

    private static void checkObject(JsonNode schema, JsonNode value, String at, List<String> problems) {
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(at + "." + required.asText() + ": missing");
            }
        }
        Set<String> known = new java.util.HashSet<>();
        properties.fieldNames().forEachRemaining(known::add);
        for (Iterator<String> names = value.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (known.contains(name)) {
                check(properties.path(name), value.path(name), at + "." + name, problems);
            } else if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
                problems.add(at + "." + name + ": not in the schema");
            }
        }
    }
}
