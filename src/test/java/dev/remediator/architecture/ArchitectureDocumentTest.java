package dev.remediator.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.remediator.core.lifecycle.LifecycleDiagram;

/** docs/architecture.md draws the lifecycle the code runs, not one it used to run. */
class ArchitectureDocumentTest {

    @Test
    void theDocumentedLifecycleIsTheCodesTable() throws IOException {
        String document = Files.readString(Path.of("docs/architecture.md"));

        assertThat(document)
                .as("docs/architecture.md must contain LifecycleDiagram.mermaid() verbatim; regenerate it after "
                        + "changing RemediationEvent")
                .contains(LifecycleDiagram.mermaid());
    }
}
