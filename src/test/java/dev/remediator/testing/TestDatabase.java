package dev.remediator.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import dev.remediator.config.LocalPostgres;

/**
 * Makes sure the test database exists before any test starts, so that {@code ./mvnw verify} passes by itself on a
 * machine with a bare PostgreSQL, or with none: then the tests run on an embedded one ({@link LocalPostgres}, data in
 * {@code target/embedded-postgres/test-PID}, fresh for each test JVM, so that one killed midway blocks no other). A
 * URL given in {@code QUARKUS_DATASOURCE_JDBC_URL} wins over both, and a PostgreSQL answering on 127.0.0.1:5432 over
 * the embedded one.
 */
public final class TestDatabase implements LauncherSessionListener {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/remediator_test";

    private static final String URL_VARIABLE = "QUARKUS_DATASOURCE_JDBC_URL";

    private static boolean ensured;
    private static String url;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            ensureExists();
        } catch (IllegalStateException e) {
            // Plain unit tests need no database: say what is wrong once, and let the database tests fail on it.
            System.err.println("[TestDatabase] " + e.getMessage());
        }
    }

    public static synchronized String url() {
        String fromEnvironment = System.getenv(URL_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        if (url == null) {
            // Quarkus test resources load this class again, in their own class loader: the server this JVM already
            // runs is found through the system property, not started twice on the same data
            String running = System.getProperty(URL_VARIABLE);
            url = running != null ? running : LocalPostgres.defaultAnswers() ? DEFAULT_URL : embedded();
        }
        return url;
    }

    /**
     * Starts the embedded server and hands its URL to the Quarkus tests of this JVM through the variable that
     * application.properties' test URL defers to (packaged apps get {@link #url()} from {@code PackagedApp}).
     */
    private static String embedded() {
        String embedded = LocalPostgres.start(LocalPostgres.buildDirectory()
                .resolve("embedded-postgres/test-" + ProcessHandle.current().pid()), true)
                .replaceFirst("/postgres$", "/remediator_test");
        System.setProperty(URL_VARIABLE, embedded);
        System.err.println("[TestDatabase] No PostgreSQL on 127.0.0.1:5432: the tests run on an embedded one at " + embedded);
        return embedded;
    }

    public static String username() {
        return Objects.requireNonNullElse(System.getenv("QUARKUS_DATASOURCE_USERNAME"), "postgres");
    }

    public static String password() {
        return System.getenv("QUARKUS_DATASOURCE_PASSWORD");
    }

    public static synchronized void ensureExists() {
        if (ensured) {
            return;
        }
        String url = url();
        URI uri = URI.create(url.substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        String maintenanceUrl = url.replace("/" + database, "/postgres");
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, username(), password());
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    // identifiers cannot be bound as parameters; the name comes from our own configuration
                    connection.createStatement().execute("create database \"" + database.replace("\"", "") + "\"");
                }
            }
            ensured = true;
        } catch (SQLException e) {
            throw new IllegalStateException("The tests need PostgreSQL at " + url + " (start it with "
                    + "'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start', or set "
                    + "QUARKUS_DATASOURCE_JDBC_URL): " + e.getMessage(), e);
        }
    }
}
