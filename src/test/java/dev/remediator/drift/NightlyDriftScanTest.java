package dev.remediator.drift;

import static dev.remediator.drift.DriftScenario.PETS;
import static dev.remediator.drift.DriftScenario.PETS_EDITED;
import static dev.remediator.drift.DriftScenario.SPEC;
import static dev.remediator.drift.DriftScenario.SPEC_CHANGED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.remediator.jobs.NightlyDriftScan;
import dev.remediator.store.DriftStore;
import dev.remediator.store.KnownRepository;
import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The scheduled scan classifies the default branch's head of each repository, stores the report without a check
 * run, costs one request for a head already reported, and names a repository it cannot scan without stopping.
 */
@QuarkusTest
class NightlyDriftScanTest extends EndToEndTest {

    @Inject
    NightlyDriftScan scan;

    @Inject
    DriftStore drifts;

    /** The repository as the app knows it once a webhook about it arrived. */
    private KnownRepository installed(DriftScenario drift) {
        return installed(drift.ci);
    }

    private KnownRepository installed(CiScenario ci) {
        return drifts.repository(ci.repo.fullName()).orElseThrow();
    }

    @Test
    void theScanReportsHeadsThatNoPushReported() {
        DriftScenario missed = DriftScenario.create(github, rows, "scan-missed", null);
        missed.push("Add the /pets path", Map.of(SPEC, SPEC_CHANGED));
        // a push whose webhook never came
        String head = missed.ci.commit("Edit the client", "bob", Map.of(PETS, PETS_EDITED));
        DriftScenario reported = DriftScenario.create(github, rows, "scan-reported", null);
        String reportedHead = reported.push("Add the /pets path", Map.of(SPEC, SPEC_CHANGED));
        DriftScenario disabled = DriftScenario.create(github, rows, "scan-disabled", "drift: {enabled: false}\n");
        disabled.push("Add the /pets path", Map.of(SPEC, SPEC_CHANGED));
        CiScenario plain = CiScenario.create(github, rows, "scan-plain");
        String first = plain.commit("Initial commit", "alice", Map.of("README.md", "# Plain\n"));
        plain.deliver(plain.push("main", first, plain.commit("Docs", "alice", Map.of("README.md", "# Docs\n"))));
        // an installation whose owner since took back the app's access to contents
        CiScenario refused = CiScenario.create(github, rows, "scan-refused");
        refused.commit("Initial commit", "alice", Map.of("README.md", "# Refused\n"));
        refused.installation.permissions(Map.of("metadata", "read"));
        KnownRepository unreadable = new KnownRepository(refused.repo.id(), refused.installationId,
                refused.repo.fullName(), "main");
        int before = github.requests().size();

        DriftStore.Scan result = scan.scan(List.of(installed(missed), installed(reported), installed(disabled),
                installed(plain), unreadable));

        assertThat(result.repositories()).isEqualTo(5);
        assertThat(result.scanned()).isEqualTo(1);
        assertThat(result.drifted()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(result.skipped()).as("drift disabled, and no manifest").isEqualTo(2);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.problems()).singleElement().satisfies(problem -> assertThat(problem.repository())
                .isEqualTo(unreadable.fullName()));
        assertThat(result.finishedAt()).isNotNull();
        assertThat(drifts.report(missed.ci.repo.id(), head)).hasValueSatisfying(report -> {
            assertThat(report.source()).isEqualTo("scan");
            assertThat(report.ref()).isEqualTo("main");
            assertThat(report.verdict()).isEqualTo("DRIFTED");
        });
        assertThat(missed.driftCheck(head)).as("no check run for a scan").isEmpty();
        assertThat(DriftCheckRunTest.callsTo(reported.ci, before)).as("a head already reported: its config and its ref")
                .hasSize(2).allSatisfy(call -> assertThat(call).doesNotContain("trees", reportedHead + "/"));
        assertThat(drifts.latestScan()).hasValueSatisfying(latest -> assertThat(latest.id()).isEqualTo(result.id()));
    }
}
