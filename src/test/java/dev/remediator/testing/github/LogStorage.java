package dev.remediator.testing.github;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The second origin, standing in for the blob storage GitHub redirects log downloads to: short-lived signed URLs,
 * content sent with its length, or streamed as it is read when it is long (logs can be hundreds of megabytes), and
 * a refusal of any request that carries an `Authorization` header, as the storage does (a client must not forward
 * its GitHub token there).
 */
final class LogStorage implements AutoCloseable {

    /** Writes a download's bytes; called once per download, so a log is read from its source each time. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private record Entry(Content content, String contentType, Instant expiresAt) {
    }

    /** GitHub's log URLs expire after a minute. */
    static final Duration URL_LIFETIME = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Consumer<Violation> violations;
    private final HttpServer server;

    LogStorage(Clock clock, Consumer<Violation> violations, ExecutorService executor) throws IOException {
        this.clock = clock;
        this.violations = violations;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A signed URL that serves the content until it expires. */
    String publish(String fileName, String contentType, Content content) {
        byte[] key = new byte[20];
        random.nextBytes(key);
        String signature = HexFormat.of().formatHex(key);
        Instant expiresAt = clock.instant().plus(URL_LIFETIME);
        entries.put(signature, new Entry(content, contentType, expiresAt));
        return baseUrl() + "/logs/" + fileName + "?sig=" + signature + "&se=" + expiresAt.getEpochSecond();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            List<String> signatures = Urls.parseQuery(query).getOrDefault("sig", List.of());
            Entry entry = signatures.isEmpty() ? null : entries.get(signatures.get(0));
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestHeaders().containsKey("Authorization")) {
                violations.accept(new Violation(clock.instant(), exchange.getRequestMethod(), path,
                        List.of("the log download sent an Authorization header to the storage origin")));
                refuse(exchange, 400, "InvalidAuthenticationInfo", "Authentication information is not given in "
                        + "the correct format. Check the value of Authorization header.");
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                refuse(exchange, 405, "UnsupportedHttpVerb", "The resource doesn't support specified Http Verb.");
            } else if (entry == null) {
                refuse(exchange, 404, "BlobNotFound", "The specified blob does not exist.");
            } else if (clock.instant().isAfter(entry.expiresAt())) {
                refuse(exchange, 403, "AuthenticationFailed", "Signed expiry time has to be after signed start "
                        + "time.");
            } else {
                exchange.getResponseHeaders().set("Content-Type", entry.contentType());
                try (LengthFirst out = new LengthFirst(exchange)) {
                    entry.content().writeTo(out);
                    out.finish();
                }
            }
        }
    }

    /**
     * The storage names a blob's length, as GitHub's does: content up to {@link #KNOWN_LENGTH} is gathered first and
     * sent with its length in one write; longer content is streamed in chunks as it comes. Each serving thread gathers
     * into a buffer it keeps for its next downloads: a benchmark serves a gigabyte of logs a burst, and a fresh buffer
     * for each would cost the fake more processor time (allocating, clearing, copying) than sending them, on the cores
     * it shares with the app measured.
     */
    private static final class LengthFirst extends OutputStream {

        static final int KNOWN_LENGTH = 16 << 20;
        private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[1 << 16]);

        private final HttpExchange exchange;
        private byte[] head = BUFFERS.get();
        private int gathered;
        private OutputStream streaming;

        LengthFirst(HttpExchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (streaming != null) {
                streaming.write(b, off, len);
                return;
            }
            if (gathered + len > KNOWN_LENGTH) {
                exchange.sendResponseHeaders(200, 0);
                streaming = exchange.getResponseBody();
                streaming.write(head, 0, gathered);
                streaming.write(b, off, len);
                return;
            }
            if (gathered + len > head.length) {
                head = Arrays.copyOf(head, Math.min(KNOWN_LENGTH, Math.max(gathered + len, 2 * head.length)));
                BUFFERS.set(head);
            }
            System.arraycopy(b, off, head, gathered, len);
            gathered += len;
        }

        /** The content is complete: what was gathered goes out with its length. */
        void finish() throws IOException {
            if (streaming == null) {
                exchange.sendResponseHeaders(200, gathered == 0 ? -1 : gathered);
                streaming = exchange.getResponseBody();
                streaming.write(head, 0, gathered);
            }
        }

        /** Without {@link #finish}, content that failed half-way was never answered: the client sees the failure. */
        @Override
        public void close() throws IOException {
            if (streaming != null) {
                streaming.close();
            }
        }
    }

    private static void refuse(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>"
                + message + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
