package dev.remediator.dashboard;

import java.util.List;
import java.util.Optional;

import dev.remediator.store.DashboardStore.RepositoryRow;

/** A signed-in user and the installed repositories GitHub says they can see. */
public record Viewer(String login, List<RepositoryRow> repositories) {

    public List<Long> repositoryIds() {
        return repositories.stream().map(RepositoryRow::id).toList();
    }

    public Optional<RepositoryRow> repository(long id) {
        return repositories.stream().filter(repository -> repository.id() == id).findFirst();
    }

    public Optional<RepositoryRow> repository(String fullName) {
        return repositories.stream().filter(repository -> repository.fullName().equalsIgnoreCase(fullName)).findFirst();
    }
}
