package dev.remediator.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.github.CheckRun;
import dev.remediator.testing.github.HookDelivery;
import dev.remediator.testing.github.WorkflowRun;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Webhooks GitHub could not deliver are found in the app's delivery log, or by listing runs, and handled once. */
@QuarkusTest
class ReconciliationTest extends EndToEndTest {

    @Inject
    Reconciliation reconciliation;

    @Inject
    EntityManager em;

    @TestHTTPResource("/")
    URL app;

    @AfterEach
    void githubCannotReachTheAppAgain() {
        github.stopSendingWebhooks();
    }

    @Transactional
    long analyses(CiScenario ci, long runId) {
        return ((Number) em.createNativeQuery("select count(*) from run_analysis where repository_id = ?1 and run_id = ?2")
                .setParameter(1, ci.repo.id()).setParameter(2, runId).getSingleResult()).longValue();
    }

    @Test
    void twentyFailuresWhileTheAppWasAwayAreAnalysedOnceEachWhenItComesBack() throws Exception {
        CiScenario ci = scenario("outage");
        String sha = ci.commit("Initial", "alice", Map.of("README.md", "# outage\n"));
        List<WorkflowRun> runs = new ArrayList<>();
        List<HookDelivery> lost = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            WorkflowRun run = ci.run(sha, "main", "failure", "maven-test-failure.log");
            runs.add(run);
            lost.add(github.deliver("workflow_run", ci.completed(run).bytes()));
        }
        assertThat(lost).noneMatch(HookDelivery::delivered);

        github.sendWebhooksTo(URI.create(app.toString()));
        Reconciliation.Recovered recovered = reconciliation.reconcile(Instant.now(), true);

        assertThat(recovered.redeliveries()).isEqualTo(20);
        lost.forEach(delivery -> await().atMost(Duration.ofSeconds(10)).until(() -> rows.status(delivery.guid()) != null));
        lost.forEach(delivery -> ci.awaitFinished(delivery.guid()));
        for (WorkflowRun run : runs) {
            assertThat(analyses(ci, run.id())).as("run %d analysed once", run.id()).isEqualTo(1);
            assertThat(ci.repo.checkRuns()).filteredOn(c -> c.externalId().equals("remediator-run-" + run.id()))
                    .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo("completed"));
        }
        assertThat(reconciliation.reconcile(Instant.now(), false).redeliveries())
                .as("every GUID is held now").isZero();
        assertThat(reconciliation.reconcile(Instant.now(), true).redeliveries())
                .as("a restart's look-back finds nothing missing either").isZero();
    }

    @Test
    void aFailedRunWhoseWebhookNeverReachedTheLogIsFoundByListingTheRepositorysRuns() {
        CiScenario ci = scenario("backstop");
        String sha = ci.commit("Initial", "alice", Map.of("README.md", "# backstop\n"));
        ci.deliver(ci.completed(ci.run(sha, "main", "success", "maven-test-failure.log")));
        WorkflowRun missed = ci.run(sha, "main", "failure", "maven-test-failure.log");

        Reconciliation.Recovered recovered = reconciliation.reconcile(Instant.now(), false);

        assertThat(recovered.missedRuns()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> analyses(ci, missed.id()) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> ci.repo.checkRuns().stream()
                .anyMatch(c -> c.externalId().equals("remediator-run-" + missed.id()) && "completed".equals(c.status())));

        String late = ci.deliver(ci.completed(missed));

        assertThat(rows.status(late)).isEqualTo("DONE");
        assertThat(ci.repo.checkRuns()).as("the webhook arriving late adds nothing")
                .filteredOn(c -> c.externalId().equals("remediator-run-" + missed.id())).hasSize(1);
        assertThat(analyses(ci, missed.id())).isEqualTo(1);
        assertThat(reconciliation.reconcile(Instant.now(), false).missedRuns()).isZero();
    }
}
