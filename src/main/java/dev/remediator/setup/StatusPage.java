package dev.remediator.setup;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.remediator.config.ProjectVersion;
import io.quarkiverse.githubapp.runtime.config.GitHubAppRuntimeConfig;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /}: Remediator's own status page, in place of the extension's: whether this instance is registered as a
 * GitHub App, whether it is ready and, if not, why (the readiness checks that are down, with what they say), and
 * where to go next.
 */
@ApplicationScoped
public class StatusPage {

    /** Ahead of the extension's own page at {@code /}. */
    private static final int BEFORE_EXTENSION = -1000;

    @Inject
    AppRegistration registration;

    @Inject
    GitHubAppRuntimeConfig gitHubApp;

    @Inject
    SmallRyeHealthReporter health;

    void register(@Observes Router router) {
        router.get("/").order(BEFORE_EXTENSION).blockingHandler(this::show, false);
    }

    private void show(RoutingContext context) {
        context.response().putHeader("Content-Type", "text/html; charset=utf-8").end(render());
    }

    String render() {
        List<String> unready = unreadyReasons();
        StringBuilder body = new StringBuilder("<ul>");
        if (registration.registered()) {
            body.append("<li>Registered as the GitHub App <b>")
                    .append(Html.escape(gitHubApp.appName().orElse("?"))).append("</b> (id ")
                    .append(Html.escape(gitHubApp.appId().orElse("?"))).append(")</li>");
        } else {
            body.append("<li>Not registered as a GitHub App yet: <a href=\"/setup\">register it</a></li>");
        }
        if (unready.isEmpty()) {
            body.append("<li>Ready: webhooks are taken</li>");
        } else {
            body.append("<li>Not ready:<ul>");
            unready.forEach(reason -> body.append("<li>").append(Html.escape(reason)).append("</li>"));
            body.append("</ul></li>");
        }
        body.append("</ul><p><a href=\"/setup\">Setup</a> · <a href=\"/dashboard\">Dashboard</a> · ")
                .append("<a href=\"/q/openapi\">API document</a> · <a href=\"/q/health\">Health</a> · ")
                .append("<a href=\"/q/metrics\">Metrics</a></p><p>Remediator ")
                .append(Html.escape(ProjectVersion.get())).append("</p>");
        return Html.page(unready.isEmpty() ? "Remediator is ready" : "Remediator is not ready", body.toString());
    }

    /** Each readiness check that is down, with what it says. */
    private List<String> unreadyReasons() {
        List<String> reasons = new ArrayList<>();
        JsonObject readiness = new JsonObject(health.getReadiness().getPayload().toString());
        for (Object item : readiness.getJsonArray("checks")) {
            JsonObject check = (JsonObject) item;
            if (!"UP".equals(check.getString("status"))) {
                JsonObject data = check.getJsonObject("data");
                reasons.add(check.getString("name") + (data == null || data.isEmpty() ? ""
                        : ": " + String.join("; ", data.stream().map(e -> String.valueOf(e.getValue())).toList())));
            }
        }
        return reasons;
    }
}
