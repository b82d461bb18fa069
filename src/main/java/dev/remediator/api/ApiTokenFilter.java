package dev.remediator.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import dev.remediator.config.RemediatorConfig;

/**
 * Guards everything under {@code /api} (read-only and token-protected): a request must carry
 * {@code Authorization: Bearer <remediator.api.token>}. With no token configured the API refuses every call, so that
 * an instance deployed without one never serves data. Applied before matching, so that an unknown path under
 * {@code /api} reveals nothing either.
 */
@Provider
@PreMatching
public class ApiTokenFilter implements ContainerRequestFilter {

    static final String PREFIX = "Bearer ";

    /** Looked up per request: filters are built at static init, before the runtime settings exist. */
    @Inject
    Instance<RemediatorConfig> config;

    @Override
    public void filter(ContainerRequestContext request) {
        // the first path segment without its matrix parameters: /api;x=1/... is under /api as well
        boolean underApi = request.getUriInfo().getPathSegments().stream().map(PathSegment::getPath)
                .filter(segment -> !segment.isEmpty()).findFirst().map("api"::equals).orElse(false);
        if (!underApi) {
            return;
        }
        refusal(config.get().api().token(), request.getHeaderString(HttpHeaders.AUTHORIZATION)).ifPresent(reason -> request.abortWith(
                Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON_TYPE)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"remediator\"")
                        .entity(Map.of("error", reason)).build()));
    }

    /** Why a request with this {@code Authorization} header is refused, or empty when it may pass. */
    static Optional<String> refusal(Optional<String> configured, String authorization) {
        if (configured.isEmpty() || configured.get().isBlank()) {
            return Optional.of("the API is disabled: set remediator.api.token to enable it");
        }
        if (authorization == null || !authorization.startsWith(PREFIX)) {
            return Optional.of("missing bearer token: send Authorization: Bearer <remediator.api.token>");
        }
        byte[] given = authorization.substring(PREFIX.length()).strip().getBytes(StandardCharsets.UTF_8);
        // compared in constant time, so that response times do not reveal the token
        if (!MessageDigest.isEqual(given, configured.get().strip().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("wrong bearer token");
        }
        return Optional.empty();
    }
}
