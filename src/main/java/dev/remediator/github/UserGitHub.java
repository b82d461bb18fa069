package dev.remediator.github;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What GitHub lets a signed-in user see of the app, asked with the user's own access token: the app's installations
 * they can reach and, in each, the repositories they have explicit permission on.
 */
@ApplicationScoped
public class UserGitHub {

    /** A repository a user can see, in an installation of the app. */
    public record VisibleRepository(long installationId, long id, String fullName) {
    }

    @Inject
    GitHubRest rest;

    /** Every repository the user can see across the app's installations: one call, plus one per installation. */
    public List<VisibleRepository> visibleRepositories(String userToken) throws IOException {
        List<VisibleRepository> visible = new ArrayList<>();
        for (JsonNode installation : rest.list(userToken, "/user/installations", "installations")) {
            long installationId = installation.path("id").asLong();
            for (JsonNode repository : rest.list(userToken, "/user/installations/" + installationId + "/repositories",
                    "repositories")) {
                visible.add(new VisibleRepository(installationId, repository.path("id").asLong(),
                        repository.path("full_name").asText()));
            }
        }
        return visible;
    }
}
