package dev.remediator.jobs;

import dev.remediator.config.RemediatorConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.remediator.delivery.DeliveryProcessor;
import dev.remediator.github.AppWebhookLog;
import dev.remediator.github.GitHubRepositories;
import dev.remediator.setup.AppRegistration;
import dev.remediator.store.DeliveryStore;
import dev.remediator.store.JobTicks;
import dev.remediator.store.ReconciliationStore;
import dev.remediator.store.RunClaims;
import dev.remediator.delivery.WebhookJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * GitHub does not redeliver a webhook that failed. Once per tick across replicas this job reads the app's delivery
 * log since what it last saw (at start, over the whole window, so that a restart after an outage catches up by
 * itself) and asks GitHub to redeliver each delivery whose GUID the store does not hold. A bounded backstop then
 * lists the completed runs of recently active repositories, for failures whose deliveries never reached the log.
 */
@ApplicationScoped
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class);

    /** Pages of 100 read per tick at most; what is older waits for the next tick's look-back. */
    static final int MAX_PAGES = 20;
    /** A delivery that keeps failing is asked for this many times, then left to an operator. */
    static final int MAX_REDELIVERIES = 3;

    @Inject
    RemediatorConfig config;

    @Inject
    AppWebhookLog webhookLog;

    @Inject
    ReconciliationStore store;

    @Inject
    RunClaims claims;

    @Inject
    GitHubRepositories repositories;

    @Inject
    DeliveryStore deliveries;

    @Inject
    DeliveryProcessor processor;

    @Inject
    JobTicks ticks;

    @Inject
    AppRegistration registration;

    @Inject
    MeterRegistry registry;

    private final AtomicBoolean lookedBack = new AtomicBoolean();

    /** What one tick recovered. */
    record Recovered(int attemptsRead, int redeliveries, int missedRuns, int backstopCalls) {
    }

    private record LogRead(int attemptsRead, int redeliveries) {
    }

    private record BackstopListing(int missedRuns, int calls) {
    }

    // the first tick comes one interval after start, when the app takes deliveries again
    @Scheduled(every = "${remediator.reconcile.interval:60s}", delayed = "${remediator.reconcile.interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        Instant now = Instant.now();
        if (registration.problem().isPresent() || !ticks.claim("reconciliation", now, config.reconcile().interval())) {
            return;
        }
        Recovered recovered = reconcile(now, !lookedBack.getAndSet(true));
        if (recovered.redeliveries() + recovered.missedRuns() > 0) {
            LOG.infof("Reconciliation: %d attempts of the delivery log read, %d redeliveries asked for, %d missed "
                    + "failed runs found by the backstop (%d calls)", recovered.attemptsRead(), recovered.redeliveries(),
                    recovered.missedRuns(), recovered.backstopCalls());
        } else {
            LOG.debugf("Reconciliation: %d attempts of the delivery log read, nothing missed", recovered.attemptsRead());
        }
    }

    Recovered reconcile(Instant now, boolean startUp) {
        LogRead log = new LogRead(0, 0);
        try {
            log = redeliverMissed(now, startUp);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Reconciliation could not read the delivery log (next tick tries again): %s", e.getMessage());
        }
        BackstopListing backstop = backstop(now);
        registry.counter("remediator.reconcile.redeliveries").increment(log.redeliveries());
        registry.counter("remediator.reconcile.missed.runs").increment(backstop.missedRuns());
        return new Recovered(log.attemptsRead(), log.redeliveries(), backstop.missedRuns(), backstop.calls());
    }

    private LogRead redeliverMissed(Instant now, boolean startUp) throws IOException {
        Optional<Long> cursor = startUp ? Optional.empty() : store.newestSeen();
        Instant horizon = now.minus(config.reconcile().window());
        Map<String, AppWebhookLog.Attempt> newestOfEachGuid = new LinkedHashMap<>();
        long newest = 0;
        int read = 0;
        String next = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            AppWebhookLog.Page attempts = webhookLog.page(next, 100);
            boolean reachedSeen = false;
            for (AppWebhookLog.Attempt attempt : attempts.attempts()) {
                if (attempt.deliveredAt().isBefore(horizon) || cursor.map(seen -> attempt.id() <= seen).orElse(false)) {
                    reachedSeen = true;
                    break;
                }
                read++;
                newest = Math.max(newest, attempt.id());
                newestOfEachGuid.putIfAbsent(attempt.guid(), attempt);
            }
            next = attempts.next();
            if (reachedSeen || next == null) {
                break;
            }
        }
        Set<String> held = store.held(newestOfEachGuid.keySet());
        int asked = 0;
        for (AppWebhookLog.Attempt attempt : newestOfEachGuid.values()) {
            if (!held.contains(attempt.guid())
                    && store.requestRedelivery(attempt.guid(), MAX_REDELIVERIES, config.reconcile().interval().multipliedBy(3))) {
                LOG.infof("Asking GitHub to redeliver %s (%s, %s at %s)", attempt.guid(), attempt.event(),
                        attempt.statusCode() == 0 ? "not delivered" : "answered " + attempt.statusCode(),
                        attempt.deliveredAt());
                webhookLog.redeliver(attempt.id());
                asked++;
            }
        }
        if (newest > 0) {
            store.seen(newest);
        }
        return new LogRead(read, asked);
    }

    private BackstopListing backstop(Instant now) {
        int calls = 0;
        int missed = 0;
        for (ReconciliationStore.ActiveRepository repository : store.activeSince(now.minus(config.reconcile().window()),
                config.reconcile().backstopCalls())) {
            // a little overlap: a run created just before the last listing may have been listed as in progress
            Instant since = repository.checkedAt() == null ? now.minus(config.reconcile().window())
                    : repository.checkedAt().minus(config.reconcile().interval());
            List<JsonNode> runs;
            try {
                calls++;
                runs = repositories.open(repository.installationId(), repository.repositoryId(), repository.fullName())
                        .completedRunsSince(since);
            } catch (IOException | RuntimeException e) {
                // listed again after its next activity: a repository GitHub refuses must not take the budget forever
                LOG.warnf("Reconciliation could not list the runs of %s: %s", repository.fullName(), e.getMessage());
                store.checked(repository.repositoryId(), now);
                continue;
            }
            for (JsonNode run : runs) {
                if (failed(run) && !claims.claimed(repository.repositoryId(), run.path("id").asLong(),
                        run.path("run_attempt").asInt(1)) && storeMissedRun(repository, run)) {
                    missed++;
                }
            }
            store.checked(repository.repositoryId(), now);
        }
        return new BackstopListing(missed, calls);
    }

    private static boolean failed(JsonNode run) {
        String conclusion = run.path("conclusion").asText("");
        return conclusion.equals("failure") || conclusion.equals("timed_out");
    }

    /**
     * Stores the run as the {@code workflow_run} delivery GitHub would have sent, under an id of its own that the
     * same run always gets, and hands it to the workers like any delivery.
     */
    private boolean storeMissedRun(ReconciliationStore.ActiveRepository repository, JsonNode run) {
        ObjectNode payload = WebhookJson.MAPPER.createObjectNode().put("action", "completed");
        payload.set("workflow_run", run);
        payload.putObject("workflow").put("id", run.path("workflow_id").asLong()).put("name", run.path("name").asText())
                .put("path", run.path("path").asText());
        payload.putObject("repository").put("id", repository.repositoryId()).put("full_name", repository.fullName())
                .put("default_branch", repository.defaultBranch() != null ? repository.defaultBranch()
                        : run.path("repository").path("default_branch").asText("main"));
        payload.putObject("installation").put("id", repository.installationId());
        String deliveryId = "backstop-" + repository.repositoryId() + "-" + run.path("id").asLong() + "-"
                + run.path("run_attempt").asInt(1);
        Optional<Long> stored = deliveries.store(new DeliveryStore.Incoming(deliveryId, "workflow_run", "completed",
                repository.installationId(), repository.repositoryId(), repository.fullName(),
                payload.toString().getBytes(StandardCharsets.UTF_8)));
        stored.ifPresent(id -> {
            LOG.infof("Run %d of %s failed without a delivery reaching Remediator: analysing it as %s",
                    run.path("id").asLong(), repository.fullName(), deliveryId);
            processor.submit(id);
        });
        return stored.isPresent();
    }
}
