package dev.remediator.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;


import dev.remediator.store.DeliveryStore;
import dev.remediator.store.InstallationStore;
import dev.remediator.delivery.WebhookJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs stored deliveries through the handlers that want them. A worker first takes the delivery's lease in the
 * database, so that a delivery stored twice, picked up by the recovery job while in flight, or seen by two replicas
 * is processed once; the lease is renewed while the work goes on and expires if this process dies, which is how an
 * interrupted delivery is finished after a restart.
 */
@ApplicationScoped
public class DeliveryProcessor {

    private static final Logger LOG = Logger.getLogger(DeliveryProcessor.class);

    @Inject
    DeliveryStore store;

    @Inject
    InstallationStore installations;

    @Inject
    Instance<DeliveryHandler> handlers;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "remediator.delivery.workers", defaultValue = "8")
    int workers;

    @ConfigProperty(name = "remediator.delivery.queue", defaultValue = "1000")
    int queueCapacity;

    @ConfigProperty(name = "remediator.delivery.lease", defaultValue = "60s")
    Duration lease;

    @ConfigProperty(name = "remediator.delivery.max-attempts", defaultValue = "8")
    int maxAttempts;

    @ConfigProperty(name = "remediator.delivery.first-retry-delay", defaultValue = "30s")
    Duration firstRetryDelay;

    /** Identifies this process's leases; a restarted process is a new owner. */
    private final String owner = owner();
    private WorkerPool pool;

    @PostConstruct
    void start() {
        pool = new WorkerPool("delivery-worker", workers, queueCapacity, this::process);
    }

    /** Queues a stored delivery; when the queue is full it stays stored and the recovery job brings it back. */
    public void submit(long id) {
        pool.submit(id);
    }

    /** Brings back deliveries that were never picked up, wait for a retry, or were held by a dead process. */
    @Scheduled(every = "${remediator.delivery.recovery-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void recover() {
        store.due(pool.room()).forEach(this::submit);
    }

    @Scheduled(every = "${remediator.delivery.lease-renewal-interval:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void renewLeases() {
        store.renewLeases(owner, pool.inFlight(), lease);
    }

    void stop(@Observes ShutdownEvent event) {
        pool.shutdown(Duration.ofSeconds(10));
    }

    void process(long id) {
        Optional<DeliveryStore.Claimed> claimed = store.claim(id, owner, lease);
        if (claimed.isEmpty()) {
            return;
        }
        DeliveryStore.Claimed row = claimed.get();
        MDC.put("delivery", row.deliveryId());
        if (row.attempts() > maxAttempts) {
            // only a process dying while it holds the delivery gets here (each death leaves an attempt behind)
            LOG.errorf("Delivery %s (%s) given up after %d attempts: processing it kept stopping the process",
                    row.deliveryId(), row.event(), row.attempts() - 1);
            store.finish(row.id(), owner, "FAILED", "processing stopped the process " + (row.attempts() - 1) + " times");
            MDC.remove("delivery");
            return;
        }
        Timer.Sample timer = Timer.start(registry);
        String outcome = "done";
        try {
            outcome = dispatch(row);
        } catch (Exception e) {
            Optional<Deferrable> deferred = Retries.deferrable(e);
            if (deferred.isPresent()) {
                outcome = "deferred";
                LOG.warnf("Delivery %s (%s) put back until %s: %s", row.deliveryId(), row.event(),
                        deferred.get().retryAt(), e.getMessage());
                store.retryAt(row.id(), owner, deferred.get().retryAt(), e.getMessage(), true);
            } else {
                outcome = failed(row, e);
            }
        } finally {
            timer.stop(registry.timer("remediator.delivery.processing", "event", row.event(), "outcome", outcome));
            MDC.remove("delivery");
        }
    }

    private String dispatch(DeliveryStore.Claimed row) throws Exception {
        Delivery delivery;
        try {
            delivery = new Delivery(row.deliveryId(), row.event(), row.action(), row.installationId(),
                    row.repositoryId(), row.repositoryFullName(), row.attempts(), row.receivedAt(), WebhookJson.MAPPER.readTree(row.payload()));
        } catch (IOException e) {
            // The intake only stores JSON, so this is a defect of ours, not GitHub's.
            throw new IllegalStateException("stored payload is not JSON", e);
        }
        Optional<String> ignored = delivery.event().startsWith("installation") ? Optional.empty()
                : installations.whyIgnored(delivery.installationId(), delivery.repositoryId());
        if (ignored.isPresent()) {
            LOG.infof("Ignoring delivery %s (%s): %s", delivery.deliveryId(), delivery.eventAction(), ignored.get());
            store.finish(row.id(), owner, "IGNORED", ignored.get());
            return "ignored";
        }
        List<DeliveryHandler> ordered = handlers.stream()
                .sorted(java.util.Comparator.comparing(DeliveryHandler::stage)).toList();
        for (DeliveryHandler handler : ordered) {
            if (handler.handles(delivery)) {
                handler.handle(delivery);
            }
        }
        store.finish(row.id(), owner, "DONE", null);
        return "done";
    }

    private String failed(DeliveryStore.Claimed row, Exception e) {
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (row.attempts() >= maxAttempts) {
            LOG.errorf(e, "Delivery %s (%s) failed for good after %d attempts", row.deliveryId(), row.event(),
                    row.attempts());
            store.finish(row.id(), owner, "FAILED", reason);
            return "failed";
        }
        Duration delay = Retries.after(firstRetryDelay, row.attempts());
        LOG.errorf(e, "Delivery %s (%s) failed (attempt %d of %d); retrying in %s", row.deliveryId(), row.event(),
                row.attempts(), maxAttempts, delay);
        store.retryAt(row.id(), owner, Instant.now().plus(delay), reason, false);
        return "retry";
    }

    /** This process's name in the leases it takes: the host and a fresh id, so that a restart is a new owner. */
    public static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return host + "/" + UUID.randomUUID();
    }
}
