package dev.remediator.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/**
 * Workers for rows of leased work (deliveries, outbox events): each row id is queued once while it is in flight, and
 * a full queue drops it, since the row stays stored and the recovery job brings it back. Each task runs in a CDI
 * request context of its own, as an HTTP request does: the stores' reads need one outside a transaction.
 */
public final class WorkerPool {

    private final ThreadPoolExecutor executor;
    private final int capacity;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final LongConsumer work;

    public WorkerPool(String name, int workers, int capacity, LongConsumer work) {
        AtomicInteger threads = new AtomicInteger();
        this.capacity = capacity;
        this.work = work;
        this.executor = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity),
                task -> {
                    Thread thread = new Thread(task, name + "-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Queues a row; false when it is in flight already or the queue is full. */
    public boolean submit(long id) {
        if (!inFlight.add(id)) {
            return false;
        }
        try {
            executor.execute(() -> runInRequestContext(() -> {
                try {
                    work.accept(id);
                } finally {
                    inFlight.remove(id);
                }
            }));
            return true;
        } catch (RejectedExecutionException e) {
            inFlight.remove(id);
            return false;
        }
    }

    /**
     * Runs a task on the pool outside the row bookkeeping (e.g. publishing an event before its rows exist); false
     * when the queue is full, and then the recovery job does the same work at its next tick.
     */
    public boolean execute(Runnable task) {
        try {
            executor.execute(() -> runInRequestContext(task));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** How many more rows the queue takes now. */
    public int room() {
        return Math.max(1, capacity - executor.getQueue().size());
    }

    public List<Long> inFlight() {
        return List.copyOf(inFlight);
    }

    /** Unfinished rows keep their lease until it expires; another replica or the next start finishes them. */
    public void shutdown(Duration wait) {
        executor.shutdown();
        try {
            executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void runInRequestContext(Runnable task) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            task.run();
        } finally {
            requestContext.terminate();
        }
    }
}
