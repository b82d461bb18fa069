package dev.remediator.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.CiScenario;
import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.github.CheckRun;

/**
 * A state change's consumer, killed with the process after the change committed, runs once after the restart: an
 * approval expires (a change no delivery brought, so the check run is redrawn by a consumer from the outbox), GitHub
 * stalls, the process is killed in the middle of that redraw, and the restarted process finishes it.
 */
class OutboxCrashIT extends PackagedAppTest {

    private static final String SOURCE = "torch/csrc/profiler/kineto_metadata.cpp";
    private static final String REDRAW = "reports-of-scheduled-changes";

    @Test
    void aConsumerInterruptedByAKillRunsOnceAfterARestart() throws Exception {
        CiScenario ci = CiScenario.create(github, null, "outbox-crash");
        String parent = ci.commit("Add profiler metadata", "alice", Map.of(SOURCE, "int metadata() { return 1; }\n"));
        String culprit = ci.commit("Report tensor sizes in profiler metadata", "bob",
                Map.of(SOURCE, "int metadata() { return addMetadata(size); }\n"));
        WebhookPayload green = ci.completed(ci.run(parent, "main", "success", "runner-shutdown.log"));
        WebhookPayload red = ci.completed(ci.run(culprit, "main", "failure", "cpp-compile-error.log"));
        Map<String, String> quick = Map.of("remediator.outbox.lease", "6s", "remediator.outbox.recovery-interval", "1s",
                "remediator.delivery.lease-renewal-interval", "2s", "remediator.approval.expiry-interval", "1s");

        PackagedApp app = PackagedApp.registered(github, quick).start();
        CheckRun check;
        try {
            String recorded = deliver(app, green);
            await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(status(recorded)));
            deliver(app, red);
            await().atMost(Duration.ofSeconds(60)).until(() -> ci.repo.checkRuns().stream()
                    .anyMatch(c -> c.headSha().equals(culprit) && "action_required".equals(c.conclusion())));
            check = ci.repo.checkRuns().stream().filter(c -> c.headSha().equals(culprit)).findFirst().orElseThrow();

            github.faults().latency(Duration.ofSeconds(30));
            expireApprovals(ci.repo.id());
            await().atMost(Duration.ofSeconds(30)).until(() -> List.of("PROCESSING").equals(redraws(ci.repo.id())));
            app.kill();
        } finally {
            app.close();
        }
        assertThat(check.conclusion()).as("the redraw was cut off").isEqualTo("action_required");

        github.faults().clear();
        try (PackagedApp restarted = app.start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> List.of("DONE").equals(redraws(ci.repo.id())));
        }
        assertThat(attempts(ci.repo.id())).as("one interrupted attempt, one that finished").isEqualTo(2);
        assertThat(check.conclusion()).isEqualTo("neutral");
        assertThat(CiScenario.plain(check.summary())).contains("expired");
    }

    /** The redraw consumer's work on the repository's events, in order. */
    private static List<String> redraws(long repositoryId) throws SQLException {
        return column(repositoryId, "c.status");
    }

    private static int attempts(long repositoryId) throws SQLException {
        return Integer.parseInt(column(repositoryId, "c.attempts").get(0));
    }

    private static List<String> column(long repositoryId, String column) throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement("select " + column
                + " from event_consumption c join audit_event e on e.id = c.event_id where e.repository_id = ? "
                + "and c.consumer = ? order by c.id")) {
            query.setLong(1, repositoryId);
            query.setString(2, REDRAW);
            try (ResultSet rows = query.executeQuery()) {
                List<String> values = new java.util.ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }

}
