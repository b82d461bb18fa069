package dev.remediator.notify;

import dev.remediator.config.RemediatorConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.remediator.core.notify.NotificationText;
import dev.remediator.core.notify.OutageWatch;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Probes what Remediator cannot work without, GitHub and its database, and raises one critical message when either
 * has been unreachable for {@code remediator.notify.outage-after} (10 minutes), whatever the number of deliveries
 * waiting meanwhile. Each replica watches for itself: with the database down they cannot agree on who tells.
 */
@ApplicationScoped
public class OutageAlarm {

    @Inject
    RemediatorConfig config;

    private static final Logger LOG = Logger.getLogger(OutageAlarm.class);
    static final String GITHUB = "GitHub";
    static final String DATABASE = "its database";

    @Inject
    Notifier notifier;

    @Inject
    AgroalDataSource database;

    @ConfigProperty(name = "quarkus.github-app.instance-endpoint", defaultValue = "https://api.github.com")
    String githubApi;

    private OutageWatch watch;
    private HttpClient http;

    @PostConstruct
    void start() {
        watch = new OutageWatch(config.notifications().outageAfter());
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Scheduled(every = "${remediator.notify.outage-probe-interval}", delayed = "${remediator.notify.outage-probe-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void probe() {
        if (!notifier.configured()) {
            return;
        }
        check(GITHUB, githubReachable());
        check(DATABASE, databaseReachable());
    }

    private void check(String component, boolean reachable) {
        Instant now = Instant.now();
        watch.probed(component, reachable, now).ifPresent(outage -> {
            LOG.errorf("Remediator cannot reach %s since %s", component, outage.since());
            try {
                notifier.critical("outage-" + component.replace(' ', '-') + "-" + outage.since().toEpochMilli(),
                        NotificationText.critical(component, outage.since(), now));
            } catch (IOException e) {
                LOG.errorf(e, "Could not send the critical message about %s", component);
            }
        });
    }

    /** Any HTTP answer from the API counts: a 4xx or a rate limit still means GitHub is there. */
    private boolean githubReachable() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(githubApi.replaceAll("/+$", "")
                    + "/rate_limit")).timeout(Duration.ofSeconds(20)).header("Accept", "application/vnd.github+json")
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private boolean databaseReachable() {
        try (Connection connection = database.getConnection()) {
            return connection.isValid(10);
        } catch (SQLException e) {
            return false;
        }
    }
}
