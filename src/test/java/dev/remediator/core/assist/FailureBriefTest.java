package dev.remediator.core.assist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.remediator.core.analysis.Evidence;
import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.RunAnalysis;
import dev.remediator.core.history.CommitChange;
import dev.remediator.core.history.Culprit;

class FailureBriefTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunAnalysis analysis(String... lines) {
        List<Evidence.BlockLine> block = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            block.add(new Evidence.BlockLine(40 + i, lines[i]));
        }
        Evidence evidence = new Evidence(40, 40 + lines.length - 1, "jvm.compiler-error", FailureCategory.COMPILATION,
                0.9, lines[0], "the first compiler error", block);
        return RunAnalysis.merge(Map.of("build", new JobAnalysis(FailureCategory.COMPILATION, 0.9, false,
                List.of(evidence), List.of(), List.of(), 100, 4000)));
    }

    @Test
    void theBriefHoldsTheEvidenceStepsAndCulpritWithSecretsMasked() throws Exception {
        Culprit culprit = new Culprit(new CommitChange("abc1234", "Use token ghp_abcdefghijklmnopqrstuvwxyz0123456789",
                "bob", List.of(new CommitChange.ChangedFile("src/Calc.java", "modified", null, 1, 1))), 0.9, 1, List.of());

        FailureBrief brief = FailureBrief.of("CI", analysis("Calc.java:5: error: cannot find symbol",
                "curl -H 'Authorization: Bearer sk-live-abcdefghijklmnop' https://registry"), Map.of("build", List.of("Compile")),
                culprit, 10_000);

        JsonNode json = JSON.readTree(brief.json());
        assertThat(json.path("category").asText()).isEqualTo("COMPILATION");
        assertThat(json.path("failed_jobs").path(0).path("failed_steps").path(0).asText()).isEqualTo("Compile");
        assertThat(json.path("failed_jobs").path(0).path("log_lines").path(0).path("line").asInt()).isEqualTo(40);
        assertThat(json.path("suspected_commit").path("changed_paths").path(0).asText()).isEqualTo("src/Calc.java");
        assertThat(brief.json()).doesNotContain("ghp_abcdefghij", "sk-live-abcdefghijklmnop");
        assertThat(brief.line("build", 40)).isPresent();
        assertThat(brief.line("build", 7)).isEmpty();
    }

    @Test
    void theLogLinesSentAreBoundedTheBestFirst() {
        String line = "x".repeat(100);

        FailureBrief brief = FailureBrief.of("CI", analysis(line, line, line, line), Map.of(), null, 250);

        assertThat(brief.jobs().get(0).lines()).extracting(FailureBrief.Line::number).containsExactly(40, 41);
    }

    @Test
    void theSameFailureHasTheSameSignatureAndAnotherModelAnother() {
        String brief = FailureBrief.of("CI", analysis("error: a"), Map.of(), null, 1000).json();

        assertThat(ModelPrompts.signature(ModelPrompts.EXPLAIN, "m", brief))
                .isEqualTo(ModelPrompts.signature(ModelPrompts.EXPLAIN, "m", FailureBrief.of("CI", analysis("error: a"),
                        Map.of(), null, 1000).json()))
                .isNotEqualTo(ModelPrompts.signature(ModelPrompts.EXPLAIN, "n", brief))
                .isNotEqualTo(ModelPrompts.signature(ModelPrompts.FIX, "m", brief));
    }
}
