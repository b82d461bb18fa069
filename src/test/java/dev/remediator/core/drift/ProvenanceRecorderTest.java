package dev.remediator.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProvenanceRecorderTest {

    @Test
    void recordsTheBlobsOfWhatTheGlobsMatchAndTheNormalisedHashOfGeneratedFiles() throws Exception {
        FilesInMemory files = DriftClassifierTest.recordedFiles();
        ProvenanceNode node = DriftClassifierTest.recordedManifest(files).nodes().get(0);

        assertThat(node.spec().files()).containsExactly(new RecordedFile("api/pets.yaml", files.tree().blob("api/pets.yaml"), null));
        assertThat(node.generated().files()).extracting(RecordedFile::path).containsExactly(DriftClassifierTest.PETS, DriftClassifierTest.STORE);
        assertThat(node.generated().file(DriftClassifierTest.PETS).normalised())
                .isEqualTo(NormalisedText.hash(DriftClassifierTest.PETS, files.read(DriftClassifierTest.PETS, files.tree().blob(DriftClassifierTest.PETS))));
    }

    @Test
    void recordingAgainReadsOnlyChangedFilesAndRebaselinesABenignChange() throws Exception {
        FilesInMemory files = DriftClassifierTest.recordedFiles();
        ProvenanceNode before = DriftClassifierTest.recordedManifest(files).nodes().get(0);
        FilesInMemory reformatted = files.copy().put(DriftClassifierTest.STORE, "package pets;\n\npublic class Store { }  // x\n");

        ProvenanceNode after = ProvenanceRecorder.record(before.definition(), reformatted.tree(), reformatted, before);

        assertThat(reformatted.reads).containsExactly(DriftClassifierTest.STORE);
        DriftReport report = DriftClassifier.classify(ProvenanceManifest.empty().withNode(after), reformatted.tree(), reformatted);
        assertThat(report.nodes().get(0).kind()).isEqualTo(DriftKind.NONE);
        assertThat(after.generated().file(DriftClassifierTest.STORE).normalised())
                .isEqualTo(before.generated().file(DriftClassifierTest.STORE).normalised());
    }

    @Test
    void aGlobThatMatchesNothingIsRefused() throws Exception {
        FilesInMemory files = DriftClassifierTest.recordedFiles();
        NodeDefinition typo = NodeDefinition.of("pets", "api", Generator.forCommand("gen"), GlobSet.of(List.of("api/*.yml")),
                GlobSet.of(List.of("gen/pets")));
        assertThatThrownBy(() -> ProvenanceRecorder.record(typo, files.tree(), files, null)).isInstanceOf(ProvenanceException.class)
                .hasMessage("the spec glob 'api/*.yml' matches no file");
        NodeDefinition folder = NodeDefinition.of("pets", "api", Generator.forCommand("gen"), GlobSet.of(List.of("api/*.yaml")),
                GlobSet.of(List.of("gen/pets")));
        assertThatThrownBy(() -> ProvenanceRecorder.record(folder, files.tree(), files, null))
                .hasMessage("the generated glob 'gen/pets' matches no file (to take everything under a folder, write 'gen/pets/**')");
    }

    @Test
    void aFileOnBothSidesIsRefused() throws Exception {
        FilesInMemory files = DriftClassifierTest.recordedFiles();
        NodeDefinition overlapping = NodeDefinition.of("all", "api", Generator.forCommand("gen"), GlobSet.of(List.of("api/**", "gen/pets/Pets.java")),
                GlobSet.of(List.of("gen/**")));
        assertThatThrownBy(() -> ProvenanceRecorder.record(overlapping, files.tree(), files, null))
                .hasMessageStartingWith("gen/pets/Pets.java matches both the spec globs");
    }

    @Test
    void namesThatCannotNameABranchAreRefused() {
        assertThatThrownBy(() -> NodeDefinition.of("pets", "my api", Generator.forCommand("gen"), GlobSet.of(List.of("a")), GlobSet.of(List.of("b"))))
                .isInstanceOf(ProvenanceException.class).hasMessageStartingWith("invalid context 'my api'");
    }

    @Test
    void theGeneratorIsNamedAfterTheCommandsProgram() {
        assertThat(Generator.forCommand("  /usr/local/bin/buf generate --template x").name()).isEqualTo("buf");
    }
}
