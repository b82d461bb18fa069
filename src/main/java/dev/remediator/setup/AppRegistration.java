package dev.remediator.setup;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whether this instance runs as a registered GitHub App, or only serves the registration page; and whether a
 * registered one misses its webhook secret, in which case it can verify no delivery.
 */
@ApplicationScoped
public class AppRegistration {

    public boolean registered() {
        return !placeholder(UnregisteredAppConfigSource.APP_ID);
    }

    /** What keeps this instance from handling deliveries, in words for its operator, if anything. */
    public Optional<String> problem() {
        if (!registered()) {
            return Optional.of("not registered: open /setup");
        }
        if (placeholder(UnregisteredAppConfigSource.WEBHOOK_SECRET)) {
            return Optional.of("QUARKUS_GITHUB_APP_WEBHOOK_SECRET is not set: no delivery can be verified");
        }
        return Optional.empty();
    }

    private static boolean placeholder(String property) {
        Config config = ConfigProvider.getConfig();
        return UnregisteredAppConfigSource.NAME.equals(config.getConfigValue(property).getSourceName());
    }
}
