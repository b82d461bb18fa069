package dev.remediator.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.TestDatabase;

/**
 * Each start-up misconfiguration of the packaged app (production mode) stops it with one line on standard error
 * naming the setting, its environment variable and the fix, and no secret.
 */
class MisconfigurationIT {

    private static List<String> refusedStart(Map<String, String> settings) throws Exception {
        try (PackagedApp app = PackagedApp.unregistered(settings)) {
            List<String> errors = app.refusedStart();
            assertThat(errors).as("standard error").isNotEmpty();
            assertThat(app.output()).as("no stack trace below debug").doesNotContain("\tat ");
            return errors;
        }
    }

    @Test
    void anUnknownDuration() throws Exception {
        assertThat(refusedStart(Map.of("remediator.delivery.lease", "60x")).get(0)).isEqualTo(
                "remediator.delivery.lease (REMEDIATOR_DELIVERY_LEASE) is \"60x\", not a duration: write one such as"
                        + " 500ms, 60s, 5m, 6h or 14d");
    }

    @Test
    void aNegativeLease() throws Exception {
        assertThat(refusedStart(Map.of("remediator.delivery.lease", "-5s")).get(0))
                .startsWith("remediator.delivery.lease (REMEDIATOR_DELIVERY_LEASE) is -5s: it must be longer than zero");
    }

    @Test
    void aPrivateKeyThatIsNotPem() throws Exception {
        List<String> errors = refusedStart(Map.of("quarkus.github-app.app-id", "12345",
                "quarkus.github-app.private-key", "MIIEs3cr3tbutnotpem"));
        assertThat(errors.get(0)).startsWith("quarkus.github-app.private-key (QUARKUS_GITHUB_APP_PRIVATE_KEY) is not a"
                + " PEM private key: give the whole .pem file GitHub gave for the app");
        assertThat(String.join("\n", errors)).doesNotContain("s3cr3t");
    }

    @Test
    void aPostgresUrlInsteadOfAJdbcOneIsNotEchoed() throws Exception {
        List<String> errors = refusedStart(Map.of("quarkus.datasource.jdbc.url", "postgres://remediator:s3cr3t@db/remediator"));
        assertThat(errors.get(0)).startsWith("quarkus.datasource.jdbc.url (QUARKUS_DATASOURCE_JDBC_URL) is not a"
                + " PostgreSQL JDBC URL: write jdbc:postgresql://HOST:5432/DATABASE");
        assertThat(String.join("\n", errors)).doesNotContain("s3cr3t");
    }

    @Test
    void anUnreachableDatabase() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(refusedStart(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + closed
                + "/remediator?password=s3cr3t")).get(0)).isEqualTo("The database at 127.0.0.1:" + closed
                        + "/remediator is unreachable: start PostgreSQL there, or set quarkus.datasource.jdbc.url"
                        + " (QUARKUS_DATASOURCE_JDBC_URL) to where it runs");
    }

    @Test
    void aMissingDatabase() throws Exception {
        String url = TestDatabase.url().replaceFirst("/[^/?]+(\\?.*)?$", "/remediator_no_such_database");
        assertThat(refusedStart(Map.of("quarkus.datasource.jdbc.url", url)).get(0))
                .startsWith("The database ").contains("/remediator_no_such_database does not exist: create it");
    }
}
