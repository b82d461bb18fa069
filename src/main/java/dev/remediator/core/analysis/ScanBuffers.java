package dev.remediator.core.analysis;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The working arrays of one {@link LogScan}, 5 MB together. Allocating them per log made every analysis a few huge
 * allocations, which the garbage collector handles outside its cheap young collections; they are lent out and
 * taken back instead, as many as there are analyses at once, up to {@link #KEPT}.
 */
final class ScanBuffers {

    /** Sets kept for reuse: enough for the delivery workers of a small deployment; more are left to the collector. */
    static final int KEPT = 8;

    final byte[] bytes = new byte[LogScan.BUFFER_SIZE];
    final int[] hits = new int[LogScan.BUFFER_SIZE];
    final byte[] scratch = new byte[LogScan.MAX_LINE];

    /** Spare sets of one analyzer. */
    static final class Pool {

        private final ConcurrentLinkedQueue<ScanBuffers> spare = new ConcurrentLinkedQueue<>();

        ScanBuffers take() {
            ScanBuffers buffers = spare.poll();
            return buffers == null ? new ScanBuffers() : buffers;
        }

        void giveBack(ScanBuffers buffers) {
            // a race between two sets coming back keeps one more, which does no harm
            if (spare.size() < KEPT) {
                spare.add(buffers);
            }
        }
    }
}
