package dev.remediator.setup;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Whether this instance runs as a registered GitHub App, or only serves the registration page. */
@ApplicationScoped
public class AppRegistration {

    public boolean registered() {
        Config config = ConfigProvider.getConfig();
        return !UnregisteredAppConfigSource.NAME.equals(
                config.getConfigValue(UnregisteredAppConfigSource.APP_ID).getSourceName());
    }
}
