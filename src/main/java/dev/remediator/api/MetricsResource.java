package dev.remediator.api;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.remediator.store.InstallationStore;
import dev.remediator.store.ModelStore;
import dev.remediator.store.OutcomeStore;

/**
 * Measured outcomes: what became of Remediator's remediations over the last {@code days} (default 30), in one
 * repository ({@code owner/name}) or, without {@code repository}, across every repository it is installed on.
 */
@Path("/api/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    @Inject
    InstallationStore installations;

    @Inject
    OutcomeStore outcomes;

    @Inject
    ModelStore models;

    /** @param model what the language model did: readings shown, tokens per installation and day */
    public record Metrics(String repository, int days, Instant since, OutcomeStore.Outcomes outcomes,
            ModelStore.Usage model) {
    }

    @GET
    public Metrics metrics(@QueryParam("repository") String repository, @QueryParam("days") String days) {
        int window = days(days);
        Long repositoryId = null;
        if (repository != null) {
            if (!repository.contains("/")) {
                throw ApiPages.problem(Response.Status.BAD_REQUEST, "repository must be given as owner/name");
            }
            repositoryId = installations.repository(repository).orElseThrow(() -> ApiPages.problem(
                    Response.Status.NOT_FOUND, "Remediator is not installed on " + repository)).id();
        }
        Instant since = Instant.now().minus(Duration.ofDays(window));
        return new Metrics(repository, window, since, outcomes.since(repositoryId, since), models.usage(repositoryId, since));
    }

    private static int days(String value) {
        if (value == null) {
            return DEFAULT_DAYS;
        }
        try {
            int days = Integer.parseInt(value.strip());
            if (days >= 1 && days <= MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw ApiPages.problem(Response.Status.BAD_REQUEST, "days must be a whole number from 1 to " + MAX_DAYS
                + ", got '" + value + "'");
    }
}
