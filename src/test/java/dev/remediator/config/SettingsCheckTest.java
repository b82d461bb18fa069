package dev.remediator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class SettingsCheckTest {

    @Test
    void everySettingOfTheMappingIsKnownWithItsEnvironmentVariable() {
        assertThat(SettingsCheck.settings()).contains("remediator.delivery.lease", "remediator.delivery.workers",
                "remediator.github.retry.max-rate-limit-wait", "remediator.github.circuit-breaker.failure-ratio",
                "remediator.config.cache-ttl", "remediator.public-url", "remediator.api.token",
                "remediator.retention.deliveries", "remediator.drift.scan-cron");
        assertThat(SettingsCheck.environmentVariable("remediator.github.circuit-breaker.failure-ratio"))
                .isEqualTo("REMEDIATOR_GITHUB_CIRCUIT_BREAKER_FAILURE_RATIO");
    }

    @Test
    void everyRemediatorEnvironmentVariableTheReadmeNamesIsASetting() throws IOException {
        Set<String> known = SettingsCheck.settings().stream().map(SettingsCheck::environmentVariable)
                .collect(Collectors.toSet());
        Matcher variables = Pattern.compile("\\bREMEDIATOR_[A-Z0-9_]*[A-Z0-9]").matcher(Files.readString(Path.of("README.md")));
        Set<String> named = new TreeSet<>();
        while (variables.find()) {
            named.add(variables.group());
        }
        assertThat(named).isNotEmpty();
        assertThat(known).containsAll(named.stream().filter(name -> !name.equals("REMEDIATOR_JAVA_OPTS")).toList());
    }

    @Test
    void durationsMustBeDurationsLongerThanZero() {
        assertThat(SettingsCheck.problem("remediator.delivery.lease", "60s")).isEmpty();
        assertThat(SettingsCheck.problem("remediator.retention.runs", "90d")).isEmpty();
        assertThat(SettingsCheck.problem("remediator.delivery.lease", "60x")).get().asString()
                .contains("\"60x\", not a duration");
        assertThat(SettingsCheck.problem("remediator.delivery.lease", "-5s")).get().asString()
                .contains("longer than zero");
        assertThat(SettingsCheck.problem("remediator.delivery.lease", "0s")).isPresent();
    }

    @Test
    void numbersSharesAndAddressesHaveTheirRanges() {
        assertThat(SettingsCheck.problem("remediator.delivery.workers", "0")).isPresent();
        assertThat(SettingsCheck.problem("remediator.delivery.workers", "eight")).isPresent();
        assertThat(SettingsCheck.problem("remediator.delivery.workers", "8")).isEmpty();
        assertThat(SettingsCheck.problem("remediator.github.retry.max-retries", "0")).isEmpty();
        assertThat(SettingsCheck.problem("remediator.github.circuit-breaker.failure-ratio", "1.5")).isPresent();
        assertThat(SettingsCheck.problem("remediator.github.circuit-breaker.failure-ratio", "0.25")).isEmpty();
        assertThat(SettingsCheck.problem("remediator.public-url", "remediator.example.com")).isPresent();
        assertThat(SettingsCheck.problem("remediator.public-url", "https://remediator.example.com")).isEmpty();
    }

    @Test
    void aBadPrivateKeyOrDatabaseUrlIsNamedWithoutRepeatingIt() {
        assertThat(SettingsCheck.problem("quarkus.github-app.private-key", ThrowawayKey.pem())).isEmpty();
        assertThat(SettingsCheck.problem("quarkus.github-app.private-key", "s3cret-not-a-key")).get().asString()
                .contains("not a PEM private key").doesNotContain("s3cret");
        assertThat(SettingsCheck.problem("quarkus.datasource.jdbc.url", "postgres://u:s3cret@db/remediator")).get()
                .asString().contains("jdbc:postgresql://HOST:5432/DATABASE").doesNotContain("s3cret");
    }
}
