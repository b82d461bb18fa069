package dev.remediator.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.core.remediation.RemediatorBranch;
import dev.remediator.delivery.Delivery;
import dev.remediator.delivery.DeliveryHandler;
import dev.remediator.store.PushStore;

/** Records pushes; a push to one of Remediator's own branches is recorded and nothing more (loop guard). */
@ApplicationScoped
public class PushRecorder implements DeliveryHandler {

    @Inject
    PushStore pushes;

    @Override
    public Stage stage() {
        return Stage.RECORD;
    }

    @Override
    public boolean handles(Delivery delivery) {
        return delivery.event().equals("push") && delivery.repositoryId() != null;
    }

    @Override
    public void handle(Delivery delivery) {
        JsonNode push = delivery.payload();
        String ref = push.path("ref").asText();
        pushes.save(new PushStore.Push(delivery.deliveryId(), delivery.repositoryId(), ref,
                push.path("before").asText(null), push.path("after").asText(null), push.path("forced").asBoolean(),
                push.path("deleted").asBoolean(), push.path("commits").size(),
                push.path("pusher").path("name").asText(null), RemediatorBranch.isOwn(ref)));
    }
}
