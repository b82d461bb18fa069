package dev.remediator.outbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.remediator.core.lifecycle.RemediationChanged;

/** A consumer only the tests install: it counts how often each event reaches it. */
@ApplicationScoped
public class CountingConsumer implements LifecycleConsumer {

    static final String ACTOR = "outbox-test";

    private final Map<Long, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public boolean wants(RemediationChanged event) {
        return ACTOR.equals(event.actor());
    }

    @Override
    public void consume(RemediationChanged event) {
        counts.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
    }

    int count(long eventId) {
        AtomicInteger count = counts.get(eventId);
        return count == null ? 0 : count.get();
    }
}
