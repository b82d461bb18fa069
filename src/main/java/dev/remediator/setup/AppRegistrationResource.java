package dev.remediator.setup;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.remediator.config.RemediatorConfig;
import dev.remediator.github.GitHubTransport;
import dev.remediator.store.RegistrationStates;
import io.quarkiverse.githubapp.runtime.config.GitHubAppRuntimeConfig;
import io.quarkus.runtime.LaunchMode;

/**
 * The registration page an unregistered instance serves: it sends {@code app-manifest.yml}, pointed at this
 * instance, to GitHub's manifest flow, then turns the code GitHub gives back into the app's credentials and tells the
 * operator how to configure them (in dev mode it writes them to {@code .env}).
 */
@Path("/setup")
public class AppRegistrationResource {

    private static final Logger LOG = Logger.getLogger(AppRegistrationResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STATE_LIFETIME = Duration.ofHours(1);

    @Inject
    AppRegistration registration;

    @Inject
    RegistrationStates states;

    @Inject
    GitHubTransport transport;

    @Inject
    RemediatorConfig config;

    @Inject
    GitHubAppRuntimeConfig gitHubApp;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page(@QueryParam("organization") String organization, @Context UriInfo uri) throws IOException {
        if (registration.registered()) {
            return Html.page("Remediator is registered", "<p>This instance runs as a registered GitHub App. "
                    + "Install it on repositories from the app's page on GitHub.</p>");
        }
        String base = config.publicUrl().orElse(uri.getBaseUri().toString()).replaceAll("/+$", "");
        String webhookUrl = webhookUrl(base);
        ObjectNode manifest = manifest(base, webhookUrl);
        String state = newState();
        String target = config.github().webUrl() + (organization == null || organization.isBlank() ? "/settings/apps/new"
                : "/organizations/" + URLEncoder.encode(organization.trim(), StandardCharsets.UTF_8) + "/settings/apps/new")
                + "?state=" + state;
        return Html.page("Register Remediator as a GitHub App", """
                <p>This instance is not registered yet. Registering creates a GitHub App from
                <code>app-manifest.yml</code> whose webhooks go to <code>%s</code>.</p>%s
                <form method="get" action="setup"><label>Owner organisation (empty: your personal account)
                <input name="organization" value="%s"></label> <button>Use this owner</button></form>
                <form method="post" action="%s"><input type="hidden" name="manifest" value="%s">
                <button>Register on GitHub</button></form>
                <details><summary>Manifest sent</summary><pre>%s</pre></details>"""
                .formatted(Html.escape(webhookUrl), localWebhookWarning(webhookUrl),
                        Html.escape(organization == null ? "" : organization), Html.escape(target),
                        Html.escape(manifest.toString()), Html.escape(manifest.toPrettyString())));
    }

    @GET
    @Path("/callback")
    @Produces(MediaType.TEXT_HTML)
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state) throws IOException {
        if (registration.registered()) {
            return Response.status(409).entity(Html.page("Already registered", "<p>This instance already runs as a "
                    + "registered GitHub App; the manifest flow is closed.</p>")).build();
        }
        boolean issued = state != null && states.redeem(state, Instant.now().minus(STATE_LIFETIME));
        if (code == null || !code.matches("[A-Za-z0-9_-]+") || !issued) {
            return Response.status(400).entity(Html.page("Registration link expired",
                    "<p>This link is not one this instance issued, or it is older than an hour. "
                            + "<a href=\"../setup\">Start again</a>.</p>")).build();
        }
        HttpResponse<byte[]> conversion = transport.exchange(transport.newRequest(URI.create(gitHubApp.restApiEndpoint()
                + "/app-manifests/" + code + "/conversions")).header("Accept", "application/vnd.github+json")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (conversion.statusCode() != 201) {
            LOG.warnf("GitHub refused the manifest code: %d %s", conversion.statusCode(),
                    new String(conversion.body(), StandardCharsets.UTF_8));
            return Response.status(502).entity(Html.page("GitHub refused the registration",
                    "<p>GitHub answered " + conversion.statusCode() + ". Codes are valid for one hour and once only: "
                            + "<a href=\"../setup\">start again</a>.</p>")).build();
        }
        JsonNode app = JSON.readTree(conversion.body());
        String env = "QUARKUS_GITHUB_APP_APP_ID=" + app.path("id").asText() + "\n"
                + "QUARKUS_GITHUB_APP_APP_NAME=" + app.path("slug").asText() + "\n"
                + "QUARKUS_GITHUB_APP_WEBHOOK_SECRET=" + app.path("webhook_secret").asText() + "\n"
                + "QUARKUS_GITHUB_APP_PRIVATE_KEY=\"" + app.path("pem").asText().trim() + "\"\n"
                // the app's OAuth client: signing in to the dashboard
                + "REMEDIATOR_OAUTH_CLIENT_ID=" + app.path("client_id").asText() + "\n"
                + "REMEDIATOR_OAUTH_CLIENT_SECRET=" + app.path("client_secret").asText() + "\n";
        String where = "Give these to the app as environment variables (in Kubernetes: the <code>remediator-github-app"
                + "</code> secret, see <code>deploy/</code>), then restart it.";
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            Files.writeString(java.nio.file.Path.of(".env"), env, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            where = "They were written to <code>.env</code>; restart dev mode to use them.";
        }
        LOG.infof("Registered GitHub App %s (id %s)", app.path("slug").asText(), app.path("id").asText());
        return Response.ok(Html.page("Remediator is registered", "<p>GitHub created the app <a href=\""
                + Html.escape(app.path("html_url").asText()) + "\">" + Html.escape(app.path("slug").asText())
                + "</a>. " + where + " This page is shown once: keep the private key safe.</p><pre>"
                + Html.escape(env) + "</pre>")).build();
    }

    /**
     * Where GitHub is to send the app's webhooks: this instance, or in dev mode the webhook proxy channel
     * ({@code quarkus.github-app.webhook-proxy-url}, e.g. a smee.io channel) that the extension relays to it.
     */
    private String webhookUrl(String base) {
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT && gitHubApp.webhookProxyUrl().isPresent()) {
            return gitHubApp.webhookProxyUrl().get();
        }
        return base + gitHubApp.webhookUrlPath();
    }

    /** GitHub refuses a webhook URL it cannot reach, such as one on this machine: say how to get a proxy channel. */
    private static String localWebhookWarning(String webhookUrl) {
        String host = URI.create(webhookUrl).getHost();
        if (host == null || !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
            return "";
        }
        return "<p><b>GitHub refuses webhooks to this machine.</b> Open <a href=\"https://smee.io/new\">"
                + "https://smee.io/new</a>, copy the channel's address, and restart dev mode with it:"
                + " <code>QUARKUS_GITHUB_APP_WEBHOOK_PROXY_URL=https://smee.io/YOUR-CHANNEL ./mvnw quarkus:dev</code>"
                + " (or put that line in <code>.env</code>). GitHub then sends the webhooks to the channel, and"
                + " dev mode relays them here.</p>";
    }

    private ObjectNode manifest(String base, String webhookUrl) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/app-manifest.yml")) {
            ObjectNode manifest = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(in);
            manifest.with("hook_attributes").put("url", webhookUrl);
            manifest.put("redirect_url", base + "/setup/callback");
            return manifest;
        }
    }

    /** A one-time state for GitHub to hand back to the callback, on whichever replica it lands. */
    private String newState() {
        Instant now = Instant.now();
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String state = HexFormat.of().formatHex(random);
        states.issue(state, now, now.minus(STATE_LIFETIME));
        return state;
    }
}
