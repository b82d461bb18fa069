package dev.remediator.delivery;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps heavy work behind the first answers. Two cores analysing a burst of logs leave the light lane's threads
 * waiting for a processor, so a first answer would come no sooner than the analyses queued around it. Heavy work
 * therefore steps aside between its steps (a delivery, an outbox event, each read of a log) while light work is under
 * way (a delivery being received, a first answer pending), for at most {@link #MAX_WAIT} at a time so that a stream of
 * webhooks cannot starve it.
 */
@ApplicationScoped
public class FirstAnswerGate {

    /** Longest a step of heavy work waits; a first answer takes a few tens of milliseconds on a free processor. */
    static final Duration MAX_WAIT = Duration.ofMillis(250);

    private final AtomicInteger pending = new AtomicInteger();
    private final Object lock = new Object();

    /** Light work begins: a delivery is being received, or a first answer is queued on the light lane. */
    public void lightWorkBegins() {
        pending.incrementAndGet();
    }

    /** Light work ended: the delivery is stored, the first answer given or found not needed. */
    public void lightWorkEnds() {
        if (pending.decrementAndGet() == 0) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /** Waits while light work is under way, at most {@link #MAX_WAIT}; free when none is. */
    public void stepAside() {
        if (pending.get() == 0) {
            return;
        }
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        synchronized (lock) {
            long left;
            while (pending.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The stream, stepping aside before each read: reading and analysing a log is most of the heavy work. */
    public InputStream steppingAside(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                stepAside();
                return super.read(b, off, len);
            }
        };
    }
}
