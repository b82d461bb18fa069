package dev.remediator.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DriftReportMarkdownTest {

    @Test
    void aCleanReportIsAHeadingAndTheContextTable() throws Exception {
        FilesInMemory files = DriftClassifierTest.recordedFiles();
        DriftReport report = DriftClassifier.classify(DriftClassifierTest.recordedManifest(files), files.tree(), files);

        assertThat(DriftReportMarkdown.render(report, DriftMode.FAIL)).isEqualTo("""
                ## No drift: 1 node as recorded (mode `fail`)

                | context | nodes | NONE | CODE_STALE | SPEC_STALE | BENIGN | SEMANTIC |
                |---|---:|---:|---:|---:|---:|---:|
                | api | 1 | 1 | 0 | 0 | 0 | 0 |
                """);
    }

    @Test
    void aDriftedNodeGetsARowFilesAndRankedSuggestions() throws Exception {
        FilesInMemory files = DriftClassifierTest.recordedFiles();
        FilesInMemory edited = files.copy().put(DriftClassifierTest.PETS, "class Pets { int edited; }");
        DriftReport report = DriftClassifier.classify(DriftClassifierTest.recordedManifest(files), edited.tree(), edited);

        String markdown = DriftReportMarkdown.render(report, DriftMode.FAIL);

        assertThat(markdown).startsWith("## Drift in 1 of 1 nodes: failing (mode `fail`)\n")
                .contains("| api | pets | **SPEC_STALE** | 0.90 | unchanged | 1 edited | update_spec |\n")
                .contains("### api / pets: SPEC_STALE (confidence 0.90)\n")
                .contains("- Generated files edited: `gen/pets/Pets.java`\n")
                .contains("- Generator: openapi-generator, command `openapi-generator generate -i api/pets.yaml`\n")
                .contains("1. **update_spec**: 1 generated file changed by hand")
                .contains("2. **regenerate**: Or run the generator")
                .doesNotContain("auto-fixable");
    }

    @Test
    void repositoryTextCannotBreakTheMarkup() {
        assertThat(DriftReportMarkdown.code("gen/a|b.go")).isEqualTo("`gen/a\\|b.go`");
        assertThat(DriftReportMarkdown.code("make `gen` x")).isEqualTo("``make `gen` x``");
        assertThat(DriftReportMarkdown.code("`x`")).isEqualTo("`` `x` ``");
        assertThat(DriftReportMarkdown.escape("<img src=x> *a* [l](u) | # ~")).isEqualTo("\\<img src=x\\> \\*a\\* \\[l\\](u) \\| \\# \\~");
    }

    @Test
    void aLargeReportIsCutToTheLimitAndSaysSo() throws Exception {
        FilesInMemory files = new FilesInMemory();
        List<ProvenanceNode> nodes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            files.put("api/n" + i + ".yaml", "spec " + i).put("gen/n" + i + "/a.go", "package a");
        }
        RepositoryTree tree = files.tree();
        for (int i = 0; i < 400; i++) {
            NodeDefinition node = NodeDefinition.of("n" + i, "api", Generator.forCommand("gen " + i), GlobSet.of(List.of("api/n" + i + ".yaml")),
                    GlobSet.of(List.of("gen/n" + i + "/**")));
            nodes.add(ProvenanceRecorder.record(node, tree, files, null));
        }
        FilesInMemory pushed = files.copy();
        for (int i = 0; i < 400; i++) {
            pushed.put("api/n" + i + ".yaml", "spec changed " + i);
        }
        DriftReport report = DriftClassifier.classify(new ProvenanceManifest(nodes), pushed.tree(), pushed);

        String full = DriftReportMarkdown.render(report, DriftMode.WARN);
        String cut = DriftReportMarkdown.render(report, DriftMode.WARN, DriftReportMarkdown.CHECK_RUN_SUMMARY_LIMIT);

        assertThat(full.length()).isGreaterThan(100_000);
        assertThat(cut.length()).isLessThanOrEqualTo(DriftReportMarkdown.CHECK_RUN_SUMMARY_LIMIT);
        assertThat(full).startsWith(cut.substring(0, cut.indexOf("\n_Cut to fit")));
        assertThat(cut).containsPattern("_Cut to fit: 400 of 400 drifted nodes in the table, \\d+ with details; `remediator drift scan` prints the full report._\n$");
        assertThat(DriftReportMarkdown.render(report, DriftMode.WARN, 2_000)).hasSizeLessThanOrEqualTo(2_000)
                .containsPattern("_Cut to fit: \\d+ of 400 drifted nodes in the table, 0 with details");
    }
}
