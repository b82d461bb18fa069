package dev.remediator.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.remediator.core.drift.DriftClassifier;
import dev.remediator.core.drift.DriftKind;
import dev.remediator.core.drift.DriftReport;
import dev.remediator.core.drift.GitBlobSha;
import dev.remediator.core.drift.NodeDrift;
import dev.remediator.core.drift.ProvenanceManifest;
import dev.remediator.flow.drift.CommitTree;

/** GitHub's recursive tree listing as the classifier's tree, and what a listing GitHub cut may not be trusted for. */
class CommitTreeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ProvenanceManifest MANIFEST = new ProvenanceManifest(List.of(DriftScenario.record(Map.of(
            DriftScenario.SPEC, DriftScenario.SPEC_TEXT, DriftScenario.PETS, DriftScenario.PETS_TEXT,
            DriftScenario.STORE, "class Store {}\n"), null)));

    private static JsonNode listing(boolean truncated, String... entries) throws Exception {
        return JSON.readTree("{\"sha\": \"t\", \"truncated\": " + truncated + ", \"tree\": [" + String.join(",", entries)
                + "]}");
    }

    private static String blob(String path, String text) {
        return "{\"path\": \"" + path + "\", \"mode\": \"100644\", \"type\": \"blob\", \"sha\": \""
                + GitBlobSha.of(text.getBytes(StandardCharsets.UTF_8)) + "\"}";
    }

    @Test
    void blobsAreFilesAndFoldersAndSubmodulesAreNot() throws Exception {
        CommitTree tree = CommitTree.of(listing(false, "{\"path\": \"gen\", \"mode\": \"040000\", \"type\": \"tree\", "
                + "\"sha\": \"" + "1".repeat(40) + "\"}", blob(DriftScenario.PETS, DriftScenario.PETS_TEXT),
                "{\"path\": \"vendor/lib\", \"mode\": \"160000\", \"type\": \"commit\", \"sha\": \"" + "2".repeat(40) + "\"}"),
                MANIFEST);

        assertThat(tree.truncated()).isFalse();
        assertThat(tree.tree().size()).isEqualTo(1);
        assertThat(tree.tree().blob(DriftScenario.PETS)).isNotNull();
        assertThat(tree.assumedUnchanged()).isEmpty();
    }

    @Test
    void aWholeListingShowsVanishedFiles() throws Exception {
        CommitTree tree = CommitTree.of(listing(false, blob(DriftScenario.SPEC, DriftScenario.SPEC_TEXT),
                blob(DriftScenario.PETS, DriftScenario.PETS_TEXT)), MANIFEST);

        NodeDrift node = classify(tree);

        assertThat(node.kind()).isEqualTo(DriftKind.SEMANTIC);
        assertThat(node.generated().vanished()).containsExactly(DriftScenario.STORE);
    }

    @Test
    void aCutListingTakesTheRecordedFilesItMissesAsUnchanged() throws Exception {
        CommitTree tree = CommitTree.of(listing(true, blob(DriftScenario.SPEC, DriftScenario.SPEC_CHANGED),
                blob(DriftScenario.PETS, DriftScenario.PETS_TEXT)), MANIFEST);

        NodeDrift node = classify(tree);

        assertThat(tree.truncated()).isTrue();
        assertThat(tree.assumedUnchanged()).containsExactly(DriftScenario.STORE);
        assertThat(node.kind()).as("the spec change still shows; the missing file is not a vanished one")
                .isEqualTo(DriftKind.CODE_STALE);
        assertThat(node.generated().vanished()).isEmpty();
    }

    private static NodeDrift classify(CommitTree tree) {
        DriftReport report = DriftClassifier.classify(MANIFEST, tree.tree(), (path, blob) -> {
            throw new IOException("no content is needed here");
        });
        return report.nodes().get(0);
    }

}
