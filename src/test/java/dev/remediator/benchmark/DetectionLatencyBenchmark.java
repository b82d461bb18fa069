package dev.remediator.benchmark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.remediator.packaged.PackagedApp;
import dev.remediator.testing.CiScenario;
import dev.remediator.testing.github.CheckRun;
import dev.remediator.testing.github.FakeGitHub;
import dev.remediator.testing.github.RecordedRequest;
import dev.remediator.testing.github.WebhookSigner;
import dev.remediator.testing.github.WorkflowRun;

/**
 * Detection latency on the packaged app against the fake GitHub, for failed runs of a Maven build whose job log is
 * made 5 MB long by repeating a real one: the first answer (webhook to the "in progress" Remediator check run) and the
 * final one (webhook to the check run's conclusion), p50 and p99, first SEQUENTIAL runs one after the other (each
 * webhook sent once the previous run is concluded; default 30), then a BURST of runs whose webhooks are all sent at
 * once (default 200), twice: the first burst on an app that has only seen the sequential runs, the second once the
 * first has warmed what only a burst makes hot; the app's peak resident memory throughout, sampled every 50 ms; and
 * the GitHub calls each analysed run costs, by operation. The fake GitHub is warmed first by a throwaway app instance
 * (see {@link #warmHarness}); the app measured starts cold. Run with {@code bin/bench-detection [BURST [SEQUENTIAL]]}.
 */
public final class DetectionLatencyBenchmark {

    private static final int LOG_BYTES = 5 * 1024 * 1024;
    private static final int SENDERS = 16;
    private static final int COLD_RUNS = 5;
    private static final int HARNESS_WARM_UP_RUNS = 200;
    /**
     * The heap the deployment gives the app (a third of deploy/'s 768 MiB limit); without a limit the JVM would take a quarter of the machine and the memory figure would say
     * nothing.
     */
    private static final String APP_HEAP = "-Xmx256m";
    /**
     * The deployment's collector, named there because under a 768 MiB limit the JVM would pick the serial one, whose
     * pauses stop the light lane too (burst first answer p99 1.1 s instead of 0.7 s when tried).
     */
    private static final String APP_GC = "-XX:+UseG1GC";
    // The reconciliation's backstop would find the benchmark's runs on its own (they are real failed runs in the fake)
    // and race the webhooks it measures: it is kept out of the way, one hour off.

    public static void main(String[] args) throws Exception {
        int burst = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int sequential = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        byte[] log = fiveMegabyteLog();
        try (FakeGitHub github = FakeGitHub.start()) {
            warmHarness(github, log);
            measure(github, burst, sequential, log);
        }
    }

    /**
     * GitHub does not run on the app's cores, but the fake standing in for it does: left cold, its JIT would compile
     * its request checks and routes during the first burst, on a processor the app being measured needs. A throwaway
     * app instance therefore drives it through a burst first; the measured app starts cold after it.
     */
    private static void warmHarness(FakeGitHub github, byte[] log) throws Exception {
        try (PackagedApp warmer = app(github)) {
            CiScenario ci = CiScenario.create(github, null, "harness-warm-up").config("mode: advisory\n");
            sendAtOnce(warmer, ci, new WebhookSigner(github.webhookSecret()), failedRuns(ci, HARNESS_WARM_UP_RUNS, log),
                    new ConcurrentHashMap<>());
        }
    }

    private static PackagedApp app(FakeGitHub github) throws Exception {
        return PackagedApp.registered(github, Map.of("remediator.reconcile.interval", "1h"))
                .jvmOptions(List.of(APP_HEAP, APP_GC)).start();
    }

    private static void measure(FakeGitHub github, int burst, int sequential, byte[] log) throws Exception {
        try (PackagedApp app = app(github)) {
            CiScenario ci = CiScenario.create(github, null, "detection").config("mode: advisory\n");
            WebhookSigner signer = new WebhookSigner(github.webhookSecret());
            AtomicLong peakKib = new AtomicLong();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
                try {
                    peakKib.accumulateAndGet(app.residentKib(), Math::max);
                } catch (Exception e) {
                    // the process is gone: the run below fails on its own
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
            int before = github.requests().size();

            List<WorkflowRun> one = failedRuns(ci, sequential, log);
            Map<String, Instant> sent = new ConcurrentHashMap<>();
            for (Webhook webhook : webhooks(one, ci, signer)) {
                send(app, webhook, sent);
                waitForAnalyses(ci, ci.repo.checkRuns().stream().filter(c -> c.conclusion() != null).count() + 1);
            }
            report("sequential", one, sent, github, log.length);
            if (one.size() > COLD_RUNS) {
                // the sequential target holds "after the first few runs": the JIT and the token cache warm up
                report("sequential after the first " + COLD_RUNS, one.subList(COLD_RUNS, one.size()), sent, github,
                        log.length);
            }

            // the first burst also pays for compiling the code that only a burst makes hot; a service that has been
            // running for a while meets its bursts with that done, which the second one shows
            burst(app, ci, signer, burst, log, sent, github, "burst");
            burst(app, ci, signer, burst, log, sent, github, "second burst");
            sampler.shutdown();

            int analysed = sequential + 2 * burst;
            Map<String, Integer> byOperation = new TreeMap<>();
            List<RecordedRequest> calls = github.requests().subList(before, github.requests().size());
            calls.forEach(r -> byOperation.merge(r.operationId() == null ? r.method() + " " + r.path() : r.operationId(), 1,
                    Integer::sum));
            System.out.printf("GitHub calls per analysed run: %.2f (%d in all, token minting included)%n",
                    calls.size() / (double) analysed, calls.size());
            byOperation.forEach((operation, count) -> System.out.printf("  %-55s %6d  %.2f per run%n", operation, count,
                    count / (double) analysed));
            System.out.printf("packaged app: peak resident memory %d MiB (%d MiB at the end)%n", peakKib.get() / 1024,
                    app.residentKib() / 1024);
            github.assertNoViolations();
        }
    }

    private static List<WorkflowRun> failedRuns(CiScenario ci, int count, byte[] log) {
        List<WorkflowRun> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String sha = ci.commit("Change " + CiScenario.nextId(), "alice",
                    Map.of("src/main/java/App.java", "class App { long v = " + CiScenario.nextId() + "; }\n"));
            WorkflowRun run = ci.repo.workflowRun(CiScenario.nextId(), ci.workflow, sha).headBranch("main");
            run.job(CiScenario.nextId(), "build", "failure", () -> new ByteArrayInputStream(log));
            runs.add(run);
        }
        return runs;
    }

    /** BURST failed runs whose webhooks are all sent at once, reported once all are analysed. */
    private static void burst(PackagedApp app, CiScenario ci, WebhookSigner signer, int burst, byte[] log,
            Map<String, Instant> sent, FakeGitHub github, String phase) throws Exception {
        List<WorkflowRun> many = failedRuns(ci, burst, log);
        CpuTimes before = CpuTimes.of(app);
        double seconds = sendAtOnce(app, ci, signer, many, sent);
        CpuTimes used = CpuTimes.of(app).minus(before);
        report(phase, many, sent, github, log.length);
        System.out.printf("%s: all %d analysed %.1f s after the first webhook%n", phase, burst, seconds);
        System.out.printf("%s: processor time %.1f s for the app, %.1f s for PostgreSQL, %.1f s for this harness "
                + "(the fake GitHub and the senders), on %d cores%n", phase, used.app(), used.database(),
                used.harness(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * Processor seconds used so far by the app, PostgreSQL's processes and this JVM: a burst's wall time depends on
     * how fast the machine is at the moment, its processor time much less, and it says who took the cores.
     */
    private record CpuTimes(double app, double database, double harness) {

        static CpuTimes of(PackagedApp app) {
            double database = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                    .mapToDouble(p -> seconds(p.info().totalCpuDuration())).sum();
            return new CpuTimes(app.cpuTime().toMillis() / 1000.0, database,
                    seconds(ProcessHandle.current().info().totalCpuDuration()));
        }

        private static double seconds(Optional<Duration> time) {
            return time.map(Duration::toMillis).orElse(0L) / 1000.0;
        }

        CpuTimes minus(CpuTimes earlier) {
            return new CpuTimes(app - earlier.app, database - earlier.database, harness - earlier.harness);
        }
    }

    /** Sends the runs' webhooks at once (by {@value #SENDERS} senders); the seconds until all are analysed. */
    private static double sendAtOnce(PackagedApp app, CiScenario ci, WebhookSigner signer, List<WorkflowRun> runs,
            Map<String, Instant> sent) throws Exception {
        long concludedBefore = ci.repo.checkRuns().stream().filter(c -> c.conclusion() != null).count();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Webhook> webhooks = webhooks(runs, ci, signer);
        long start = System.nanoTime();
        List<Future<?>> sending = new ArrayList<>();
        for (Webhook webhook : webhooks) {
            sending.add(senders.submit(() -> send(app, webhook, sent)));
        }
        for (Future<?> f : sending) {
            f.get();
        }
        senders.shutdown();
        waitForAnalyses(ci, concludedBefore + runs.size());
        return (System.nanoTime() - start) / 1e9;
    }

    /** A delivery as GitHub sends it: built and signed before the clock starts, as GitHub does it elsewhere. */
    private record Webhook(String headSha, byte[] body, String signature) {
    }

    private static List<Webhook> webhooks(List<WorkflowRun> runs, CiScenario ci, WebhookSigner signer) {
        return runs.stream().map(run -> {
            byte[] body = ci.completed(run).bytes();
            return new Webhook(run.headSha(), body, signer.signature(body));
        }).toList();
    }

    private static Void send(PackagedApp app, Webhook webhook, Map<String, Instant> sent) throws Exception {
        sent.put(webhook.headSha(), Instant.now());
        HttpResponse<String> answer = app.webhook("workflow_run", UUID.randomUUID().toString(), webhook.body(),
                webhook.signature());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("webhook answered " + answer.statusCode());
        }
        return null;
    }

    /** First answer: the check run's creation; final: the first update that concludes it. */
    private static void report(String phase, List<WorkflowRun> runs, Map<String, Instant> sent, FakeGitHub github,
            int logBytes) {
        Map<String, CheckRun> bySha = new HashMap<>();
        for (CheckRun check : github.repository(runs.get(0).repository().fullName()).orElseThrow().checkRuns()) {
            bySha.put(check.headSha(), check);
        }
        List<RecordedRequest> requests = github.requests();
        long[] first = new long[runs.size()];
        long[] last = new long[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            CheckRun check = bySha.get(runs.get(i).headSha());
            Instant at = sent.get(runs.get(i).headSha());
            String path = "/check-runs/" + check.id();
            Instant created = requests.stream().filter(r -> "checks/create".equals(r.operationId()) && r.body() != null
                    && check.headSha().equals(r.body().path("head_sha").asText())).map(RecordedRequest::at)
                    .findFirst().orElseThrow();
            Instant concluded = requests.stream().filter(r -> "checks/update".equals(r.operationId())
                    && r.path().endsWith(path) && r.body() != null && r.body().hasNonNull("conclusion"))
                    .map(RecordedRequest::at).findFirst().orElseThrow();
            first[i] = Duration.between(at, created).toMillis();
            last[i] = Duration.between(at, concluded).toMillis();
        }
        System.out.printf("%s: %d failed runs with %.1f MB logs: first answer p50 %d ms, p99 %d ms; final p50 %d ms, "
                + "p99 %d ms%n", phase, runs.size(), logBytes / 1048576.0, percentile(first, 50), percentile(first, 99),
                percentile(last, 50), percentile(last, 99));
    }

    private static long percentile(long[] values, int percent) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(values.length * percent / 100.0) - 1)];
    }

    private static void waitForAnalyses(CiScenario ci, long runs) throws InterruptedException {
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
