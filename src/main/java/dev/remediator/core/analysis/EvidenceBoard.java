package dev.remediator.core.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Gathers what the rules found into chunks of nearby lines and ranks them. Lines that explain one failure sit
 * together (an error, its context, the runner's exit code right after), so findings a few lines apart merge into one
 * chunk, whatever rules they come from; a chunk is as decisive as its most decisive finding, so a cause (a test's
 * assertion, a compiler error) ranks above what follows from it (a summary, {@code BUILD FAILURE}, an exit code),
 * whose rules weigh less. Between equally decisive chunks of one rule the first ranks first: the first failing test or
 * compiler error is the cause, the later ones are often its consequences (a chunk whose excerpt the log repeats later
 * ranks where its last copy does: a tool that prints its report twice means the final one). Between equally
 * decisive chunks of different rules the later one ranks first: the last error before a job stops is the one that
 * stopped it.
 *
 * <p>Findings that only give context (the last lines of a log, weighing less than {@value #CONTEXT}) stay in
 * chunks of their own, so that they never stretch the range of an error. Only the {@value #KEPT} best chunks are
 * kept (among equals, the first ones), so the board stays small whatever the log's size.
 */
final class EvidenceBoard {

    /** Lines that may separate two findings of one chunk. */
    static final int GAP = 3;
    /** Longest chunk, in lines; a longer run of findings is cut into several chunks. */
    static final int MAX_SPAN = Block.MAX_LINES + 20;
    static final int KEPT = 100;
    /** Findings lighter than this only give context. */
    static final double CONTEXT = 0.2;
    /** Findings at least this heavy come from rules specific to a tool. */
    static final double SPECIFIC = 0.6;
    /** Findings at least this heavy name one failure each (a test's, a compiler error), not a kind of trouble. */
    static final double DECISIVE = 0.85;

    /**
     * A rule's verdict on some lines, with its weight after the marker bonus and the passing log's say; {@code note}
     * adds to the reason it is shown (frames left out, new since the passing run), {@code lines} holds the text of
     * the lines read, by number.
     */
    record Finding(int start, int end, int keyLine, Rule rule, double weight, String excerpt, String note,
            Map<Integer, String> lines) {

        Finding(int start, int end, int keyLine, Rule rule, double weight, String excerpt) {
            this(start, end, keyLine, rule, weight, excerpt, "", Map.of());
        }
    }

    /** Lines that explain the failure together. */
    static final class Chunk {
        private int start;
        private int end;
        private Finding best;
        private Finding bestCategorised;
        private final TreeMap<Integer, String> lines = new TreeMap<>();

        private Chunk(Finding first) {
            start = first.start();
            end = first.end();
            take(first);
        }

        int start() {
            return start;
        }

        int end() {
            return end;
        }

        /** The most decisive finding. */
        Finding best() {
            return best;
        }

        /** The most decisive finding that names a category, or {@code null}. */
        Finding bestCategorised() {
            return bestCategorised;
        }

        double weight() {
            return best.weight();
        }

        /** The text of the chunk's lines that were read, by number. */
        Map<Integer, String> lines() {
            return lines.subMap(start, true, end, true);
        }

        FailureCategory category() {
            return bestCategorised == null ? FailureCategory.UNKNOWN : bestCategorised.rule().category();
        }

        private boolean canTake(Finding finding) {
            return finding.weight() >= CONTEXT && best.weight() >= CONTEXT
                    && finding.start() <= end + GAP + 1 && finding.end() >= start - GAP - 1
                    && Math.max(end, finding.end()) - Math.min(start, finding.start()) < MAX_SPAN
                    && !isAnotherFailure(finding);
        }

        /**
         * A decisive finding after a chunk that a decisive finding leads is another failure (the next test, the next
         * compiler error, another tool's report of a test): it gets a chunk of its own, so that the first is not
         * read as one with all those that follow it. What explains a failure is in its block, which the finding
         * already spans.
         */
        private boolean isAnotherFailure(Finding finding) {
            return finding.start() > end && finding.weight() >= DECISIVE && best.weight() >= DECISIVE;
        }

        private void take(Finding finding) {
            start = Math.min(start, finding.start());
            end = Math.max(end, finding.end());
            lines.putAll(finding.lines());
            if (best == null || outranks(finding, best)) {
                best = finding;
            }
            if (finding.rule().category() != FailureCategory.UNKNOWN
                    && (bestCategorised == null || outranks(finding, bestCategorised))) {
                bestCategorised = finding;
            }
        }

        private void takeAll(Chunk other) {
            take(other.best);
            if (other.bestCategorised != null) {
                take(other.bestCategorised);
            }
            start = Math.min(start, other.start);
            end = Math.max(end, other.end);
            lines.putAll(other.lines);
        }
    }

    /** Best first: heavier, then later. */
    static final Comparator<Chunk> RANKING = Comparator.comparingDouble(Chunk::weight).reversed()
            .thenComparing(Comparator.comparingInt(Chunk::end).reversed());

    /** Worst first, so that the worst is dropped when full: lighter, then later (the first failures are kept). */
    private final PriorityQueue<Chunk> kept = new PriorityQueue<>(Comparator.comparingDouble(Chunk::weight)
            .thenComparing(Comparator.comparingInt(Chunk::start).reversed()));
    private Chunk open;

    void add(Finding finding) {
        if (open != null && open.canTake(finding)) {
            open.take(finding);
            return;
        }
        if (open != null) {
            keep(open);
        }
        open = new Chunk(finding);
    }

    /** Findings from here on belong to another step: they do not join the findings before them. */
    void newStep() {
        if (open != null) {
            keep(open);
            open = null;
        }
    }

    /**
     * Lowers by {@code penalty} the weight of the chunks that lie wholly within the lines from {@code first} to
     * {@code last} (a step that went on to succeed: what it printed did not stop the job).
     */
    void quieten(int first, int last, double penalty) {
        List<Chunk> chunks = new ArrayList<>(kept);
        kept.clear();
        for (Chunk chunk : chunks) {
            if (chunk.start >= first && chunk.end <= last) {
                chunk.best = lighter(chunk.best, penalty);
                chunk.bestCategorised = chunk.bestCategorised == null ? null : lighter(chunk.bestCategorised, penalty);
            }
            kept.add(chunk);
        }
    }

    private static Finding lighter(Finding finding, double penalty) {
        return new Finding(finding.start(), finding.end(), finding.keyLine(), finding.rule(),
                Math.max(0, finding.weight() - penalty), finding.excerpt(), finding.note(), finding.lines());
    }

    /** The chunks, best first; chunks that overlap once all findings are in are merged. */
    List<Chunk> ranked() {
        List<Chunk> chunks = new ArrayList<>(kept);
        if (open != null) {
            chunks.add(open);
        }
        chunks.sort(Comparator.comparingInt(Chunk::start));
        List<Chunk> merged = new ArrayList<>();
        for (Chunk chunk : chunks) {
            Chunk last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && chunk.start() <= last.end() && last.weight() >= CONTEXT && chunk.weight() >= CONTEXT) {
                last.takeAll(chunk);
            } else {
                merged.add(chunk);
            }
        }
        merged.sort(RANKING);
        firstOfARuleFirst(merged);
        return merged;
    }

    /**
     * Among chunks of equal weight, puts the chunks of each rule in the order they appear in the log, in the places
     * that rule's chunks hold in the ranking; a chunk whose excerpt appears again later goes right after its last copy.
     */
    private static void firstOfARuleFirst(List<Chunk> ranked) {
        int from = 0;
        while (from < ranked.size()) {
            int to = from;
            while (to < ranked.size() && ranked.get(to).weight() == ranked.get(from).weight()) {
                to++;
            }
            List<Chunk> group = ranked.subList(from, to);
            java.util.Map<String, List<Integer>> placesByRule = new java.util.LinkedHashMap<>();
            for (int i = 0; i < group.size(); i++) {
                placesByRule.computeIfAbsent(group.get(i).best().rule().id(), rule -> new ArrayList<>()).add(i);
            }
            List<Chunk> reordered = new ArrayList<>(group);
            for (List<Integer> places : placesByRule.values()) {
                List<Chunk> chunks = new ArrayList<>(places.stream().map(group::get).toList());
                chunks.sort(Comparator.comparingInt(chunk -> logPosition(chunk, chunks)));
                for (int i = 0; i < places.size(); i++) {
                    reordered.set(places.get(i), chunks.get(i));
                }
            }
            for (int i = 0; i < group.size(); i++) {
                group.set(i, reordered.get(i));
            }
            from = to;
        }
    }

    /** Where a chunk sits in the log, or where the last chunk with its excerpt does. */
    private static int logPosition(Chunk chunk, List<Chunk> sameRule) {
        int position = chunk.start();
        for (Chunk other : sameRule) {
            if (other.start() > position && other.best().excerpt().equals(chunk.best().excerpt())) {
                position = other.start();
            }
        }
        return position == chunk.start() ? 2 * position : 2 * position + 1;
    }

    private void keep(Chunk chunk) {
        kept.add(chunk);
        if (kept.size() > KEPT) {
            kept.poll();
        }
    }

    private static boolean outranks(Finding candidate, Finding current) {
        return candidate.weight() > current.weight()
                || candidate.weight() == current.weight() && candidate.keyLine() >= current.keyLine();
    }
}
