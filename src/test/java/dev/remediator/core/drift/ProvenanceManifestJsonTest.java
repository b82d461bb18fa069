package dev.remediator.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

class ProvenanceManifestJsonTest {

    private static final String BLOB = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391";
    private static final String NORMALISED = "go/1:" + "ab".repeat(32);

    private static final String CANONICAL = """
            {
              "version": 1,
              "nodes": [
                {
                  "id": "pets",
                  "context": "api",
                  "generator": {
                    "name": "oapi-codegen",
                    "command": "oapi-codegen -package pets api/pets.yaml"
                  },
                  "spec": {
                    "globs": [
                      "api/pets.yaml"
                    ],
                    "files": [
                      {
                        "path": "api/pets.yaml",
                        "blob": "%1$s"
                      }
                    ]
                  },
                  "generated": {
                    "globs": [
                      "!gen/pets/README.md",
                      "gen/pets/**"
                    ],
                    "files": [
                      {
                        "path": "gen/pets/a.go",
                        "blob": "%1$s",
                        "normalised": "%2$s"
                      },
                      {
                        "path": "gen/pets/b.go",
                        "blob": "%1$s",
                        "normalised": "%2$s"
                      }
                    ]
                  }
                },
                {
                  "id": "events",
                  "context": "queue",
                  "generator": {
                    "name": "buf",
                    "command": "buf generate"
                  },
                  "spec": {
                    "globs": [
                      "proto/**/*.proto"
                    ],
                    "files": []
                  },
                  "generated": {
                    "globs": [
                      "gen/events/**"
                    ],
                    "files": []
                  }
                }
              ]
            }
            """.formatted(BLOB, NORMALISED);

    @Test
    void writingIsCanonicalWhateverTheOrderOfTheParts() throws ProvenanceException {
        ProvenanceNode events = new ProvenanceNode("events", "queue", new Generator("buf", "buf generate"),
                new TrackedFiles(GlobSet.of(List.of("proto/**/*.proto")), List.of()),
                new TrackedFiles(GlobSet.of(List.of("gen/events/**")), List.of()));
        ProvenanceNode pets = new ProvenanceNode("pets", "api", Generator.forCommand("oapi-codegen -package pets api/pets.yaml"),
                new TrackedFiles(GlobSet.of(List.of("api/pets.yaml")), List.of(new RecordedFile("api/pets.yaml", BLOB, null))),
                new TrackedFiles(GlobSet.of(List.of("gen/pets/**", "!gen/pets/README.md")), List.of(
                        new RecordedFile("gen/pets/b.go", BLOB, NORMALISED), new RecordedFile("gen/pets/a.go", BLOB, NORMALISED))));
        ProvenanceManifest manifest = ProvenanceManifest.empty().withNode(events).withNode(pets);

        assertThat(ProvenanceManifestJson.write(manifest)).isEqualTo(CANONICAL);
        assertThat(ProvenanceManifestJson.read(CANONICAL)).isEqualTo(manifest);
        assertThat(ProvenanceManifestJson.write(ProvenanceManifestJson.read(CANONICAL))).isEqualTo(CANONICAL);
    }

    @Test
    void theCanonicalFormAgreesWithTheSchema() throws IOException {
        assertThat(schema().validate(new ObjectMapper().readTree(CANONICAL))).isEmpty();
    }

    /** Manifests that both the reader and the committed schema refuse, with what the reader says. */
    static Stream<Arguments> refusedByReaderAndSchema() {
        return Stream.of(
                Arguments.of("newer version", CANONICAL.replace("\"version\": 1", "\"version\": 2"), "format version 2, written by a newer"),
                Arguments.of("no version", CANONICAL.replace("\"version\": 1,", ""), "the field 'version' is missing"),
                Arguments.of("unknown field", CANONICAL.replace("\"version\": 1,", "\"version\": 1, \"extra\": true,"), "unknown field 'extra'"),
                Arguments.of("short blob", CANONICAL.replaceFirst(BLOB, "abc123"), "nodes[0].spec.files[0].blob: expected a git blob SHA"),
                Arguments.of("upper-case blob", CANONICAL.replaceFirst(BLOB, BLOB.toUpperCase()), "nodes[0].spec.files[0].blob"),
                Arguments.of("bad normalised hash", CANONICAL.replaceFirst(NORMALISED, "sha256:xyz"), "nodes[0].generated.files[0].normalised"),
                Arguments.of("generated file without normalised hash", CANONICAL.replaceFirst(",\\s*\"normalised\": \"" + NORMALISED + "\"", ""),
                        "the field 'normalised' is missing"),
                Arguments.of("id with a slash", CANONICAL.replace("\"id\": \"pets\"", "\"id\": \"pets/v1\""), "invalid id 'pets/v1'"),
                Arguments.of("empty command", CANONICAL.replace("\"command\": \"buf generate\"", "\"command\": \"\""),
                        "nodes[1].generator.command: expected a non-empty string"),
                Arguments.of("no globs", CANONICAL.replace("\"gen/events/**\"", ""), "have no glob that is not an exclusion"),
                Arguments.of("nodes not a list", "{\"version\": 1, \"nodes\": {}}", "nodes: expected an array"),
                Arguments.of("not an object", "[]", "the manifest: expected an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedByReaderAndSchema")
    void invalidManifestsAreRefusedWithTheirPlace(String name, String json, String message) throws IOException {
        assertThatThrownBy(() -> ProvenanceManifestJson.read(json)).isInstanceOf(ProvenanceException.class).hasMessageContaining(message);
        assertThat(schema().validate(new ObjectMapper().readTree(json))).as("schema errors").isNotEmpty();
    }

    /** What JSON schema cannot say, the reader checks too. */
    static Stream<Arguments> refusedByReader() {
        return Stream.of(
                Arguments.of("not JSON", "{\"version\": 1,", "not valid JSON at line 1"),
                Arguments.of("empty", "", "the manifest is empty"),
                Arguments.of("duplicate key", CANONICAL.replace("\"version\": 1,", "\"version\": 1, \"version\": 1,"), "Duplicate field 'version'"),
                Arguments.of("text after the document", CANONICAL + "{}", "not valid JSON"),
                Arguments.of("duplicate id", CANONICAL.replace("\"id\": \"events\"", "\"id\": \"pets\""), "nodes[1].id: 'pets' is already the id of nodes[0]"),
                Arguments.of("file outside its globs", CANONICAL.replaceFirst("gen/pets/a.go", "src/a.go"), "src/a.go does not match the node's generated globs"),
                Arguments.of("file listed twice", CANONICAL.replaceFirst("gen/pets/b.go", "gen/pets/a.go"), "gen/pets/a.go is already listed at files[0]"),
                Arguments.of("invalid glob", CANONICAL.replace("\"proto/**/*.proto\"", "\"/proto/x\""), "nodes[1].spec.globs: invalid glob '/proto/x'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedByReader")
    void whatTheSchemaCannotSayIsCheckedToo(String name, String json, String message) {
        assertThatThrownBy(() -> ProvenanceManifestJson.read(json)).isInstanceOf(ProvenanceException.class).hasMessageContaining(message);
    }

    private static Schema schema() throws IOException {
        try (InputStream in = ProvenanceManifestJsonTest.class.getResourceAsStream("/provenance.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }
}
