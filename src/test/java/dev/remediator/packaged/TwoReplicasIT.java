package dev.remediator.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.remediator.core.report.StickyComment;
import dev.remediator.testing.CiScenario;
import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.github.RecordedRequest;
import dev.remediator.testing.github.WorkflowRun;

/**
 * Two replicas, two real processes on one database, as a deployment runs them: deliveries are split between them,
 * some runs reach both under different delivery ids (a retrying proxy, a replay; the pull request's runs under five
 * ids each, all sent at once), and the scheduled jobs tick on both. Every run gets one check run, the pull request one comment, both replicas do work, and a job that runs once
 * per tick across replicas reads GitHub once per tick, not once per replica.
 */
class TwoReplicasIT extends PackagedAppTest {

    private static final Duration TICK = Duration.ofSeconds(2);

    @Test
    void twoReplicasShareTheWorkAndDoNothingTwice() throws Exception {
        CiScenario ci = CiScenario.create(github, null, "two-replicas");
        ci.commit("Initial", "alice", Map.of("README.md", "# replicas\n"));
        ci.repo.branch("feature/x", ci.repo.branchHead("main").orElseThrow());
        ci.repo.pullRequest(9, "feature/x", "main", "alice");
        List<WorkflowRun> mainRuns = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String sha = ci.commit("Change " + i, "bob", Map.of("src/Change" + i + ".java", "class Change" + i + " {}\n"));
            mainRuns.add(ci.run(sha, "main", "failure", "maven-test-failure.log"));
        }
        List<WorkflowRun> pullRuns = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String sha = ci.repo.commit("feature/x", "Work " + i, "alice", Map.of("src/X" + i + ".java", "class X" + i + " {}\n"));
            pullRuns.add(ci.run(sha, "feature/x", "failure", "maven-test-failure.log").pullRequests(9));
        }
        Map<String, String> quick = Map.of("remediator.reconcile.interval", TICK.toSeconds() + "s");

        try (PackagedApp first = PackagedApp.registered(github, quick).start();
                PackagedApp second = PackagedApp.registered(github, quick).start()) {
            Instant bothUp = Instant.now();
            List<CompletableFuture<String>> sent = new ArrayList<>();
            for (int i = 0; i < mainRuns.size(); i++) {
                WebhookPayload payload = ci.completed(mainRuns.get(i));
                sent.add(deliverAsync(i % 2 == 0 ? first : second, payload));
                if (i < 3) {
                    sent.add(deliverAsync(i % 2 == 0 ? second : first, payload));
                }
            }
            for (WorkflowRun run : pullRuns) {
                WebhookPayload payload = ci.completed(run);
                for (int copy = 0; copy < 5; copy++) {
                    sent.add(deliverAsync(copy % 2 == 0 ? first : second, payload));
                }
            }
            List<String> deliveries = sent.stream().map(CompletableFuture::join).toList();
            for (String delivery : deliveries) {
                await().atMost(Duration.ofSeconds(120)).until(() -> "DONE".equals(status(delivery)));
            }

            List<WorkflowRun> runs = new ArrayList<>(mainRuns);
            runs.addAll(pullRuns);
            for (WorkflowRun run : runs) {
                assertThat(ci.repo.checkRuns().stream().filter(c -> c.name().equals("Remediator")
                        && c.headSha().equals(run.headSha())))
                        .as("one check run for run %d", run.id())
                        .singleElement().satisfies(check -> assertThat(check.status()).isEqualTo("completed"));
            }
            assertThat(ci.repo.comments(9)).as("one sticky comment on the pull request").singleElement()
                    .satisfies(comment -> assertThat(comment.body()).startsWith(StickyComment.MARKER));
            assertThat(processed(first)).as("the first replica processed deliveries").isPositive();
            assertThat(processed(second)).as("the second replica processed deliveries").isPositive();

            // both replicas tick every 2 s for a while: the delivery log is read once per tick between them
            Thread.sleep(Duration.ofSeconds(14).toMillis());
            Instant end = Instant.now();
            List<Instant> reads = github.requests("apps/list-webhook-deliveries").stream().map(RecordedRequest::at)
                    .filter(at -> !at.isBefore(bothUp) && at.isBefore(end)).toList();
            long ticks = Duration.between(bothUp, end).dividedBy(TICK) + 1;
            assertThat(reads).as("reads of the delivery log over %d ticks", ticks).isNotEmpty()
                    .hasSizeLessThanOrEqualTo((int) ticks + 1);
        }
    }

    private static CompletableFuture<String> deliverAsync(PackagedApp app, WebhookPayload payload) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return deliver(app, payload);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Deliveries this replica processed, from its own metrics. */
    private static double processed(PackagedApp app) throws Exception {
        return app.get("/q/metrics").body().lines()
                .filter(line -> line.startsWith("remediator_delivery_processing_seconds_count"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
