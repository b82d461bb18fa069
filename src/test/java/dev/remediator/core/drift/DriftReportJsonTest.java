package dev.remediator.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DriftReportJsonTest {

    @Test
    void eachNodeCarriesItsKindConfidenceSuggestionsAndFiles() throws Exception {
        FilesInMemory files = DriftClassifierTest.recordedFiles();
        FilesInMemory pushed = files.copy().put(DriftClassifierTest.SPEC, "openapi: 3.1.0\n");
        DriftReport report = DriftClassifier.classify(DriftClassifierTest.recordedManifest(files), pushed.tree(), pushed);

        JsonNode json = new ObjectMapper().readTree(DriftReportJson.write(report, DriftMode.FAIL));

        assertThat(json.get("mode").asText()).isEqualTo("fail");
        assertThat(json.get("verdict").asText()).isEqualTo("DRIFTED");
        assertThat(json.get("counts").get("CODE_STALE").asInt()).isEqualTo(1);
        JsonNode node = json.get("nodes").get(0);
        assertThat(node.get("id").asText()).isEqualTo("pets");
        assertThat(node.get("context").asText()).isEqualTo("api");
        assertThat(node.get("kind").asText()).isEqualTo("CODE_STALE");
        assertThat(node.get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(node.get("suggestions").get(0).get("action").asText()).isEqualTo("regenerate");
        assertThat(node.get("suggestions").get(0).get("autoFixable").asBoolean()).isTrue();
        assertThat(node.get("spec").get("changed").get(0).asText()).isEqualTo(DriftClassifierTest.SPEC);
        assertThat(node.get("generated").get("handEdited")).isEmpty();
        assertThat(node.get("generator").get("command").asText()).isEqualTo("openapi-generator generate -i api/pets.yaml");
    }
}
