package dev.remediator.testing;

import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.remediator.delivery.Delivery;
import dev.remediator.delivery.DeliveryHandler;

/**
 * A handler that only the tests install: it counts how often each delivery reaches the handlers, and can be told
 * to fail or to hold a delivery, so that the processing guarantees can be observed from outside.
 */
@ApplicationScoped
public class ProcessedDeliveries implements DeliveryHandler {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresToCome = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final Set<String> defects = ConcurrentHashMap.newKeySet();

    @Override
    public boolean handles(Delivery delivery) {
        return true;
    }

    @Override
    public void handle(Delivery delivery) throws InterruptedException, SocketTimeoutException {
        counts.computeIfAbsent(delivery.deliveryId(), id -> new AtomicInteger()).incrementAndGet();
        if (defects.contains(delivery.deliveryId())) {
            throw new IllegalStateException("a defect asked by the test");
        }
        AtomicInteger failures = failuresToCome.get(delivery.deliveryId());
        if (failures != null && failures.getAndDecrement() > 0) {
            throw new SocketTimeoutException("a transient failure asked by the test");
        }
        CountDownLatch hold = holds.get(delivery.deliveryId());
        if (hold != null) {
            hold.await(30, TimeUnit.SECONDS);
        }
    }

    public int count(String deliveryId) {
        AtomicInteger count = counts.get(deliveryId);
        return count == null ? 0 : count.get();
    }

    public void failTimes(String deliveryId, int times) {
        failuresToCome.put(deliveryId, new AtomicInteger(times));
    }

    /** Fails the delivery in this handler as a defect of ours would: no retry can help. */
    public void failAsADefect(String deliveryId) {
        defects.add(deliveryId);
    }

    /** Holds the delivery inside its handler until {@link #release}. */
    public void hold(String deliveryId) {
        holds.put(deliveryId, new CountDownLatch(1));
    }

    public void release(String deliveryId) {
        holds.remove(deliveryId).countDown();
    }
}
