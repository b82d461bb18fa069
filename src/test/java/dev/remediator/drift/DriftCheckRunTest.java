package dev.remediator.drift;

import static dev.remediator.drift.DriftScenario.MAIN;
import static dev.remediator.drift.DriftScenario.PETS;
import static dev.remediator.drift.DriftScenario.PETS_EDITED;
import static dev.remediator.drift.DriftScenario.PETS_REFORMATTED;
import static dev.remediator.drift.DriftScenario.SPEC;
import static dev.remediator.drift.DriftScenario.SPEC_CHANGED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.github.CheckRun;
import dev.remediator.testing.github.RecordedRequest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Each drift kind's Drift check run, from a signed push webhook to the fake GitHub, in warn and in fail mode: the
 * conclusion, the title, the report, the annotations, the buttons, and exactly which GitHub calls the push cost.
 */
@QuarkusTest
class DriftCheckRunTest extends EndToEndTest {

    /**
     * A push of each kind, and the GitHub calls it costs: the config, the manifest, the check run, the one tree
     * request, a content per changed generated file, the target branch (only where a pull request may follow), and
     * the check run's update.
     */
    static Stream<Arguments> pushes() {
        Map<String, String> none = Map.of(MAIN, "class Main { int x; }\n");
        Map<String, String> codeStale = Map.of(SPEC, SPEC_CHANGED);
        Map<String, String> specStale = Map.of(PETS, PETS_EDITED);
        Map<String, String> benign = Map.of(PETS, PETS_REFORMATTED);
        Map<String, String> semantic = Map.of(SPEC, SPEC_CHANGED, PETS, PETS_EDITED);
        return Stream.of(
                Arguments.of("warn", "NONE", none, "success", List.of(), 5),
                Arguments.of("warn", "CODE_STALE", codeStale, "neutral", List.of(SPEC + " warning"), 6),
                Arguments.of("warn", "SPEC_STALE", specStale, "neutral", List.of(PETS + " warning"), 6),
                Arguments.of("warn", "BENIGN", benign, "neutral", List.of(PETS + " notice"), 7),
                Arguments.of("warn", "SEMANTIC", semantic, "neutral", List.of(SPEC + " warning", PETS + " warning"), 6),
                Arguments.of("fail", "NONE", none, "success", List.of(), 5),
                Arguments.of("fail", "CODE_STALE", codeStale, "neutral", List.of(SPEC + " warning"), 6),
                Arguments.of("fail", "SPEC_STALE", specStale, "failure", List.of(PETS + " failure"), 6),
                Arguments.of("fail", "BENIGN", benign, "neutral", List.of(PETS + " notice"), 7),
                Arguments.of("fail", "SEMANTIC", semantic, "failure", List.of(SPEC + " failure", PETS + " failure"), 6));
    }

    @ParameterizedTest(name = "{1} in {0} mode: {3}")
    @MethodSource("pushes")
    void eachKindHasItsCheckRun(String mode, String kind, Map<String, String> change, String conclusion,
            List<String> annotations, int gitHubCalls) {
        DriftScenario drift = DriftScenario.create(github, rows, "kinds", "drift: {mode: " + mode + "}\n");
        int before = github.requests().size();

        String sha = drift.push("Change " + kind, change);

        CheckRun check = drift.driftCheck(sha).orElseThrow();
        assertThat(check.status()).isEqualTo("completed");
        assertThat(check.conclusion()).isEqualTo(conclusion);
        assertThat(check.externalId()).isEqualTo("remediator-drift-" + sha);
        assertThat(check.annotations()).extracting(a -> a.path("path").asText() + " " + a.path("annotation_level").asText())
                .containsExactlyElementsOf(annotations);
        List<String> calls = callsTo(drift.ci, before);
        assertThat(calls).as("GitHub calls of one %s push: %s", kind, calls).hasSize(gitHubCalls);
        assertThat(calls).filteredOn(call -> call.startsWith("git/get-tree")).hasSize(1);
        if (kind.equals("NONE")) {
            assertThat(check.title()).isEqualTo("No drift · 1 node as recorded");
            assertThat(check.actions()).isEmpty();
            return;
        }
        assertThat(check.title()).startsWith("Drift in 1 of 1 nodes" + (conclusion.equals("failure") ? " · failing" : ""));
        assertThat(CiScenario.plain(check.summary())).contains("| api | pets | **" + kind + "** |", "mode `" + mode + "`");
        boolean fixable = kind.equals("CODE_STALE") || kind.equals("BENIGN");
        assertThat(check.actions()).extracting(a -> a.path("label").asText())
                .containsExactlyElementsOf(fixable ? List.of("Approve", "Reject") : List.of());
        if (fixable) {
            String action = kind.equals("CODE_STALE") ? "regenerate" : "rebaseline";
            assertThat(check.title()).contains(action + " awaiting approval");
            assertThat(check.actions().get(0).path("identifier").asText()).matches("approve-\\d+");
            assertThat(CiScenario.plain(check.text())).contains("Waiting for approval: advisory mode",
                    "approve or reject it with the buttons above");
        } else {
            assertThat(CiScenario.plain(check.text())).contains("One drifted node needs a person", "api / pets", kind);
        }
    }

    /** The requests the app sent about this repository since {@code from}, as {@code operation path}. */
    static List<String> callsTo(CiScenario ci, int from) {
        List<RecordedRequest> requests = ci.github.requests();
        return requests.subList(from, requests.size()).stream()
                .filter(request -> request.path().startsWith("/repos/" + ci.repo.fullName() + "/"))
                .map(request -> request.operationId() + " " + request.path()).toList();
    }

    /** How many calls of each operation, for comparing two pushes. */
    static Map<String, Long> byOperation(List<String> calls) {
        return calls.stream().map(call -> call.substring(0, call.indexOf(' ')))
                .collect(Collectors.groupingBy(operation -> operation, TreeMap::new, Collectors.counting()));
    }
}
