package dev.remediator.core.assist;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A model's reading of a failure, as its answer gave it and checked against {@link AnswerSchema#EXPLANATION}. The
 * evidence lines it names are kept only when they are lines it was sent, with their text from the brief: a model
 * cannot put words into a log.
 *
 * @param ungrounded evidence lines the model named that it was never sent
 */
public record ModelExplanation(String rootCause, String suggestedFix, double confidence, List<Cited> evidence,
        int ungrounded) {

    /** Characters an explanation's answer may have; the schema bounds each field besides. */
    static final int MAX_ANSWER = 20_000;

    public ModelExplanation {
        evidence = List.copyOf(evidence);
    }

    /** A log line the reading relies on, as it was sent. */
    public record Cited(String job, int line, String text) {
    }

    public static ModelExplanation read(String answer, FailureBrief brief) throws UnusableAnswer {
        JsonNode json = ModelAnswers.read(answer, AnswerSchema.EXPLANATION, MAX_ANSWER);
        List<Cited> evidence = new ArrayList<>();
        int ungrounded = 0;
        for (JsonNode cited : json.path("evidence_lines")) {
            String job = cited.path("job").asText();
            var line = brief.line(job, cited.path("line").asInt());
            if (line.isPresent()) {
                evidence.add(new Cited(job, line.get().number(), line.get().text()));
            } else {
                ungrounded++;
            }
        }
        return new ModelExplanation(json.path("root_cause").asText().strip(), json.path("suggested_fix").asText().strip(),
                json.path("confidence").asDouble(), evidence, ungrounded);
    }
}
