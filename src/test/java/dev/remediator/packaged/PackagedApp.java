package dev.remediator.packaged;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.remediator.testing.TestDatabase;
import dev.remediator.testing.github.FakeGitHub;
import dev.remediator.testing.github.WebhookSigner;

/**
 * The packaged app ({@code target/quarkus-app/quarkus-run.jar}) run as operators run it: its own JVM, production
 * launch mode (so webhook signatures are checked), configured through system properties against the test database
 * and a fake GitHub. It can be stopped, or killed with SIGKILL, and started again on the same port.
 */
public final class PackagedApp implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** Generous: the development machine is shared by several builds, and a start there has taken 80 s. */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(180);

    private final Map<String, String> settings;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> jvmOptions = new ArrayList<>();
    private Path javaHome = Path.of(System.getProperty("java.home"));
    private Process process;
    private Duration startup;

    private PackagedApp(Map<String, String> settings, int port) throws IOException {
        this.settings = settings;
        this.port = port;
        this.log = Files.createTempFile(Path.of("target"), "packaged-app-", ".log");
    }

    /** A registered app talking to {@code github}; {@code extra} settings win. */
    public static PackagedApp registered(FakeGitHub github, Map<String, String> extra) throws IOException {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("quarkus.github-app.app-id", String.valueOf(github.app().id()));
        settings.put("quarkus.github-app.private-key", github.app().privateKeyPem());
        settings.put("quarkus.github-app.webhook-secret", github.webhookSecret());
        settings.put("quarkus.github-app.instance-endpoint", github.baseUrl());
        settings.putAll(extra);
        return unregistered(settings);
    }

    /** An app with only the database configured, and {@code settings}. */
    public static PackagedApp unregistered(Map<String, String> settings) throws IOException {
        TestDatabase.ensureExists();
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("quarkus.datasource.jdbc.url", TestDatabase.url());
        all.put("quarkus.datasource.username", TestDatabase.username());
        all.putAll(settings);
        try (ServerSocket free = new ServerSocket(0)) {
            return new PackagedApp(all, free.getLocalPort());
        }
    }

    private List<String> command() {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run ./mvnw package first");
        }
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString()));
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.getFileName().toString()));
        return command;
    }

    /**
     * Run from the app's folder, as operators and the image do: the class-data sharing archive holds the jar's
     * relative path and is silently ignored elsewhere; and no {@code .env} of the developer's is read.
     */
    private ProcessBuilder launcher() {
        return new ProcessBuilder(command()).directory(JAR.getParent().toFile());
    }

    /** The JDK that runs the app (by default the one running the caller). */
    public PackagedApp javaHome(Path home) {
        this.javaHome = home;
        return this;
    }

    /** Options given to the app's JVM, such as {@code -XX:SharedArchiveFile=...}. */
    public PackagedApp jvmOptions(List<String> options) {
        jvmOptions.addAll(options);
        return this;
    }

    /** Starts the app expecting it to refuse to start; returns what it wrote on standard error. */
    public List<String> refusedStart() throws IOException, InterruptedException {
        Path errors = Files.createTempFile(Path.of("target"), "packaged-app-", ".err");
        Process refused = launcher().redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectError(errors.toFile()).start();
        if (!refused.waitFor(STARTUP_LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            refused.destroyForcibly();
            throw new IllegalStateException("the packaged app did not stop at start; see " + log.toAbsolutePath());
        }
        if (refused.exitValue() == 0) {
            throw new IllegalStateException("the packaged app exited 0; see " + log.toAbsolutePath());
        }
        return Files.readAllLines(errors);
    }

    /** Everything the app wrote on standard output so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    public PackagedApp start() throws IOException, InterruptedException {
        ProcessBuilder launcher = launcher();
        long begin = System.nanoTime();
        process = launcher.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the packaged app stopped at start; see " + log.toAbsolutePath());
            }
            if (live()) {
                startup = Duration.ofNanos(System.nanoTime() - begin);
                return this;
            }
            Thread.sleep(100);
        }
        // left running, it would go on working against the test database after the test gave up on it
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("the packaged app did not start within " + STARTUP_LIMIT.toSeconds() + " s; see "
                + log.toAbsolutePath());
    }

    private boolean live() {
        try {
            return get("/q/health/live").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** From launching the JVM until the app answers its liveness check. */
    public Duration startup() {
        return startup;
    }

    /** The resident memory of the app's process, from /proc, in KiB. */
    public long residentKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for process " + process.pid());
    }

    /** The processor time the app's process has used so far, all its threads together. */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException(
                "no processor time for process " + process.pid()));
    }

    /** SIGKILL: no shutdown hook, no lease released, exactly as a crash or an OOM kill. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a webhook; {@code signature} null sends none. */
    public HttpResponse<String> webhook(String event, String deliveryId, byte[] body, String signature)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-GitHub-Event", event).header("X-GitHub-Delivery", deliveryId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(WebhookSigner.HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public File log() {
        return log.toFile();
    }
}
