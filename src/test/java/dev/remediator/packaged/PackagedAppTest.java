package dev.remediator.packaged;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.remediator.testing.TestDatabase;
import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.github.FakeGitHub;
import dev.remediator.testing.github.WebhookSigner;

/**
 * Base of the tests that run the packaged app as a process against a fake GitHub: after each test, every request the
 * app sent must be one GitHub accepts. The database is read directly, as the app's operator would.
 */
abstract class PackagedAppTest {

    protected static FakeGitHub github;

    @BeforeAll
    static void startGitHub() {
        github = FakeGitHub.start();
    }

    @AfterAll
    static void stopGitHub() {
        github.close();
    }

    @AfterEach
    void everyRequestWasOneGitHubAccepts() {
        github.faults().clear();
        github.assertNoViolations();
    }

    protected static Connection database() throws SQLException {
        return DriverManager.getConnection(TestDatabase.url(), TestDatabase.username(), TestDatabase.password());
    }

    /** The status of a stored delivery, null when none is stored. */
    protected static String status(String deliveryId) throws SQLException {
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement("select status from delivery where delivery_id = ?")) {
            query.setString(1, deliveryId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** Sends a webhook signed as the fake GitHub signs it under a new delivery id; returns the id. */
    protected static String deliver(PackagedApp app, WebhookPayload payload) throws Exception {
        return deliver(app, payload, UUID.randomUUID().toString());
    }

    /** The same under {@code deliveryId}: GitHub's redelivery when it is an id already sent. */
    protected static String deliver(PackagedApp app, WebhookPayload payload, String deliveryId) throws Exception {
        byte[] body = payload.bytes();
        assertThat(app.webhook(payload.event(), deliveryId, body, new WebhookSigner(github.webhookSecret()).signature(body))
                .statusCode()).isEqualTo(200);
        return deliveryId;
    }

    /** Moves the repository's one approval awaited past its deadline. */
    protected static void expireApprovals(long repositoryId) throws SQLException {
        try (Connection db = database(); PreparedStatement update = db.prepareStatement("update remediation "
                + "set approval_deadline = now() - interval '1 second' where repository_id = ? and state = 'AWAITING_APPROVAL'")) {
            update.setLong(1, repositoryId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
