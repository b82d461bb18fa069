package dev.remediator.core.analysis;

/**
 * A 64-bit hash of a log line with what changes between two runs of the same job taken out: the runner's timestamp
 * and {@code ##[...]} marker, colour codes, carriage returns and the amount of white space; every word holding a digit
 * (numbers, durations, hex ids, progress counters, generated names) counts as one placeholder, and so does the name
 * right after {@code /tmp/}. Works on raw bytes, so that a passing log is hashed without decoding it.
 */
final class NormalisedLine {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    /** The hash of a line with nothing left once normalised. */
    static final long BLANK = OFFSET;
    private static final byte ESC = 0x1b;
    private static final byte PLACEHOLDER = '#';

    private NormalisedLine() {
    }

    static long hash(byte[] b, int from, int to) {
        int i = skipTimestamp(b, from, to);
        i = skipMarker(b, i, to);
        long hash = OFFSET;
        boolean pendingSpace = false;
        boolean afterTmp = false;
        while (i < to) {
            byte c = b[i];
            if (c == ESC) {
                i = skipEscape(b, i + 1, to);
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                pendingSpace = hash != OFFSET;
                i++;
                continue;
            }
            if (pendingSpace) {
                hash = (hash ^ ' ') * PRIME;
                pendingSpace = false;
            }
            if (!isWordByte(c)) {
                hash = (hash ^ (c & 0xff)) * PRIME;
                afterTmp = afterTmp && c == '/';
                i++;
                continue;
            }
            int end = i;
            boolean digit = false;
            while (end < to && isWordByte(b[end])) {
                digit |= b[end] >= '0' && b[end] <= '9';
                end++;
            }
            if (digit || afterTmp) {
                hash = (hash ^ PLACEHOLDER) * PRIME;
                afterTmp = false;
            } else {
                for (int k = i; k < end; k++) {
                    hash = (hash ^ (b[k] & 0xff)) * PRIME;
                }
                afterTmp = end - i == 3 && b[i] == 't' && b[i + 1] == 'm' && b[i + 2] == 'p' && i > from && b[i - 1] == '/'
                        && end < to && b[end] == '/';
            }
            i = end;
        }
        return hash == 0 ? 1 : hash;
    }

    private static boolean isWordByte(byte c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c < 0;
    }

    /** After {@code 2024-05-01T10:00:00.1234567Z } and a UTF-8 byte order mark. */
    private static int skipTimestamp(byte[] b, int from, int to) {
        int t = from;
        if (to - t >= 3 && (b[t] & 0xff) == 0xEF && (b[t + 1] & 0xff) == 0xBB && (b[t + 2] & 0xff) == 0xBF) {
            t += 3;
        }
        if (to - t >= 21 && b[t + 4] == '-' && b[t + 7] == '-' && b[t + 10] == 'T' && b[t + 13] == ':') {
            int limit = Math.min(to - 1, t + 40);
            for (int i = t + 19; i < limit; i++) {
                if (b[i] == 'Z' && b[i + 1] == ' ') {
                    return i + 2;
                }
            }
            if (to - t <= 41 && b[to - 1] == 'Z') {
                return to;
            }
        }
        return t;
    }

    private static int skipMarker(byte[] b, int from, int to) {
        if (to - from > 3 && b[from] == '#' && b[from + 1] == '#' && b[from + 2] == '[') {
            for (int i = from + 3; i < Math.min(to, from + 20); i++) {
                if (b[i] == ']') {
                    return i + 1;
                }
            }
        }
        return from;
    }

    /** Past an escape sequence whose ESC was at {@code i - 1}: CSI, OSC, or intermediate bytes then a final byte. */
    private static int skipEscape(byte[] b, int i, int to) {
        if (i >= to) {
            return i;
        }
        byte kind = b[i++];
        if (kind == '[') {
            while (i < to && (b[i] < 0x40 || b[i] > 0x7e)) {
                i++;
            }
            return i + 1;
        }
        if (kind == ']') {
            while (i < to && b[i] != 0x07 && !(b[i] == ESC && i + 1 < to && b[i + 1] == '\\')) {
                i++;
            }
            return i + (i < to && b[i] == ESC ? 2 : 1);
        }
        while (kind >= 0x20 && kind <= 0x2f && i < to) {
            kind = b[i++];
        }
        return i;
    }
}
