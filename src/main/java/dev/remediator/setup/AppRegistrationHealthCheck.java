package dev.remediator.setup;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until registered: a deployment missing its GitHub App secret must not take traffic. */
@Readiness
public class AppRegistrationHealthCheck implements HealthCheck {

    @Inject
    AppRegistration registration;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("GitHub App registration")
                .status(registration.registered())
                .withData("registration", registration.registered() ? "registered" : "not registered: open /setup")
                .build();
    }
}
