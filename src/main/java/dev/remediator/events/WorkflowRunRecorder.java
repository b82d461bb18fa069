package dev.remediator.events;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.delivery.Delivery;
import dev.remediator.delivery.DeliveryHandler;
import dev.remediator.store.WorkflowRunStore;

/** Records every workflow run attempt: green runs are the evidence for culprits and flaky tests. */
@ApplicationScoped
public class WorkflowRunRecorder implements DeliveryHandler {

    @Inject
    WorkflowRunStore runs;

    @Override
    public Stage stage() {
        return Stage.RECORD;
    }

    @Override
    public boolean handles(Delivery delivery) {
        return delivery.event().equals("workflow_run") && delivery.repositoryId() != null;
    }

    @Override
    public void handle(Delivery delivery) {
        runs.save(attempt(delivery));
    }

    static WorkflowRunStore.RunAttempt attempt(Delivery delivery) {
        JsonNode run = delivery.payload().path("workflow_run");
        List<Integer> pullRequests = new ArrayList<>();
        run.path("pull_requests").forEach(pr -> pullRequests.add(pr.path("number").asInt()));
        JsonNode workflow = delivery.payload().path("workflow");
        return new WorkflowRunStore.RunAttempt(run.path("id").asLong(), run.path("run_attempt").asInt(1),
                delivery.repositoryId(), Payloads.longOrNull(run.path("workflow_id")),
                run.path("name").asText(workflow.path("name").asText(null)),
                run.path("path").asText(workflow.path("path").asText(null)), run.path("head_sha").asText(),
                run.path("head_branch").asText(null), run.path("event").asText(null), run.path("status").asText(null),
                run.path("conclusion").asText(null), pullRequests,
                Payloads.instant(run.path("run_started_at")), delivery.deliveryId());
    }
}
