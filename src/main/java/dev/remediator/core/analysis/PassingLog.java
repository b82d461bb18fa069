package dev.remediator.core.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a passing run of the same job printed, as hashes of its normalised lines: a failed log's lines that the passing
 * log also printed are the job's usual noise, the new ones are what changed. Lines are normalised before hashing
 * (runner timestamp, colour codes, runner markers, numbers, hex ids, temporary paths) so that the same line of two
 * runs hashes the same. At most {@value #MAX_LINES} distinct lines are kept (2 MB), whatever the log's size.
 */
public final class PassingLog {

    static final int MAX_LINES = 1 << 18;
    private static final int SLOTS = MAX_LINES * 2;
    private static final int BUFFER_SIZE = 1 << 16;

    private final long[] table = new long[SLOTS];
    private int size;

    private PassingLog() {
    }

    /** Reads a passing job's log to its end; the caller closes the stream. */
    public static PassingLog read(InputStream log) throws IOException {
        PassingLog passing = new PassingLog();
        byte[] buf = new byte[BUFFER_SIZE];
        int filled = 0;
        int n;
        while ((n = log.read(buf, filled, buf.length - filled)) >= 0) {
            filled += n;
            int start = 0;
            for (int i = 0; i < filled; i++) {
                if (buf[i] == '\n') {
                    passing.add(NormalisedLine.hash(buf, start, i));
                    start = i + 1;
                }
            }
            if (start == 0 && filled == buf.length) {
                // a line longer than the buffer: its head stands for it
                passing.add(NormalisedLine.hash(buf, 0, filled));
                filled = 0;
                skipRestOfLine(log);
                continue;
            }
            System.arraycopy(buf, start, buf, 0, filled - start);
            filled -= start;
        }
        if (filled > 0) {
            passing.add(NormalisedLine.hash(buf, 0, filled));
        }
        return passing;
    }

    /** Whether the passing log printed this line, once both are normalised; {@code text} is a cleaned line. */
    public boolean printed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return contains(NormalisedLine.hash(bytes, 0, bytes.length));
    }

    /** Distinct normalised lines kept. */
    public int size() {
        return size;
    }

    private void add(long hash) {
        if (hash == NormalisedLine.BLANK || size >= MAX_LINES) {
            return;
        }
        int slot = slot(hash);
        while (table[slot] != 0) {
            if (table[slot] == hash) {
                return;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        table[slot] = hash;
        size++;
    }

    private boolean contains(long hash) {
        if (hash == NormalisedLine.BLANK) {
            return false;
        }
        for (int slot = slot(hash); table[slot] != 0; slot = (slot + 1) & (SLOTS - 1)) {
            if (table[slot] == hash) {
                return true;
            }
        }
        return false;
    }

    private static int slot(long hash) {
        return (int) (hash ^ (hash >>> 29)) & (SLOTS - 1);
    }

    private static void skipRestOfLine(InputStream log) throws IOException {
        int b;
        while ((b = log.read()) >= 0 && b != '\n') {
            // dropped: the head of the line was hashed
        }
    }
}
