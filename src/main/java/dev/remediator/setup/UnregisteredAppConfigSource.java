package dev.remediator.setup;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import dev.remediator.config.ThrowawayKey;

/**
 * Lets an instance start before it is registered as a GitHub App, so that it can serve the registration page
 * ({@code /setup}). The extension refuses to start without an app id and a private key; this source gives it
 * throwaway ones at the lowest priority, so that any real value wins. With them nothing can be done on GitHub, and
 * the random webhook secret makes every delivery fail its signature check: an unregistered instance acts on nothing.
 */
public class UnregisteredAppConfigSource implements ConfigSource {

    public static final String NAME = "remediator-unregistered-app";
    static final String APP_ID = "quarkus.github-app.app-id";
    private static final String PRIVATE_KEY = "quarkus.github-app.private-key";
    static final String WEBHOOK_SECRET = "quarkus.github-app.webhook-secret";

    private volatile Map<String, String> properties;

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(APP_ID, PRIVATE_KEY, WEBHOOK_SECRET);
    }

    @Override
    public String getValue(String name) {
        return getPropertyNames().contains(name) ? properties().get(name) : null;
    }

    @Override
    public int getOrdinal() {
        return 1;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Generated on first use only: most runs have real credentials and never ask this source. */
    private Map<String, String> properties() {
        if (properties == null) {
            synchronized (this) {
                if (properties == null) {
                    byte[] secret = new byte[32];
                    new SecureRandom().nextBytes(secret);
                    properties = Map.of(APP_ID, "0", PRIVATE_KEY, ThrowawayKey.pem(), WEBHOOK_SECRET,
                            HexFormat.of().formatHex(secret));
                }
            }
        }
        return properties;
    }
}
