package dev.remediator.benchmark;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import dev.remediator.packaged.PackagedApp;
import dev.remediator.testing.CiScenario;
import dev.remediator.testing.TestDatabase;
import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.github.FakeGitHub;
import dev.remediator.testing.github.WebhookSigner;

/**
 * Time from POST to stored delivery: the packaged app answers GitHub only once the delivery is in PostgreSQL, so the
 * time to its 200 is an upper bound of the time to store it. Sends DELIVERIES (default 1,000) real, signed
 * {@code workflow_run} bodies one after the other, after a warm-up, and prints p50, p90, p99 and the maximum, with
 * the app's startup time and resident memory. Run with {@code bin/bench-intake [DELIVERIES]}.
 */
public final class IntakeLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        int deliveries = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try (FakeGitHub github = FakeGitHub.start();
                PackagedApp app = PackagedApp.registered(github, Map.of()).start()) {
            WebhookSigner signer = new WebhookSigner(github.webhookSecret());
            WebhookPayload payload = WebhookPayload.example("workflow_run/completed.payload.json")
                    .installation(CiScenario.nextId());
            for (int i = 0; i < 200; i++) {
                send(app, signer, payload, UUID.randomUUID().toString());
            }
            long[] micros = new long[deliveries];
            String[] ids = new String[deliveries];
            for (int i = 0; i < deliveries; i++) {
                ids[i] = UUID.randomUUID().toString();
                long start = System.nanoTime();
                send(app, signer, payload, ids[i]);
                micros[i] = (System.nanoTime() - start) / 1000;
            }
            Arrays.sort(micros);
            System.out.printf("intake: %d deliveries of %d bytes, POST to stored (200): p50 %.1f ms, p90 %.1f ms, "
                    + "p99 %.1f ms, max %.1f ms%n", deliveries, payload.bytes().length, percentile(micros, 50),
                    percentile(micros, 90), percentile(micros, 99), micros[deliveries - 1] / 1000.0);
            System.out.printf("stored: %d of %d deliveries found in the database%n", stored(ids), deliveries);
            System.out.printf("packaged app: answering %d ms after launch, resident memory %d MiB after the run%n",
                    app.startup().toMillis(), app.residentKib() / 1024);
        }
    }

    private static void send(PackagedApp app, WebhookSigner signer, WebhookPayload payload, String id) throws Exception {
        payload.at("workflow_run").put("id", Math.abs(id.hashCode()));
        byte[] body = payload.bytes();
        HttpResponse<String> response = app.webhook("workflow_run", id, body, signer.signature(body));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("delivery " + id + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static double percentile(long[] sortedMicros, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, index)] / 1000.0;
    }

    private static int stored(String[] ids) throws Exception {
        try (Connection db = DriverManager.getConnection(TestDatabase.url(), TestDatabase.username(), TestDatabase.password());
                PreparedStatement query = db.prepareStatement("select count(*) from delivery where delivery_id = any(?)")) {
            query.setArray(1, db.createArrayOf("text", ids));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
