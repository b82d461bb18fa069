package dev.remediator.core.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ModelAnswersTest {

    private static final FailureBrief BRIEF = new FailureBrief("CI", "COMPILATION",
            List.of(new FailureBrief.Job("build", List.of("Compile"),
                    List.of(new FailureBrief.Line(41, "[ERROR] Calc.java:[5,18] incompatible types")))),
            List.of(), null, List.of());

    @Test
    void anAnswerOfTheSchemaIsReadAndItsEvidenceKeptOnlyWhereItWasSent() throws Exception {
        ModelExplanation explanation = ModelExplanation.read("""
                {"root_cause": "add returns a long", "suggested_fix": "return an int", "confidence": 0.8,
                 "evidence_lines": [{"job": "build", "line": 41}, {"job": "build", "line": 999}]}""", BRIEF);

        assertThat(explanation.rootCause()).isEqualTo("add returns a long");
        assertThat(explanation.confidence()).isEqualTo(0.8);
        assertThat(explanation.evidence()).containsExactly(
                new ModelExplanation.Cited("build", 41, "[ERROR] Calc.java:[5,18] incompatible types"));
        assertThat(explanation.ungrounded()).as("line 999 was never sent").isEqualTo(1);
    }

    @Test
    void malformedMissingOutOfRangeAndOversizedAnswersAreUnusable() {
        assertThatThrownBy(() -> ModelExplanation.read("I think the build failed.", BRIEF))
                .isInstanceOf(UnusableAnswer.class).hasMessageStartingWith("the model's answer was not JSON");
        assertThatThrownBy(() -> ModelExplanation.read("{\"root_cause\": \"x\"}", BRIEF))
                .hasMessageStartingWith("the model's answer did not match the schema: $.suggested_fix: missing");
        assertThatThrownBy(() -> ModelExplanation.read("""
                {"root_cause": "x", "suggested_fix": "y", "confidence": 7, "evidence_lines": []}""", BRIEF))
                .hasMessage("the model's answer did not match the schema: $.confidence: 7 is out of range");
        assertThatThrownBy(() -> ModelExplanation.read("""
                {"root_cause": "x", "suggested_fix": "y", "confidence": 1, "evidence_lines": [], "approve": true}""", BRIEF))
                .hasMessage("the model's answer did not match the schema: $.approve: not in the schema");
        assertThatThrownBy(() -> ModelExplanation.read("{\"root_cause\": \"" + "x".repeat(30_000) + "\"}", BRIEF))
                .hasMessageStartingWith("the model's answer was too large (300");
    }

    @Test
    void aFixIsProposedOnlyWhenItAppliesAndWeakensNothing() throws Exception {
        Map<String, String> files = Map.of("src/Calc.java", "class Calc {\n    int add(int a, int b) {\n        return a - b;\n    }\n}\n");
        String diff = "--- a/src/Calc.java\\n+++ b/src/Calc.java\\n@@ -2,3 +2,3 @@\\n     int add(int a, int b) {\\n-        return a - b;\\n+        return a + b;\\n     }\\n";
        FixProposal.Limits limits = new FixProposal.Limits(3, 60);

        FixProposal fix = FixProposal.review("{\"explanation\": \"add subtracted\", \"diff\": \"" + diff + "\"}", files,
                limits, path -> false);

        assertThat(fix.paths()).containsExactly("src/Calc.java");
        assertThat(fix.linesAdded() + fix.linesRemoved()).isEqualTo(2);
        assertThatThrownBy(() -> FixProposal.review("{\"explanation\": \"x\", \"diff\": \"" + diff + "\"}", files,
                new FixProposal.Limits(3, 1), path -> false))
                .isInstanceOf(FixProposal.Refused.class).hasMessage("it changes 2 lines, more than the 1 allowed");
        assertThatThrownBy(() -> FixProposal.review("{\"explanation\": \"none\", \"diff\": \"\"}", files, limits,
                path -> false)).hasMessage("the model found no safe fix");
    }
}
