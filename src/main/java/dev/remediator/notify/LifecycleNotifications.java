package dev.remediator.notify;

import dev.remediator.config.RemediatorConfig;
import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.core.config.LoadedConfig;
import dev.remediator.core.lifecycle.RemediationChanged;
import dev.remediator.core.notify.Notification;
import dev.remediator.core.notify.NotificationKinds;
import dev.remediator.github.RepositoryConfigLoader;
import dev.remediator.store.DriftStore;
import dev.remediator.store.GitHubLinks;
import dev.remediator.core.config.RepositoryConfig.Notify;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.store.InstallationStore;
import dev.remediator.store.KnownRepository;
import dev.remediator.store.RemediationStore;

/**
 * A lifecycle event as a notification, with the repository's notify config: what the Slack and webhook consumers
 * send. The links are to the check run that shows the remediation and to its dashboard page.
 */
@ApplicationScoped
public class LifecycleNotifications {

    @Inject
    RemediatorConfig settings;

    /** A notification and where the repository wants it. */
    public record Addressed(Notification notification, Notify where) {
    }

    @Inject
    RemediationStore remediations;

    @Inject
    InstallationStore installations;

    @Inject
    GitHubLinks links;

    @Inject
    DriftStore drift;

    @Inject
    RepositoryConfigLoader configs;

    public boolean notifiable(RemediationChanged event) {
        return NotificationKinds.of(event.event()).isPresent();
    }

    public Optional<Addressed> of(RemediationChanged event) throws IOException {
        Optional<Remediation> found = remediations.find(event.remediationId());
        Optional<KnownRepository> known = installations.repository(event.repositoryId());
        if (found.isEmpty() || known.isEmpty() || NotificationKinds.of(event.event()).isEmpty()) {
            return Optional.empty();
        }
        Remediation r = found.get();
        KnownRepository repository = known.get();
        LoadedConfig config = configs.load(repository.installationId(), repository.id(), repository.fullName());
        Optional<Long> checkRun = r.aboutDrift() ? drift.checkRun(r.repositoryId(), r.subject())
                : links.checkRun(r.repositoryId(), r.runId());
        Notification notification = new Notification(event.eventId(), NotificationKinds.of(event.event()).get(),
                repository.fullName(), r.id(), r.action().slug(), r.target(), r.risk().value(),
                r.approvalPermission() == null ? null : r.approvalPermission().name(), event.actor(), event.reason(),
                checkRun.map(id -> settings.github().webUrl() + "/" + repository.fullName() + "/runs/" + id).orElse(null),
                settings.publicUrl().map(url -> url.replaceAll("/+$", "") + "/dashboard/remediations/" + r.id()).orElse(null),
                r.pullUrl(), event.at());
        return Optional.of(new Addressed(notification, config.config().notifications()));
    }
}
