package dev.remediator.benchmark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.remediator.packaged.PackagedApp;
import dev.remediator.testing.CiScenario;
import dev.remediator.testing.github.CheckRun;
import dev.remediator.testing.github.FakeGitHub;
import dev.remediator.testing.github.RecordedRequest;
import dev.remediator.testing.github.WebhookSigner;
import dev.remediator.testing.github.WorkflowRun;

/**
 * Detection latency, from the webhook of a failed run to the "Remediator" check run on its SHA, measured on the
 * packaged app against the fake GitHub: RUNS (default 200) failed runs of a Maven build whose job log is made 5 MB
 * long by repeating a real one, their webhooks sent every INTERVAL_MS (default 250; 0 sends them all at once, a burst
 * that measures queueing rather than detection). Also counts the GitHub calls each analysed run costs, by operation.
 * Run with {@code bin/bench-detection [RUNS [INTERVAL_MS]]}.
 */
public final class DetectionLatencyBenchmark {

    private static final int LOG_BYTES = 5 * 1024 * 1024;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long interval = args.length > 1 ? Long.parseLong(args[1]) : 250;
        byte[] log = fiveMegabyteLog();
        try (FakeGitHub github = FakeGitHub.start();
                PackagedApp app = PackagedApp.registered(github, Map.of()).start()) {
            CiScenario ci = CiScenario.create(github, null, "detection").config("mode: advisory\n");
            WebhookSigner signer = new WebhookSigner(github.webhookSecret());
            List<WorkflowRun> failed = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                String sha = ci.commit("Change " + i, "alice", Map.of("src/main/java/App.java", "class App { int v = " + i + "; }\n"));
                WorkflowRun run = ci.repo.workflowRun(CiScenario.nextId(), ci.workflow, sha).headBranch("main");
                run.job(CiScenario.nextId(), "build", "failure", () -> new ByteArrayInputStream(log));
                failed.add(run);
            }
            int before = github.requests().size();
            Map<String, Instant> sent = new ConcurrentHashMap<>();
            ExecutorService senders = Executors.newFixedThreadPool(4);
            List<Future<?>> sending = new ArrayList<>();
            long start = System.nanoTime();
            for (WorkflowRun run : failed) {
                Thread.sleep(interval);
                sending.add(senders.submit(() -> {
                    byte[] body = ci.completed(run).bytes();
                    sent.put(run.headSha(), Instant.now());
                    HttpResponse<String> answer = app.webhook("workflow_run", UUID.randomUUID().toString(), body,
                            signer.signature(body));
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException("webhook answered " + answer.statusCode());
                    }
                    return null;
                }));
            }
            for (Future<?> f : sending) {
                f.get();
            }
            senders.shutdown();
            waitForAnalyses(ci, runs);
            double seconds = (System.nanoTime() - start) / 1e9;

            long[] millis = new long[runs];
            int i = 0;
            for (CheckRun check : ci.repo.checkRuns()) {
                Instant posted = github.requests().stream()
                        .filter(r -> "checks/create".equals(r.operationId()) && r.body() != null
                                && check.headSha().equals(r.body().path("head_sha").asText()))
                        .map(RecordedRequest::at).findFirst().orElseThrow();
                millis[i++] = Duration.between(sent.get(check.headSha()), posted).toMillis();
            }
            Arrays.sort(millis);
            System.out.printf("detection: %d failed runs with %.1f MB logs, one every %d ms, webhook to check run: p50 %d ms, "
                    + "p99 %d ms, max %d ms; all analysed in %.1f s%n", runs, log.length / 1048576.0, interval, millis[runs / 2 - 1],
                    millis[(int) Math.ceil(runs * 0.99) - 1], millis[runs - 1], seconds);
            Map<String, Integer> byOperation = new TreeMap<>();
            List<RecordedRequest> calls = github.requests().subList(before, github.requests().size());
            calls.forEach(r -> byOperation.merge(r.operationId() == null ? r.method() + " " + r.path() : r.operationId(), 1,
                    Integer::sum));
            System.out.printf("GitHub calls per analysed run: %.2f (%d in all, token minting included)%n",
                    calls.size() / (double) runs, calls.size());
            byOperation.forEach((operation, count) -> System.out.printf("  %-55s %6d  %.2f per run%n", operation, count,
                    count / (double) runs));
            System.out.printf("packaged app: resident memory %d MiB after the run%n", app.residentKib() / 1024);
            github.assertNoViolations();
        }
    }

    private static void waitForAnalyses(CiScenario ci, int runs) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (ci.repo.checkRuns().stream().filter(c -> c.conclusion() != null).count() < runs) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every run was analysed within 10 minutes");
            }
            Thread.sleep(200);
        }
    }

    /** A real Maven job log (qos-ch/slf4j, BugSwarm), repeated up to 5 MB. */
    private static byte[] fiveMegabyteLog() throws Exception {
        byte[] real;
        try (InputStream in = CiScenario.log("maven-test-failure.log").get()) {
            real = in.readAllBytes();
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream(LOG_BYTES + real.length);
        while (log.size() < LOG_BYTES) {
            log.write(real);
        }
        return log.toByteArray();
    }
}
