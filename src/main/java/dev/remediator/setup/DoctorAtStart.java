package dev.remediator.setup;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import dev.remediator.config.RemediatorConfig;
import io.quarkiverse.githubapp.runtime.config.GitHubAppRuntimeConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs the {@link Doctor}'s GitHub checks once, in the background, when a registered instance starts, and shows
 * them as a readiness detail. Credentials that GitHub refuses make the instance not ready; the other findings are
 * reported (a missing permission or a wrong webhook URL is for the operator to fix, not a reason to refuse work).
 * Not in the test run, whose GitHub is a fake that counts every call.
 */
@ApplicationScoped
@Readiness
public class DoctorAtStart implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DoctorAtStart.class);

    @Inject
    AppRegistration registration;

    @Inject
    GitHubAppRuntimeConfig gitHubApp;

    @Inject
    RemediatorConfig config;

    private volatile List<Doctor.Check> checks;

    void examine(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.TEST || !registration.registered()) {
            return;
        }
        Thread doctor = new Thread(() -> {
            checks = Doctor.examine(new Doctor.Settings(gitHubApp.appId().orElseThrow(), gitHubApp.privateKey().orElseThrow(),
                    registration.problem().isEmpty(), config.publicUrl().orElse(null), gitHubApp.webhookUrlPath(),
                    gitHubApp.restApiEndpoint(), null, null, null, null));
            checks.stream().filter(check -> !check.ok()).forEach(check -> LOG.warn(check.render().replace("\n    ", "; ")));
        }, "doctor");
        doctor.setDaemon(true);
        doctor.start();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("GitHub App doctor");
        List<Doctor.Check> found = checks;
        if (found == null) {
            return response.up().withData("checks", registration.registered() ? "not run (yet)" : "not registered").build();
        }
        found.forEach(check -> response.withData(check.what(), (check.ok() ? "✓ " : "✗ ") + check.detail()));
        boolean refused = found.stream().anyMatch(check -> check.what().equals(Doctor.APP) && !check.ok());
        return response.status(!refused).build();
    }
}
