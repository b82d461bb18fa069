package dev.remediator.core.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the lines of a log that hold any of the rule sets' keywords, over raw bytes, so that the rules only ever see
 * the few lines that can interest them. It is an Aho-Corasick automaton compiled to a table of transitions over
 * byte classes; a newline always leads back to the start, so matches never span lines.
 *
 * <p>Stepping the automaton is a chain of dependent table look-ups, which leaves the processor waiting on each
 * one; {@link #prefilter} therefore runs four independent streams over four stretches of lines at once.
 */
final class KeywordMatcher {

    private static final int STREAMS = 4;

    private final int[] byteClass = new int[256];
    private final int classes;
    /** Transitions by {@code state * classes + byteClass}, holding the next state already multiplied by classes. */
    private final int[] next;
    /** States from this (multiplied) number up accept; they are numbered last so that a comparison tells. */
    private final int acceptFrom;
    /** The keyword bits of each accepting state, by {@code (state - acceptFrom) / classes}. */
    private final long[] acceptBits;

    /**
     * @param keywords the literals to find, case-sensitive, none empty and none holding a newline
     * @param bits     for each keyword, the bits {@link #bits} reports for a line holding it
     */
    KeywordMatcher(List<String> keywords, List<Long> bits) {
        if (keywords.size() != bits.size()) {
            throw new IllegalArgumentException("one bit set per keyword");
        }
        List<byte[]> literals = new ArrayList<>();
        for (String keyword : keywords) {
            byte[] literal = keyword.getBytes(StandardCharsets.UTF_8);
            if (literal.length == 0 || keyword.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a keyword must be non-empty and on one line: '" + keyword + "'");
            }
            literals.add(literal);
        }
        // class 0: bytes of no keyword, class 1: newline, then one class per byte that keywords use
        int classCount = 2;
        byteClass['\n'] = 1;
        for (byte[] literal : literals) {
            for (byte b : literal) {
                if (byteClass[b & 0xff] == 0) {
                    byteClass[b & 0xff] = classCount++;
                }
            }
        }
        classes = classCount;

        List<int[]> trie = new ArrayList<>();
        List<Long> output = new ArrayList<>();
        trie.add(emptyRow());
        output.add(0L);
        for (int k = 0; k < literals.size(); k++) {
            int state = 0;
            for (byte b : literals.get(k)) {
                int c = byteClass[b & 0xff];
                if (trie.get(state)[c] < 0) {
                    trie.add(emptyRow());
                    output.add(0L);
                    trie.get(state)[c] = trie.size() - 1;
                }
                state = trie.get(state)[c];
            }
            output.set(state, output.get(state) | bits.get(k) | Long.MIN_VALUE);
        }

        // breadth first: complete the transitions through failure links and inherit their outputs
        int states = trie.size();
        int[] failure = new int[states];
        List<Integer> breadthFirst = new ArrayList<>();
        breadthFirst.add(0);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int[] root = trie.get(0);
        for (int c = 0; c < classes; c++) {
            if (root[c] > 0) {
                queue.add(root[c]);
            } else {
                root[c] = 0;
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            breadthFirst.add(state);
            output.set(state, output.get(state) | output.get(failure[state]));
            int[] row = trie.get(state);
            for (int c = 0; c < classes; c++) {
                if (row[c] >= 0) {
                    failure[row[c]] = trie.get(failure[state])[c];
                    queue.add(row[c]);
                } else {
                    row[c] = trie.get(failure[state])[c];
                }
            }
        }
        for (int[] row : trie) {
            row[1] = 0;
        }

        // number the states: start first, accepting ones last (the sign bit marks them), each group breadth first, so
        // that the shallow states, where the automaton spends nearly all its steps, sit together in the table (it is
        // larger than the processor's caches)
        int[] number = new int[states];
        int counted = 0;
        for (int s : breadthFirst) {
            if (output.get(s) >= 0) {
                number[s] = counted++;
            }
        }
        int firstAccepting = counted;
        for (int s : breadthFirst) {
            if (output.get(s) < 0) {
                number[s] = counted++;
            }
        }
        next = new int[states * classes];
        acceptBits = new long[states - firstAccepting];
        for (int s = 0; s < states; s++) {
            int[] row = trie.get(s);
            for (int c = 0; c < classes; c++) {
                next[number[s] * classes + c] = number[row[c]] * classes;
            }
            if (number[s] >= firstAccepting) {
                acceptBits[number[s] - firstAccepting] = output.get(s) & Long.MAX_VALUE;
            }
        }
        acceptFrom = firstAccepting * classes;
    }

    private int[] emptyRow() {
        int[] row = new int[classes];
        Arrays.fill(row, -1);
        return row;
    }

    /**
     * Positions in {@code buf[from, to)} where a keyword ends, in increasing order, at least one in every line that
     * holds a keyword; {@code from} must start a line.
     *
     * @param hits receives the positions; it must hold at least {@code to - from} of them
     * @return how many positions were written
     */
    int prefilter(byte[] buf, int from, int to, int[] hits) {
        int quarter = (to - from) / STREAMS;
        int[] start = new int[STREAMS + 1];
        start[0] = from;
        for (int k = 1; k < STREAMS; k++) {
            start[k] = lineStartFrom(buf, Math.max(start[k - 1], from + k * quarter), from, to);
        }
        start[STREAMS] = to;
        // each stream writes its hits into its own stretch of the array, copied together at the end
        int common = Integer.MAX_VALUE;
        for (int k = 0; k < STREAMS; k++) {
            common = Math.min(common, start[k + 1] - start[k]);
        }
        int[] table = next;
        int[] classOf = byteClass;
        int accept = acceptFrom;
        int i0 = start[0], i1 = start[1], i2 = start[2], i3 = start[3];
        int h0 = i0 - from, h1 = i1 - from, h2 = i2 - from, h3 = i3 - from;
        int s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int n = 0; n < common; n++, i0++, i1++, i2++, i3++) {
            s0 = table[s0 + classOf[buf[i0] & 0xff]];
            s1 = table[s1 + classOf[buf[i1] & 0xff]];
            s2 = table[s2 + classOf[buf[i2] & 0xff]];
            s3 = table[s3 + classOf[buf[i3] & 0xff]];
            if ((s0 | s1 | s2 | s3) >= accept) {
                if (s0 >= accept) {
                    hits[h0++] = i0;
                    s0 = 0;
                }
                if (s1 >= accept) {
                    hits[h1++] = i1;
                    s1 = 0;
                }
                if (s2 >= accept) {
                    hits[h2++] = i2;
                    s2 = 0;
                }
                if (s3 >= accept) {
                    hits[h3++] = i3;
                    s3 = 0;
                }
            }
        }
        int[] position = { i0, i1, i2, i3 };
        int[] state = { s0, s1, s2, s3 };
        int[] written = { h0, h1, h2, h3 };
        int count = 0;
        for (int k = 0; k < STREAMS; k++) {
            int h = written[k];
            int s = state[k];
            for (int i = position[k]; i < start[k + 1]; i++) {
                s = table[s + classOf[buf[i] & 0xff]];
                if (s >= accept) {
                    hits[h++] = i;
                    s = 0;
                }
            }
            int first = start[k] - from;
            System.arraycopy(hits, first, hits, count, h - first);
            count += h - first;
        }
        return count;
    }

    /** The bits of all keywords found in {@code bytes[from, to)}, a single line. */
    long bits(byte[] bytes, int from, int to) {
        long bits = 0;
        int s = 0;
        for (int i = from; i < to; i++) {
            s = next[s + byteClass[bytes[i] & 0xff]];
            if (s >= acceptFrom) {
                bits |= acceptBits[(s - acceptFrom) / classes];
            }
        }
        return bits;
    }

    /** The first start of a line at or after {@code position}, within {@code [from, to]}. */
    private static int lineStartFrom(byte[] buf, int position, int from, int to) {
        if (position <= from) {
            return from;
        }
        for (int i = position - 1; i < to; i++) {
            if (buf[i] == '\n') {
                return i + 1;
            }
        }
        return to;
    }
}
