package dev.remediator.drift;

import static dev.remediator.drift.DriftScenario.PETS;
import static dev.remediator.drift.DriftScenario.PETS_REFORMATTED;
import static dev.remediator.drift.DriftScenario.SPEC;
import static dev.remediator.drift.DriftScenario.SPEC_CHANGED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.EndToEndTest;
import io.quarkus.test.junit.QuarkusTest;

/** A push costs the same GitHub calls whatever the repository's size: one tree request, no content it does not need. */
@QuarkusTest
class DriftScaleTest extends EndToEndTest {

    @Test
    void aRepositoryOfOneHundredThousandFilesCostsWhatOneOfTenCosts() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; many.size() < 100_000 - 5; i++) {
            many.put("src/module" + i / 1000 + "/pkg" + i % 10 + "/File" + i + ".java", "class File" + i + " {}\n");
        }
        Map<String, String> few = new HashMap<>();
        for (int i = 0; few.size() < 10 - 5; i++) {
            few.put("docs/page" + i + ".md", "# Page " + i + "\n");
        }
        DriftScenario small = DriftScenario.create(github, rows, "small", null, few);
        DriftScenario large = DriftScenario.create(github, rows, "large", null, many);
        assertThat(small.files(small.recorded).size()).isEqualTo(10);
        assertThat(large.files(large.recorded).size()).isEqualTo(100_000);

        List<String> smallCalls = callsOfPush(small);
        List<String> largeCalls = callsOfPush(large);

        assertThat(DriftCheckRunTest.byOperation(largeCalls)).isEqualTo(DriftCheckRunTest.byOperation(smallCalls));
        assertThat(largeCalls).hasSameSizeAs(smallCalls);
        assertThat(largeCalls).filteredOn(call -> call.startsWith("git/get-tree")).hasSize(1);
        assertThat(largeCalls).filteredOn(call -> call.startsWith("repos/get-content"))
                .as("the config, the manifest, and the one changed generated file").hasSize(3);
        assertThat(large.driftCheck(large.ci.repo.branchHead("main").orElseThrow()).orElseThrow().title())
                .startsWith("Drift in 1 of 1 nodes");
    }

    private List<String> callsOfPush(DriftScenario drift) {
        int before = github.requests().size();
        drift.push("Regenerate and format", Map.of(SPEC, SPEC_CHANGED, PETS, PETS_REFORMATTED));
        return DriftCheckRunTest.callsTo(drift.ci, before);
    }
}
