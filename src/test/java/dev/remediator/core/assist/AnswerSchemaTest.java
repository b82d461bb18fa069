package dev.remediator.core.assist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The answer schemas' own checks agree with a full JSON Schema validator on answers good and bad. */
class AnswerSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of(AnswerSchema.EXPLANATION, """
                        {"root_cause": "a", "suggested_fix": "b", "confidence": 0.5, "evidence_lines": [{"job": "build", "line": 3}]}""", true),
                Arguments.of(AnswerSchema.EXPLANATION, """
                        {"root_cause": "a", "suggested_fix": "b", "confidence": 1.5, "evidence_lines": []}""", false),
                Arguments.of(AnswerSchema.EXPLANATION, """
                        {"root_cause": "a", "suggested_fix": "b", "confidence": 0.5, "evidence_lines": [{"job": "b", "line": 0}]}""", false),
                Arguments.of(AnswerSchema.EXPLANATION, """
                        {"root_cause": "a", "suggested_fix": "b", "confidence": 0.5, "evidence_lines": [{"job": "b", "line": 2.5}]}""", false),
                Arguments.of(AnswerSchema.EXPLANATION, """
                        {"root_cause": 7, "suggested_fix": "b", "confidence": 0.5, "evidence_lines": []}""", false),
                Arguments.of(AnswerSchema.EXPLANATION, """
                        {"root_cause": "a", "confidence": 0.5, "evidence_lines": [], "approve": true}""", false),
                Arguments.of(AnswerSchema.EXPLANATION, "{\"root_cause\": \"" + "x".repeat(1201)
                        + "\", \"suggested_fix\": \"b\", \"confidence\": 0, \"evidence_lines\": []}", false),
                Arguments.of(AnswerSchema.EXPLANATION, "[1, 2]", false),
                Arguments.of(AnswerSchema.FIX, "{\"explanation\": \"a\", \"diff\": \"\"}", true),
                Arguments.of(AnswerSchema.FIX, "{\"explanation\": \"a\", \"diff\": null}", false));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void theSchemaAndItsChecksAgree(AnswerSchema answerSchema, String answer, boolean valid) throws Exception {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(answerSchema.json());
        JsonNode json = JSON.readTree(answer);

        assertThat(schema.validate(json).isEmpty()).as("a full validator: " + answer).isEqualTo(valid);
        assertThat(answerSchema.problems(json).isEmpty()).as("its own checks: " + answer).isEqualTo(valid);
    }
}
