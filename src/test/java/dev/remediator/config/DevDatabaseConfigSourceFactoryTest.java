package dev.remediator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Where an embedded PostgreSQL may be offered: dev mode only, and never over a URL someone gave. */
class DevDatabaseConfigSourceFactoryTest {

    private static boolean offersEmbedded(String profile, Map<String, String> given) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(given, "given", 300))
                .withSources(new DevDatabaseConfigSourceFactory()).build();
        // asking only which sources exist: the server starts when the URL itself is read
        return StreamSupport.stream(config.getConfigSources().spliterator(), false).map(ConfigSource::getName)
                .anyMatch("remediator-embedded-dev-database"::equals);
    }

    @Test
    void devModeWithoutAUrlIsOfferedOne() {
        assertThat(offersEmbedded("dev", Map.of())).isTrue();
    }

    @Test
    void aGivenUrlAlwaysWins() {
        assertThat(offersEmbedded("dev", Map.of(DevDatabaseConfigSourceFactory.URL_VARIABLE,
                "jdbc:postgresql://db.example.com:5432/remediator"))).isFalse();
    }

    @Test
    void productionAndTheTestsAreNeverOfferedOne() {
        assertThat(offersEmbedded("prod", Map.of())).isFalse();
        assertThat(offersEmbedded("test", Map.of())).as("the tests have TestDatabase").isFalse();
    }
}
