package dev.remediator.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import dev.remediator.config.RemediatorConfig;
import dev.remediator.store.DeliveryStore;
import dev.remediator.store.InstallationStore;
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
    Instance<FirstAnswer> firstAnswers;

    @Inject
    MeterRegistry registry;

    @Inject
    FirstAnswerGate gate;

    @Inject
    RemediatorConfig config;

    /** Identifies this process's leases; a restarted process is a new owner. */
    private final String owner = owner();
    private WorkerPool pool;
    /** The light lane: tasks, not leased rows, so it takes no row work. */
    private WorkerPool firstAnswerLane;

    @PostConstruct
    void start() {
        pool = new WorkerPool("delivery-worker", config.delivery().workers(), config.delivery().queue(), this::process);
        firstAnswerLane = new WorkerPool("first-answer", config.delivery().firstAnswerWorkers(), config.delivery().queue(),
                id -> { });
    }

    /**
     * Queues a delivery the intake just stored, and first lets the handlers that have a first answer give it on the
     * light lane, so that users see it whatever the queue of heavy work.
     */
    public void submitNew(long id, DeliveryStore.Incoming incoming, Instant receivedAt) {
        gate.lightWorkBegins();
        boolean queued = firstAnswerLane.execute(() -> {
            try {
                answerFirst(incoming, receivedAt);
            } finally {
                gate.lightWorkEnds();
            }
        });
        if (!queued) {
            // the lane is full: the workers give the first answer
            gate.lightWorkEnds();
        }
        submit(id);
    }

    private void answerFirst(DeliveryStore.Incoming incoming, Instant receivedAt) {
        if (firstAnswers.isUnsatisfied()) {
            return;
        }
        MDC.put("delivery", incoming.deliveryId());
        try {
            Delivery delivery = new Delivery(incoming.deliveryId(), incoming.event(), incoming.action(),
                    incoming.installationId(), incoming.repositoryId(), incoming.repositoryFullName(), 1, receivedAt,
                    WebhookJson.MAPPER.readTree(incoming.payload()));
            for (FirstAnswer answer : firstAnswers) {
                if (answer.answers(delivery)) {
                    answer.answer(delivery);
                }
            }
        } catch (Exception e) {
            LOG.infof("No first answer for delivery %s (the workers give it): %s", incoming.deliveryId(), e.toString());
        } finally {
            MDC.remove("delivery");
        }
    }

    /** Queues a stored delivery; when the queue is full it stays stored and the recovery job brings it back. */
    public void submit(long id) {
        pool.submit(id);
    }

    /** Brings back deliveries that were never picked up, wait for a retry, or were held by a dead process. */
    @Scheduled(every = "${remediator.delivery.recovery-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void recover() {
        store.due(pool.room()).forEach(this::submit);
    }

    @Scheduled(every = "${remediator.delivery.lease-renewal-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void renewLeases() {
        store.renewLeases(owner, pool.inFlight(), config.delivery().lease());
    }

    void stop(@Observes ShutdownEvent event) {
        firstAnswerLane.shutdown(Duration.ZERO);
        pool.shutdown(Duration.ofSeconds(10));
    }

    void process(long id) {
        gate.stepAside();
        Optional<DeliveryStore.Claimed> claimed = store.claim(id, owner, config.delivery().lease());
        if (claimed.isEmpty()) {
            return;
        }
        DeliveryStore.Claimed row = claimed.get();
        MDC.put("delivery", row.deliveryId());
        if (row.attempts() > config.delivery().maxAttempts()) {
            // only a process dying while it holds the delivery gets here (each death leaves an attempt behind)
            LOG.errorf("Delivery %s (%s) given up after %d attempts: processing it kept stopping the process",
                    row.deliveryId(), row.event(), row.attempts() - 1);
            store.finish(row.id(), owner, "FAILED", "processing stopped the process " + (row.attempts() - 1) + " times");
            MDC.remove("delivery");
            return;
        }
        Timer.Sample timer = Timer.start(registry);
        String outcome = "failed";
        try {
            outcome = dispatch(row);
        } catch (RuntimeException e) {
            // the store or the ignore check failed before any handler ran
            outcome = failed(row, null, List.of(new HandlerFailure(null, e)));
        } finally {
            timer.stop(registry.timer("remediator.delivery.processing", "event", row.event(), "outcome", outcome));
            MDC.remove("delivery");
        }
    }

    /** A handler's failure; {@code handler} null when the failure came before the handlers. */
    private record HandlerFailure(DeliveryHandler handler, Exception failure) {

        String reason() {
            return (handler == null ? "" : handler.getClass().getSimpleName().replaceAll("_(ClientProxy|Subclass)$", "") + ": ")
                    + failure.getClass().getSimpleName() + ": " + failure.getMessage();
        }
    }

    private String dispatch(DeliveryStore.Claimed row) {
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
                .sorted(Comparator.comparing(DeliveryHandler::stage)).toList();
        // each handler on its own: one handler's failure does not keep the others from their work
        List<HandlerFailure> failures = new ArrayList<>();
        for (DeliveryHandler handler : ordered) {
            if (handler.handles(delivery)) {
                try {
                    handler.handle(delivery);
                } catch (Exception e) {
                    failures.add(new HandlerFailure(handler, e));
                }
            }
        }
        if (!failures.isEmpty()) {
            return failed(row, delivery, failures);
        }
        store.finish(row.id(), owner, "DONE", null);
        return "done";
    }

    /**
     * Decides from the failures whether trying again can help: a deferral waits for its time, a transient fault is
     * retried with backoff (logged in one line), anything else ends the delivery as FAILED with its reason, logged
     * once with its stack trace, and the handlers that failed are told so that nothing they started stays open.
     */
    private String failed(DeliveryStore.Claimed row, Delivery delivery, List<HandlerFailure> failures) {
        String reason = failures.stream().map(HandlerFailure::reason).collect(Collectors.joining("; "));
        Optional<Deferrable> deferral = failures.stream().map(f -> Retries.deferrable(f.failure()))
                .flatMap(Optional::stream).max(Comparator.comparing(Deferrable::retryAt));
        if (deferral.isPresent()) {
            LOG.warnf("Delivery %s (%s) put back until %s: %s", row.deliveryId(), row.event(), deferral.get().retryAt(),
                    reason);
            store.retryAt(row.id(), owner, deferral.get().retryAt(), reason, true);
            return "deferred";
        }
        boolean retryable = failures.stream().anyMatch(f -> FailureKind.of(f.failure()) == FailureKind.RETRY);
        if (retryable && row.attempts() < config.delivery().maxAttempts()) {
            Duration delay = Retries.after(config.delivery().firstRetryDelay(), row.attempts());
            LOG.warnf("Delivery %s (%s) failed (attempt %d of %d); retrying in %s: %s", row.deliveryId(), row.event(),
                    row.attempts(), config.delivery().maxAttempts(), delay, reason);
            store.retryAt(row.id(), owner, Instant.now().plus(delay), reason, false);
            return "retry";
        }
        String verdict = retryable ? "after " + row.attempts() + " attempts" : "at once, as retrying cannot help";
        LOG.errorf(failures.get(0).failure(), "Delivery %s (%s) failed for good (%s): %s", row.deliveryId(),
                row.event(), verdict, reason);
        if (delivery != null) {
            for (HandlerFailure failure : failures) {
                concludeFailure(failure.handler(), delivery, failure.failure());
            }
        }
        store.finish(row.id(), owner, "FAILED", reason);
        return "failed";
    }

    private static void concludeFailure(DeliveryHandler handler, Delivery delivery, Exception failure) {
        try {
            handler.failedForGood(delivery, failure);
        } catch (Exception e) {
            LOG.errorf("Could not conclude the failed delivery %s in %s: %s", delivery.deliveryId(),
                    handler.getClass().getSimpleName(), e.toString());
        }
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
