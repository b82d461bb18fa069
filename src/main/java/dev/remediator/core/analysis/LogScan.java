package dev.remediator.core.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.remediator.core.analysis.EvidenceBoard.Chunk;
import dev.remediator.core.analysis.EvidenceBoard.Finding;
import dev.remediator.core.text.SecretMasker;

/**
 * One pass over one log. Bytes are read into a fixed buffer; the keyword matcher marks the lines worth a look, and
 * only those are cleaned (timestamp, colour codes, carriage return, runner marker), decoded and given to the rule
 * sets whose keywords they hold. Every other line is only counted.
 */
final class LogScan implements Findings {

    static final int BUFFER_SIZE = 1 << 20;
    /**
     * Bytes of a line that rules see; the rest of a longer line is skipped. What explains a failure sits at the start
     * of its line; the lines longer than this are command lines, minified code and data dumps.
     */
    static final int MAX_LINE = 8 * 1024;
    static final int MAX_EVIDENCE = 10;
    static final int MAX_LOCATIONS = 200;
    static final int MAX_EXCERPT = 500;
    /** The runner marked the line as an error: it matters a little more than the same words elsewhere. */
    static final double ERROR_MARKER_BONUS = 0.05;
    /** How much less a finding weighs when it comes from a step that ran after a failed one. */
    static final double AFTER_FAILURE_PENALTY = 0.2;
    /** Chunks of a non-transient kind at least this decisive make a transient-looking failure not worth a re-run. */
    static final double DECISIVE = 0.7;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte ESC = 0x1b;

    private final KeywordMatcher matcher;
    private final RuleSet[] ruleSets;
    private final EvidenceBoard board = new EvidenceBoard();
    private final FailingTests failingTests = new FailingTests();
    private final Set<Location> locations = new LinkedHashSet<>();

    private final byte[] buf = new byte[BUFFER_SIZE];
    private final int[] hits = new int[BUFFER_SIZE];
    private final byte[] scratch = new byte[MAX_LINE];
    private int filled;
    /** Start of the first line not read yet. */
    private int pos;
    /** Whether {@code buf[0]} starts a line (it does not after the head of an overlong line was dropped). */
    private boolean bufferStartsLine = true;
    /** Whether the rest of an overlong line is being dropped, up to its newline. */
    private boolean skippingRestOfLine;
    /** Number of the line that starts at {@link #pos}. */
    private int lineNumber = 1;
    private long bytes;
    /** Rule sets reading every line, by bit. */
    private long sectionBits;
    /** Start of the line the rules are reading, for {@link #previousText}. */
    private int currentLineStart;
    /** Line where the steps after the first failed one start, or 0. */
    private int afterFailedStep;
    /** Whether a rule set reported anything about the line being read. */
    private boolean lineReported;

    LogScan(KeywordMatcher matcher, RuleSet[] ruleSets) {
        this.matcher = matcher;
        this.ruleSets = ruleSets;
    }

    JobAnalysis read(InputStream in) throws IOException {
        int n;
        while ((n = in.read(buf, filled, buf.length - filled)) >= 0) {
            bytes += n;
            filled += n;
            if (skippingRestOfLine) {
                int newline = newlineFrom(pos, filled);
                pos = Math.min(newline + 1, filled);
                skippingRestOfLine = newline == filled;
            }
            int end = lastNewline() + 1;
            if (end > pos) {
                readLines(end);
            }
            compact();
            if (filled == buf.length) {
                // the line being read fills the whole buffer: read its head, drop the rest up to its newline
                readLine(pos, filled);
                pos = filled;
                skippingRestOfLine = true;
                compact();
            }
        }
        if (!skippingRestOfLine && pos < filled) {
            readLine(pos, filled);
        }
        lineNumber--;
        for (RuleSet ruleSet : ruleSets) {
            ruleSet.onEnd(this);
        }
        return verdict();
    }

    /** Reads the complete lines of {@code buf[pos, end)}; {@code end} follows a newline. */
    private void readLines(int end) {
        int hitCount = -1;
        int h = 0;
        while (pos < end) {
            if (sectionBits != 0) {
                readLine(pos, newlineFrom(pos, end));
                continue;
            }
            if (hitCount < 0) {
                hitCount = matcher.prefilter(buf, pos, end, hits);
            }
            while (h < hitCount && hits[h] < pos) {
                h++;
            }
            if (h == hitCount) {
                lineNumber += countNewlines(pos, end);
                pos = end;
                return;
            }
            int lineStart = lineStartBefore(hits[h], pos);
            lineNumber += countNewlines(pos, lineStart);
            readLine(lineStart, newlineFrom(hits[h], end));
        }
    }

    /** Reads the line from {@code start} to {@code newline} (its newline, or the end of the data). */
    private void readLine(int start, int newline) {
        currentLineStart = start;
        int contentStart = start + prefixLength(start, newline);
        int contentEnd = newline;
        if (contentEnd > contentStart && buf[contentEnd - 1] == '\r') {
            contentEnd--;
        }
        contentEnd = Math.min(contentEnd, contentStart + MAX_LINE);
        byte[] source = buf;
        int from = contentStart;
        int to = contentEnd;
        if (indexOf(ESC, from, to) >= 0) {
            to = stripColours(from, to);
            from = 0;
            source = scratch;
        }
        long wanted = (matcher.bits(source, from, to) & ~LogAnalyzer.COLOURED) | sectionBits;
        if (wanted != 0) {
            dispatch(new String(source, from, to - from, StandardCharsets.UTF_8), wanted);
        }
        pos = Math.min(newline + 1, filled);
        lineNumber++;
    }

    private void dispatch(String text, long wanted) {
        LogMarker marker = LogMarker.NONE;
        if (text.startsWith("##[")) {
            int close = text.indexOf(']');
            if (close > 0) {
                marker = LogMarker.named(text.substring(3, close));
                text = text.substring(close + 1);
            }
        }
        LogLine line = new LogLine(lineNumber, text, marker, this::previousText);
        lineReported = false;
        for (int i = 0; i < ruleSets.length; i++) {
            long bit = 1L << i;
            if ((wanted & bit) != 0 && !(lineReported && ruleSets[i].isFallback())) {
                RuleSet ruleSet = ruleSets[i];
                ruleSet.onLine(line, this);
                sectionBits = ruleSet.wantsEveryLine() ? sectionBits | bit : sectionBits & ~bit;
            }
        }
    }

    /** The cleaned text of the line before the one being read, or "" when it is gone (first line, overlong). */
    private String previousText() {
        int newline = currentLineStart - 1;
        if (newline < 0) {
            return "";
        }
        int start = lineStartBefore(newline, 0);
        if (start == 0 && !bufferStartsLine) {
            return "";
        }
        int contentStart = start + prefixLength(start, newline);
        int contentEnd = newline > contentStart && buf[newline - 1] == '\r' ? newline - 1 : newline;
        contentEnd = Math.min(contentEnd, contentStart + MAX_LINE);
        if (indexOf(ESC, contentStart, contentEnd) >= 0) {
            return new String(scratch, 0, stripColours(contentStart, contentEnd), StandardCharsets.UTF_8);
        }
        return new String(buf, contentStart, contentEnd - contentStart, StandardCharsets.UTF_8);
    }

    /** Moves the unread bytes, and the line before them when it is short enough, to the start of the buffer. */
    private void compact() {
        int keepFrom = pos;
        if (pos > 0 && !skippingRestOfLine) {
            int previousStart = lineStartBefore(pos - 1, Math.max(0, pos - 1 - MAX_LINE));
            boolean whole = previousStart > 0 ? buf[previousStart - 1] == '\n' : bufferStartsLine;
            if (whole) {
                keepFrom = previousStart;
            }
        }
        if (keepFrom == 0) {
            return;
        }
        System.arraycopy(buf, keepFrom, buf, 0, filled - keepFrom);
        filled -= keepFrom;
        pos -= keepFrom;
        bufferStartsLine = !skippingRestOfLine;
    }

    /**
     * Length of what precedes a line's text: the runner's timestamp ({@code 2024-05-01T10:00:00.1234567Z }) and, on
     * the first line, a UTF-8 byte order mark.
     */
    private int prefixLength(int start, int end) {
        int length = 0;
        if (start == 0 && bufferStartsLine && lineNumber == 1 && end - start >= 3 && (buf[0] & 0xff) == 0xEF
                && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            length = 3;
        }
        int t = start + length;
        if (end - t >= 21 && buf[t + 4] == '-' && buf[t + 7] == '-' && buf[t + 10] == 'T' && buf[t + 13] == ':'
                && buf[t + 16] == ':' && isDigit(buf[t]) && isDigit(buf[t + 3])) {
            int limit = Math.min(end - 1, t + 40);
            for (int i = t + 19; i < limit; i++) {
                if (buf[i] == 'Z' && buf[i + 1] == ' ') {
                    return i + 2 - start;
                }
            }
        }
        return length;
    }

    /**
     * Copies {@code buf[from, to)} into the scratch buffer without ANSI escape sequences (CSI such as colours and
     * cursor moves, OSC such as hyperlinks, and the rest: intermediate bytes then a final byte, as {@code ESC ( B});
     * returns the length copied.
     */
    private int stripColours(int from, int to) {
        int out = 0;
        int i = from;
        while (i < to) {
            byte b = buf[i];
            if (b != ESC) {
                scratch[out++] = b;
                i++;
                continue;
            }
            i++;
            if (i >= to) {
                break;
            }
            byte kind = buf[i++];
            if (kind == '[') {
                while (i < to && (buf[i] < 0x40 || buf[i] > 0x7e)) {
                    i++;
                }
                i++;
            } else if (kind == ']') {
                while (i < to && buf[i] != 0x07 && !(buf[i] == ESC && i + 1 < to && buf[i + 1] == '\\')) {
                    i++;
                }
                i += i < to && buf[i] == ESC ? 2 : 1;
            } else if (kind >= 0x20 && kind <= 0x2f) {
                while (i < to && buf[i] >= 0x20 && buf[i] <= 0x2f) {
                    i++;
                }
                i++;
            }
        }
        return out;
    }

    // ---- findings ----

    @Override
    public void report(LogLine line, Rule rule) {
        report(line.number(), line, rule);
    }

    @Override
    public void report(int firstLine, LogLine keyLine, Rule rule) {
        double bonus = keyLine.marker() == LogMarker.ERROR ? ERROR_MARKER_BONUS : 0;
        add(firstLine, keyLine.number(), keyLine.number(), keyLine.text(), rule, Math.min(1, rule.weight() + bonus));
    }

    @Override
    public void reportRange(int firstLine, int lastLine, String excerpt, Rule rule) {
        add(firstLine, lastLine, lastLine, excerpt, rule, rule.weight());
    }

    private void add(int first, int last, int key, String excerpt, Rule rule, double weight) {
        int end = Math.max(1, Math.min(last, lastLine()));
        int start = Math.max(1, Math.min(first, end));
        double weighed = afterFailedStep > 0 && start >= afterFailedStep ? Math.max(0, weight - AFTER_FAILURE_PENALTY) : weight;
        board.add(new Finding(start, end, Math.min(Math.max(key, start), end), rule, weighed, excerpt(excerpt)));
        lineReported = true;
    }

    @Override
    public void laterStepsStartAt(int line) {
        if (afterFailedStep == 0) {
            afterFailedStep = line;
        }
    }

    @Override
    public void failingTest(String name) {
        failingTests.add(name);
    }

    @Override
    public void location(String path, int line, int column) {
        if (line <= 0 || locations.size() >= MAX_LOCATIONS) {
            return;
        }
        String relative = WorkspacePaths.relativize(path);
        if (relative != null) {
            locations.add(new Location(relative, line, column > 0 ? column : null));
        }
    }

    @Override
    public int lastLine() {
        return lineNumber;
    }

    /** The excerpt as kept: at most {@value #MAX_EXCERPT} characters; secrets are masked when it is shown. */
    private static String excerpt(String text) {
        String oneLine = text == null ? "" : text.strip();
        if (oneLine.length() > MAX_EXCERPT) {
            int cut = Character.isHighSurrogate(oneLine.charAt(MAX_EXCERPT - 1)) ? MAX_EXCERPT - 1 : MAX_EXCERPT;
            oneLine = oneLine.substring(0, cut) + "…";
        }
        return oneLine;
    }

    // ---- verdict ----

    /**
     * The job's category is that of the best chunk that names one (a chunk that only says "error" may rank higher
     * and still be shown first). Confidence drops when the evidence that decides is outranked by evidence that names
     * nothing, or closely followed by evidence of another kind.
     */
    private JobAnalysis verdict() {
        List<Chunk> ranked = board.ranked();
        Chunk deciding = ranked.stream().filter(c -> c.bestCategorised() != null).findFirst().orElse(null);
        FailureCategory category = deciding == null ? FailureCategory.UNKNOWN : deciding.category();
        double confidence;
        boolean transientFailure = false;
        if (deciding == null) {
            confidence = ranked.isEmpty() ? 0 : ranked.get(0).weight() / 2;
        } else {
            Finding decisive = deciding.bestCategorised();
            confidence = decisive.weight();
            if (ranked.get(0) != deciding) {
                confidence -= 0.1;
            }
            boolean rivalled = ranked.stream().anyMatch(c -> c != deciding && c.bestCategorised() != null
                    && c.category() != category && c.bestCategorised().weight() >= decisive.weight() - 0.1);
            if (rivalled) {
                confidence -= 0.15;
            }
            transientFailure = decisive.rule().transientFailure() && ranked.stream()
                    .noneMatch(c -> c.bestCategorised() != null && !c.bestCategorised().rule().transientFailure()
                            && c.category() != FailureCategory.CANCELLED && c.bestCategorised().weight() >= DECISIVE);
        }
        List<Evidence> evidence = new ArrayList<>();
        for (Chunk chunk : ranked.subList(0, Math.min(MAX_EVIDENCE, ranked.size()))) {
            Finding best = chunk.best();
            evidence.add(new Evidence(chunk.start(), chunk.end(), best.rule().id(), chunk.category(),
                    round(best.weight()), SecretMasker.mask(best.excerpt())));
        }
        return new JobAnalysis(category, round(Math.max(0, confidence)), transientFailure, evidence,
                failingTests.list(), List.copyOf(locations), lineNumber, bytes);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    // ---- bytes ----

    private int lastNewline() {
        for (int i = filled - 1; i >= pos; i--) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return pos - 1;
    }

    /** Index of the first newline in {@code [from, end)}, or {@code end}. */
    private int newlineFrom(int from, int end) {
        for (int i = from; i < end; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return end;
    }

    /** Start of the line holding {@code position}, not before {@code floor}. */
    private int lineStartBefore(int position, int floor) {
        for (int i = position; i > floor; i--) {
            if (buf[i - 1] == '\n') {
                return i;
            }
        }
        return floor;
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Newlines in {@code buf[from, to)}, eight bytes at a time. */
    private int countNewlines(int from, int to) {
        int count = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(buf, i) ^ 0x0A0A0A0A0A0A0A0AL;
            // high bit of each byte set when that byte is not zero, that is when it was not a newline
            long nonZero = ((v & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | v;
            count += Long.bitCount(~nonZero & 0x8080808080808080L);
        }
        for (; i < to; i++) {
            if (buf[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
