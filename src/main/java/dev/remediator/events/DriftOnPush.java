package dev.remediator.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.core.config.LoadedConfig;
import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.remediation.RemediatorBranch;
import dev.remediator.delivery.Delivery;
import dev.remediator.delivery.DeliveryHandler;
import dev.remediator.github.RepositoryConfigLoader;
import dev.remediator.flow.drift.DriftAnalysis;
import dev.remediator.flow.drift.PushedCommit;

/**
 * {@code push} to the default branch or to a branch of the config's {@code drift.branches}: drift detection and the
 * Drift check run (DESIGN §4). Pushes to Remediator's own branches are only recorded ({@link PushRecorder}), but for
 * a regeneration's ({@link RegenerationResults}).
 */
@ApplicationScoped
public class DriftOnPush implements DeliveryHandler {

    @Inject
    RepositoryConfigLoader configs;

    @Inject
    DriftAnalysis drift;

    @Override
    public boolean handles(Delivery delivery) {
        return delivery.is("push", null) && delivery.installationId() != null && delivery.repositoryId() != null
                && !delivery.payload().path("deleted").asBoolean();
    }

    @Override
    public void handle(Delivery delivery) throws Exception {
        PushedCommit push = PushedCommit.of(delivery.installationId(), delivery.payload());
        if (push.branch() == null || RemediatorBranch.isOwn(push.branch())) {
            return;
        }
        if (push.toDefaultBranch() && changes(delivery.payload(), RepositoryConfig.FILE_PATH)) {
            configs.forget(push.repositoryId());
        }
        LoadedConfig config = configs.load(push.installationId(), push.repositoryId(), push.repository());
        RepositoryConfig.Drift settings = config.config().drift();
        if (settings.enabled() && (push.toDefaultBranch() || settings.branches().contains(push.branch()))) {
            drift.analysePush(push, config, delivery.deliveryId(), delivery.attempt() > 1);
        }
    }

    /** Whether one of the pushed commits added, changed or removed the file. */
    private static boolean changes(JsonNode push, String path) {
        for (JsonNode commit : push.path("commits")) {
            for (String list : List.of("added", "modified", "removed")) {
                for (JsonNode changed : commit.path(list)) {
                    if (path.equals(changed.asText())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
