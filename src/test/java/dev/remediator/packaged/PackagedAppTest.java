package dev.remediator.packaged;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import dev.remediator.testing.TestDatabase;
import dev.remediator.testing.github.FakeGitHub;

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
}
