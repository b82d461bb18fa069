package dev.remediator.metrics;

import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * The HELP text of each of Remediator's metrics on {@code /q/metrics}, given where the meters are registered
 * rather than at each of the places that count: one list an operator can read, and a metric added without a line
 * here is caught by {@code MetricsTest}.
 */
public class MetricDescriptions {

    static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("remediator.webhook.deliveries", "Webhook deliveries received, by event and outcome"),
            Map.entry("remediator.webhook.store", "Time to store a received delivery before GitHub gets its answer"),
            Map.entry("remediator.delivery.processing", "Time to process a stored delivery, by event and outcome"),
            Map.entry("remediator.detection.latency", "From a failed run's delivery received to its check run posted"),
            Map.entry("remediator.analysis", "Time to analyse the logs of a failed run"),
            Map.entry("remediator.remediations.proposed", "Remediations proposed, by action and decision"),
            Map.entry("remediator.remediations", "Remediations carried out, by action and outcome"),
            Map.entry("remediator.approvals", "Approval answers, by action and outcome"),
            Map.entry("remediator.approval.latency", "From a remediation awaiting approval to its answer, by outcome"),
            Map.entry("remediator.pull_requests", "Remediator's draft pull requests closed, by action and outcome"),
            Map.entry("remediator.retries", "Failed jobs re-run on a /remediator retry command"),
            Map.entry("remediator.github.requests", "Requests sent to GitHub's API"),
            Map.entry("remediator.github.retries", "Requests to GitHub's API retried after a failure"),
            Map.entry("remediator.github.writes.carried.out",
                    "Writes GitHub had carried out although its answer failed, found before a retry and not sent again"),
            Map.entry("remediator.drift.pushes", "Pushes checked for drift, by outcome"),
            Map.entry("remediator.drift.classification", "Time to read the tree and contents of a push and classify its drift"),
            Map.entry("remediator.outbox.consumed", "Domain events handled by a consumer of the outbox, by consumer and outcome"),
            Map.entry("remediator.reconcile.redeliveries", "Deliveries GitHub was asked to redeliver because they never arrived"),
            Map.entry("remediator.reconcile.missed.runs", "Failed runs found by the backstop listing that no delivery brought"),
            Map.entry("remediator.llm.explanations", "A language model's readings of failures, by outcome (answered, cached, "
                    + "unusable, budget_exhausted, rate_limited, provider_error, timeout, unreadable)"),
            Map.entry("remediator.llm.fixes", "A language model's fixes, by outcome (proposed, refused, or why none came)"),
            Map.entry("remediator.llm.tokens", "Tokens spent on the language model, by installation (increase over 1d: per day)"));

    @Produces
    @Singleton
    MeterFilter describeRemediatorMetrics() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String description = DESCRIPTIONS.get(id.getName());
                return description == null || id.getDescription() != null ? id
                        : new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()),
                                id.getBaseUnit(), description, id.getType());
            }
        };
    }
}
