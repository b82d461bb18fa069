package dev.remediator.dashboard;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Turns GitHub sign-in on only when the app's OAuth client is configured ({@code REMEDIATOR_OAUTH_CLIENT_ID} and
 * {@code REMEDIATOR_OAUTH_CLIENT_SECRET}): OIDC refuses to start a tenant without a client id, and an instance
 * without one must run as before, its dashboard saying that sign-in is not configured.
 */
public class OAuthSignInConfigSourceFactory implements ConfigSourceFactory {

    static final String CLIENT_ID = "remediator.oauth.client-id";
    static final String CLIENT_SECRET = "remediator.oauth.client-secret";
    static final String TENANT_ENABLED = "quarkus.oidc.tenant-enabled";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean configured = present(context.getValue(CLIENT_ID)) && present(context.getValue(CLIENT_SECRET));
        return List.of(new MapBackedConfigSource("remediator-oauth-sign-in", Map.of(TENANT_ENABLED,
                String.valueOf(configured)), 50) {
        });
    }

    /** Below application.properties and the environment, so that an operator can still turn sign-in off. */
    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    private static boolean present(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    /** Whether sign-in is on, as this factory decided it. */
    static boolean enabled(org.eclipse.microprofile.config.Config config) {
        return config.getOptionalValue(TENANT_ENABLED, Boolean.class).orElse(false);
    }
}
