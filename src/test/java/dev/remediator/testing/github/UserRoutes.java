package dev.remediator.testing.github;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a user who signed in to the app may see with their user access token: themselves, the app's installations on
 * which they can reach a repository, and those repositories (as GitHub: explicit permission, i.e. collaborators).
 */
final class UserRoutes {

    private final GitHubState state;
    private final Representations json;
    private final AppRoutes app;

    UserRoutes(GitHubState state, Representations json, AppRoutes app) {
        this.state = state;
        this.json = json;
        this.app = app;
    }

    void register(Routes routes) {
        routes.on("users/get-authenticated", RequiredAccess.USER, request -> ApiResponse.ok(
                json.user(request.caller().login()).put("name", request.caller().login()).putNull("email")));
        routes.on("apps/list-installations-for-authenticated-user", RequiredAccess.USER, request -> request.page(
                "installations", state.installations().stream()
                        .filter(installation -> !reachable(installation, request.caller().login()).isEmpty())
                        .map(app::installation).toList()));
        routes.on("apps/list-installation-repos-for-authenticated-user", RequiredAccess.USER, request -> {
            Installation installation = state.installation(request.pathLong("installation_id"))
                    .orElseThrow(ApiError::notFound);
            List<Repository> repositories = reachable(installation, request.caller().login());
            if (repositories.isEmpty()) {
                throw ApiError.notFound();
            }
            ApiResponse page = request.page("repositories", repositories.stream().map(this::repository).toList());
            ((ObjectNode) page.body()).put("repository_selection", "selected");
            return page;
        });
    }

    private ObjectNode repository(Repository repository) {
        return json.repository(repository);
    }

    private static List<Repository> reachable(Installation installation, String login) {
        return installation.repositories().stream()
                .filter(repository -> repository.collaboratorRole(login).isPresent()).toList();
    }
}
