package dev.remediator.core.assist;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a model's answer as JSON that meets its schema, or says why it cannot be used. */
final class ModelAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelAnswers() {
    }

    static JsonNode read(String answer, AnswerSchema schema, int maxChars) throws UnusableAnswer {
        if (answer == null || answer.isBlank()) {
            throw new UnusableAnswer("the model's answer was empty");
        }
        if (answer.length() > maxChars) {
            throw new UnusableAnswer("the model's answer was too large (" + answer.length() + " characters, at most "
                    + maxChars + ")");
        }
        JsonNode json;
        try {
            json = JSON.readTree(withoutFence(answer.strip()));
        } catch (JsonProcessingException e) {
            throw new UnusableAnswer("the model's answer was not JSON: " + e.getOriginalMessage());
        }
        List<String> problems = schema.problems(json);
        if (!problems.isEmpty()) {
            throw new UnusableAnswer("the model's answer did not match the schema: "
                    + String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
        }
        return json;
    }

    /** Some local models wrap JSON in a Markdown code fence even when asked for JSON alone. */
    private static String withoutFence(String answer) {
        if (answer.startsWith("```") && answer.endsWith("```") && answer.indexOf('\n') > 0) {
            return answer.substring(answer.indexOf('\n') + 1, answer.length() - 3);
        }
        return answer;
    }
}
