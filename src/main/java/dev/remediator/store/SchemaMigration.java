package dev.remediator.store;

import java.net.URI;
import java.sql.SQLException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Migrates the database before anything else runs at start. Done here rather than by Quarkus's
 * {@code migrate-at-start} so that an unreachable, missing or refusing database stops the start with one line that
 * says which setting to fix (the database's address without user, password or parameters); the stack trace goes to
 * the debug log.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);

    @Inject
    Flyway flyway;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    void migrate(@Observes @Priority(1) StartupEvent event) {
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            LOG.debug("Database migration failed", e);
            throw new ConfigurationException(explain(url, e));
        }
    }

    /** One line: what is wrong with the database and which settings to change. */
    public static String explain(String url, Throwable failure) {
        String database = where(url);
        SQLException sql = sqlCause(failure);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("08")) {
            return "The database at " + database + " is unreachable: start PostgreSQL there, or set"
                    + " quarkus.datasource.jdbc.url (QUARKUS_DATASOURCE_JDBC_URL) to where it runs";
        }
        if (state.equals("3D000")) {
            return "The database " + database + " does not exist: create it (createdb), or set"
                    + " quarkus.datasource.jdbc.url (QUARKUS_DATASOURCE_JDBC_URL) to an existing one";
        }
        if (state.startsWith("28")) {
            return "The database at " + database + " refused the login: set quarkus.datasource.username"
                    + " (QUARKUS_DATASOURCE_USERNAME) and quarkus.datasource.password (QUARKUS_DATASOURCE_PASSWORD)";
        }
        return "The database at " + database + " could not be migrated (" + (sql == null ? failure.getClass().getSimpleName()
                : "SQL state " + state) + "): see the debug log (QUARKUS_LOG_CATEGORY__DEV_REMEDIATOR__LEVEL=DEBUG)";
    }

    /** host:port/database of a JDBC URL, nothing else: a password can hide in its user part or its parameters. */
    static String where(String url) {
        try {
            URI uri = URI.create(url.substring("jdbc:".length()));
            return uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + uri.getPath();
        } catch (RuntimeException e) {
            return "quarkus.datasource.jdbc.url";
        }
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
