package dev.remediator.drift;

import static dev.remediator.drift.DriftScenario.MANIFEST;
import static dev.remediator.drift.DriftScenario.PETS;
import static dev.remediator.drift.DriftScenario.PETS_EDITED;
import static dev.remediator.drift.DriftScenario.SPEC;
import static dev.remediator.drift.DriftScenario.SPEC_CHANGED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.remediator.store.DriftStore;
import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.github.CheckRun;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Which pushes get a drift check, and what a repository without a manifest, with drift disabled, with an invalid
 * config or manifest, or a redelivered push sees.
 */
@QuarkusTest
class DriftPushTest extends EndToEndTest {

    @Inject
    DriftStore drifts;

    @Inject
    MeterRegistry registry;

    @Test
    void withoutAManifestNothingIsPostedOrStoredButACounter() {
        CiScenario ci = CiScenario.create(github, rows, "no-manifest");
        String before = ci.commit("Initial commit", "alice", Map.of("README.md", "# Hello\n"));
        double counted = registry.counter("remediator.drift.pushes", "outcome", "no_manifest").count();

        String after = ci.commit("Update the readme", "alice", Map.of("README.md", "# Hello again\n"));
        ci.deliver(ci.push("main", before, after));

        assertThat(ci.repo.checkRuns()).isEmpty();
        assertThat(drifts.latest(ci.repo.id(), null)).isEmpty();
        assertThat(registry.counter("remediator.drift.pushes", "outcome", "no_manifest").count()).isEqualTo(counted + 1);
    }

    @Test
    void withDriftDisabledNothingHappensBeyondReadingTheConfig() {
        DriftScenario drift = DriftScenario.create(github, rows, "disabled", "drift: {enabled: false}\n");
        int before = github.requests().size();

        drift.push("Add the /pets path", Map.of(SPEC, SPEC_CHANGED));

        assertThat(drift.ci.repo.checkRuns()).isEmpty();
        assertThat(DriftCheckRunTest.callsTo(drift.ci, before)).singleElement()
                .satisfies(call -> assertThat(call).startsWith("repos/get-content").endsWith(".github/remediator.yml"));
    }

    @Test
    void onlyTheDefaultBranchAndTheConfiguredBranchesAreChecked() {
        DriftScenario drift = DriftScenario.create(github, rows, "branches", "drift: {branches: [release]}\n");
        String head = drift.ci.repo.branchHead("main").orElseThrow();
        String feature = drift.ci.repo.commit("feature", "Try a new path", "bob", Map.of(SPEC, SPEC_CHANGED));
        String release = drift.ci.repo.commit("release", "Edit the client", "bob", Map.of(PETS, PETS_EDITED));

        drift.ci.deliver(drift.ci.push("feature", head, feature));
        drift.ci.deliver(drift.ci.push("release", head, release));

        assertThat(drift.driftCheck(feature)).isEmpty();
        assertThat(drift.driftCheck(release)).hasValueSatisfying(check -> assertThat(check.title())
                .startsWith("Drift in 1 of 1 nodes"));
    }

    @Test
    void anInvalidConfigIsSaidOnTheCheckRunAndTheDefaultsApply() {
        DriftScenario drift = DriftScenario.create(github, rows, "bad-config", "drift: {mode: loud}\n");

        String sha = drift.push("Edit the client", Map.of(PETS, PETS_EDITED));

        CheckRun check = drift.driftCheck(sha).orElseThrow();
        assertThat(check.conclusion()).as("the default mode, warn, never fails").isEqualTo("neutral");
        assertThat(CiScenario.plain(check.summary())).contains(".github/remediator.yml is invalid, so the defaults apply");
        assertThat(CiScenario.plain(check.text())).contains("`drift.mode`: expected one of warn, fail, got \"loud\"");
    }

    @Test
    void anInvalidManifestIsSaidOnTheCheckRun() {
        DriftScenario drift = DriftScenario.create(github, rows, "bad-manifest", "drift: {mode: fail}\n");

        String sha = drift.push("Break the manifest", Map.of(MANIFEST, "{\"version\": 2, \"nodes\": []}\n"));

        CheckRun check = drift.driftCheck(sha).orElseThrow();
        assertThat(check.title()).isEqualTo("Invalid provenance manifest");
        assertThat(check.conclusion()).isEqualTo("failure");
        assertThat(CiScenario.plain(check.summary())).contains(MANIFEST, "cannot be used", "version");
        assertThat(drifts.report(drift.ci.repo.id(), sha)).hasValueSatisfying(report -> {
            assertThat(report.verdict()).isEqualTo("INVALID");
            assertThat(report.problem()).contains("version");
        });
    }

    @Test
    void aRedeliveredPushCreatesNoSecondCheckRun() {
        DriftScenario drift = DriftScenario.create(github, rows, "redelivery", null);
        String before = drift.ci.repo.branchHead("main").orElseThrow();
        String sha = drift.ci.commit("Add the /pets path", "bob", Map.of(SPEC, SPEC_CHANGED));
        WebhookPayload push = drift.ci.push("main", before, sha);

        String delivery = drift.ci.deliver(push);
        drift.ci.deliver(push, delivery).then().statusCode(200);
        drift.ci.deliver(push);

        assertThat(drift.ci.repo.checkRuns()).hasSize(1);
        assertThat(github.requests("checks/create")).filteredOn(r -> r.path().contains(drift.ci.repo.fullName())).hasSize(1);
        assertThat(drift.driftCheck(sha).orElseThrow().annotations()).as("annotations are sent once").hasSize(1);
        assertThat(drift.driftCheck(sha).orElseThrow().actions()).hasSize(2);
    }
}
