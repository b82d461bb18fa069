package dev.remediator.setup;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until registered with a webhook secret: a deployment missing its GitHub App secrets must not take traffic. */
@Readiness
public class AppRegistrationHealthCheck implements HealthCheck {

    @Inject
    AppRegistration registration;

    @Override
    public HealthCheckResponse call() {
        var problem = registration.problem();
        return HealthCheckResponse.named("GitHub App registration")
                .status(problem.isEmpty())
                .withData("registration", problem.orElse("registered"))
                .build();
    }
}
