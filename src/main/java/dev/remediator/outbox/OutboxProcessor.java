package dev.remediator.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import dev.remediator.config.RemediatorConfig;
import dev.remediator.core.lifecycle.RemediationChanged;
import dev.remediator.delivery.Deferrable;
import dev.remediator.delivery.DeliveryProcessor;
import dev.remediator.delivery.FirstAnswerGate;
import dev.remediator.delivery.Retries;
import dev.remediator.delivery.WorkerPool;
import dev.remediator.store.EventRecorded;
import dev.remediator.store.OutboxStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs the lifecycle's domain events through their consumers. An event committed with its change is published right
 * after the commit (or by the recovery job, if this process died first): one outbox row per consumer that wants it.
 * Each row is then leased, retried and recovered exactly like a delivery, so that each consumer handles each event
 * once across replicas, and a crash between the commit and the consumer loses nothing.
 */
@ApplicationScoped
public class OutboxProcessor {

    private static final Logger LOG = Logger.getLogger(OutboxProcessor.class);

    @Inject
    FirstAnswerGate gate;

    @Inject
    OutboxStore store;

    @Inject
    Instance<LifecycleConsumer> consumers;

    @Inject
    MeterRegistry registry;

    @Inject
    RemediatorConfig config;

    private final String owner = DeliveryProcessor.owner();
    private Map<String, LifecycleConsumer> byName;
    private WorkerPool pool;

    @PostConstruct
    void start() {
        byName = consumers.stream().collect(Collectors.toMap(LifecycleConsumer::name, Function.identity()));
        pool = new WorkerPool("outbox-worker", config.outbox().workers(), 1000, this::process);
    }

    /** After the commit of a change: publish its event now rather than at the next recovery tick. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventRecorded recorded) {
        RemediationChanged event = recorded.event();
        pool.execute(() -> publish(event.eventId(), () -> Optional.of(event)));
    }

    /** Events whose publication a crash interrupted, and consumers' work that is due again or was held by the dead. */
    @Scheduled(every = "${remediator.outbox.recovery-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void recover() {
        store.unpublished(100).forEach(id -> publish(id, () -> store.event(id)));
        store.due(pool.room()).forEach(pool::submit);
    }

    @Scheduled(every = "${remediator.delivery.lease-renewal-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void renewLeases() {
        store.renewLeases(owner, pool.inFlight(), config.outbox().lease());
    }

    void stop(@Observes ShutdownEvent event) {
        pool.shutdown(Duration.ofSeconds(10));
    }

    /** @param written the event; empty for an audit row that is no domain event, which is published to no one */
    private void publish(long eventId, Supplier<Optional<RemediationChanged>> written) {
        try {
            Optional<RemediationChanged> event = written.get();
            List<String> wanted = event.isEmpty() ? List.of()
                    : byName.values().stream().filter(c -> c.wants(event.get())).map(LifecycleConsumer::name).toList();
            store.publish(eventId, wanted).forEach(pool::submit);
        } catch (RuntimeException e) {
            // the event stays unpublished; the recovery job tries again at its next tick
            LOG.errorf(e, "Event %d could not be published", eventId);
        }
    }

    void process(long id) {
        gate.stepAside();
        Optional<OutboxStore.Claimed> claimed = store.claim(id, owner, config.outbox().lease());
        if (claimed.isEmpty()) {
            return;
        }
        OutboxStore.Claimed row = claimed.get();
        LifecycleConsumer consumer = byName.get(row.consumer());
        Optional<RemediationChanged> event = store.event(row.eventId());
        if (consumer == null || event.isEmpty()) {
            store.finish(row.id(), owner, "FAILED", consumer == null ? "no consumer named " + row.consumer()
                    : "no event " + row.eventId());
            return;
        }
        MDC.put("delivery", event.get().deliveryId() == null ? "event-" + row.eventId() : event.get().deliveryId());
        String outcome = "done";
        try {
            consumer.consume(event.get());
            store.finish(row.id(), owner, "DONE", null);
        } catch (Exception e) {
            outcome = failed(row, event.get(), e);
        } finally {
            registry.counter("remediator.outbox.consumed", "consumer", row.consumer(), "outcome", outcome).increment();
            MDC.remove("delivery");
        }
    }

    private String failed(OutboxStore.Claimed row, RemediationChanged event, Exception e) {
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        Optional<Deferrable> deferred = Retries.deferrable(e);
        if (deferred.isPresent()) {
            LOG.warnf("%s on event %d (%s of remediation %d) put back until %s: %s", row.consumer(), row.eventId(),
                    event.event(), event.remediationId(), deferred.get().retryAt(), e.getMessage());
            store.retryAt(row.id(), owner, deferred.get().retryAt(), reason, true);
            return "deferred";
        }
        if (row.attempts() >= config.outbox().maxAttempts()) {
            LOG.errorf(e, "%s failed for good on event %d (%s of remediation %d) after %d attempts", row.consumer(),
                    row.eventId(), event.event(), event.remediationId(), row.attempts());
            store.finish(row.id(), owner, "FAILED", reason);
            return "failed";
        }
        Duration delay = Retries.after(config.outbox().firstRetryDelay(), row.attempts());
        LOG.errorf(e, "%s failed on event %d (%s of remediation %d), attempt %d of %d; retrying in %s", row.consumer(),
                row.eventId(), event.event(), event.remediationId(), row.attempts(), config.outbox().maxAttempts(), delay);
        store.retryAt(row.id(), owner, Instant.now().plus(delay), reason, false);
        return "retry";
    }
}
