package dev.remediator.flow.lifecycle;

import java.time.Duration;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.core.lifecycle.RemediationChanged;
import dev.remediator.outbox.LifecycleConsumer;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.store.RemediationStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what happens to remediations: the policy's decisions on new ones, human decisions and how long they took,
 * and how executions end. The metric names are the README's.
 */
@ApplicationScoped
public class LifecycleMetrics implements LifecycleConsumer {

    @Inject
    RemediationStore store;

    @Inject
    MeterRegistry registry;

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public boolean wants(RemediationChanged event) {
        return switch (event.event()) {
            case AUTO_APPROVED, APPROVAL_REQUESTED, SKIPPED_BY_POLICY, APPROVED_BY_HUMAN, REJECTED_BY_HUMAN, EXECUTED,
                    EXECUTION_FAILED, EXECUTION_SKIPPED -> true;
            default -> false;
        };
    }

    @Override
    public void consume(RemediationChanged event) {
        Remediation remediation = store.find(event.remediationId()).orElseThrow();
        String action = remediation.action().slug();
        switch (event.event()) {
            case AUTO_APPROVED -> proposed(action, "run");
            case APPROVAL_REQUESTED -> proposed(action, "ask");
            case SKIPPED_BY_POLICY -> proposed(action, "skip");
            case APPROVED_BY_HUMAN -> decided(remediation, event, "approved");
            case REJECTED_BY_HUMAN -> decided(remediation, event, "rejected");
            default -> registry.counter("remediator.remediations", "action", action, "outcome",
                    event.to().name().toLowerCase(Locale.ROOT)).increment();
        }
    }

    private void proposed(String action, String decision) {
        registry.counter("remediator.remediations.proposed", "action", action, "decision", decision).increment();
    }

    private void decided(Remediation remediation, RemediationChanged event, String outcome) {
        registry.counter("remediator.approvals", "outcome", outcome, "action", remediation.action().slug()).increment();
        registry.timer("remediator.approval.latency", "outcome", outcome)
                .record(Duration.between(remediation.createdAt(), event.at()));
    }
}
