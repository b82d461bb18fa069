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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.EvidenceBoard.Chunk;
import dev.remediator.core.analysis.EvidenceBoard.Finding;
import dev.remediator.core.text.SecretMasker;

/**
 * One pass over one log. Bytes are read into a fixed buffer; the keyword matcher marks the lines worth a look, and
 * only those are cleaned (timestamp, colour codes, carriage return, runner marker), decoded and given to the rule
 * sets whose keywords they hold. Every other line is only counted, except while the block of a finding is open
 * ({@link Block}): then every line is read until the block ends. The bytes of the last {@value #LOOK_BEHIND} bytes of
 * lines stay in the buffer, so that a range reported backwards (a step's last output) shows its text too.
 *
 * <p>Given a passing log of the same job, a finding on a line that the passing log also printed weighs far less, and
 * one on a new line a little more.
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
    /** Characters of each line of a block that the evidence keeps. */
    static final int MAX_BLOCK_LINE = 300;
    /** Bytes of read lines kept before the line being read. */
    static final int LOOK_BEHIND = 64 * 1024;
    /** Bytes at the start of a log that tell whether it is text at all. */
    static final int SNIFF = 8 * 1024;
    /** What a finding on a line the passing log also printed still weighs, as a share of its weight. */
    static final double SEEN_WHEN_PASSING = 0.3;
    /** What a finding on a line the passing log never printed weighs more. */
    static final double NEW_SINCE_PASSING = 0.1;
    /** Rules that sum up failures reported above them, or tell only that a step or a build failed. */
    private static final Pattern SUMMARY_RULE = Pattern.compile(
            ".*(?:counts|summary.*|build-failure|build-failed|test-result|failing|script-failed|goal-failed"
                    + "|could-not-compile|package-failed|build-stopped|build-step-failed|class-failed|suite-failed)$");
    /**
     * How much less a finding weighs when the step that printed it went on to succeed (a linter run with
     * {@code --exit-zero}, errors a script ignored).
     */
    static final double SUCCEEDED_STEP_PENALTY = 0.2;
    /** Rules of a step's exit code. */
    private static final Pattern EXIT_CODE_RULE = Pattern.compile("runner\\..*exit-code");
    /** The rule of a failed step's last error-like line, when no specific rule explained the step. */
    static final String LAST_ERROR_OF_FAILED_STEP = "generic.failed-step-error";
    /** What that line weighs: more than any other error-like line, less than a specific rule's finding. */
    static final double FAILED_STEP_ERROR = 0.58;
    /** Rules that only read what a failed step printed last, whatever the tool. */
    private static final Pattern STEP_OUTPUT_RULE = Pattern.compile("runner\\.(?:failed-step|log-end)");

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte ESC = 0x1b;

    private final KeywordMatcher matcher;
    private final RuleSet[] ruleSets;
    private final PassingLog passing;
    private final EvidenceBoard board = new EvidenceBoard();
    private final FailingTests failingTests = new FailingTests();
    private final Set<Location> locations = new LinkedHashSet<>();

    private final byte[] buf;
    private final int[] hits;
    private final byte[] scratch;
    private int filled;
    /** Start of the first line not read yet. */
    private int pos;
    /**
     * Where the bytes not yet searched for a newline start: those between {@link #pos} and here hold none. A stream
     * giving a few bytes per read of a long line would otherwise have the whole line searched again at every read.
     */
    private int unscanned;
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
    /** The block being extended from a finding's line, or {@code null}. */
    private Block block;
    /** The finding whose block is open; it goes on the board when the block ends. */
    private Finding blockAnchor;
    private TreeMap<Integer, String> blockLines;
    /** First line of the current step ({@code ##[group]Run ...}), or 0 before the first. */
    private int stepStart;
    /** Whether the runner marked a line of the current step as an error. */
    private boolean stepHadError;
    /** Whether a specific rule recognised a line of the current step (or the step already ended with its code). */
    private boolean stepExplained;
    /** The last error-like finding of the current step, or {@code null}. */
    private Finding lastErrorOfStep;
    /** Whether the rule sets are reading a line (not the end of the log), so that the buffer holds its lines. */
    private boolean dispatching;

    /** @param passing a passing log of the same job, or {@code null} */
    LogScan(KeywordMatcher matcher, RuleSet[] ruleSets, PassingLog passing, ScanBuffers buffers) {
        this.matcher = matcher;
        this.buf = buffers.bytes;
        this.hits = buffers.hits;
        this.scratch = buffers.scratch;
        this.ruleSets = ruleSets;
        this.passing = passing;
    }

    JobAnalysis read(InputStream in) throws IOException {
        int n = 0;
        while (filled < SNIFF && (n = in.read(buf, filled, buf.length - filled)) >= 0) {
            bytes += n;
            filled += n;
        }
        if (!isText(Math.min(filled, SNIFF))) {
            return notText(in);
        }
        consume();
        while (n >= 0 && (n = in.read(buf, filled, buf.length - filled)) >= 0) {
            bytes += n;
            filled += n;
            consume();
        }
        if (!skippingRestOfLine && pos < filled) {
            readLine(pos, filled);
        }
        lineNumber--;
        if (block != null) {
            closeBlock();
        }
        for (RuleSet ruleSet : ruleSets) {
            ruleSet.onEnd(this);
        }
        return verdict();
    }

    /** Reads the complete lines among the bytes just read. */
    private void consume() {
        if (skippingRestOfLine) {
            int newline = newlineFrom(pos, filled);
            pos = Math.min(newline + 1, filled);
            skippingRestOfLine = newline == filled;
        }
        int end = lastNewline() + 1;
        if (end > pos) {
            readLines(end);
        }
        unscanned = filled;
        compact();
        if (filled == buf.length) {
            // the line being read fills the whole buffer: read its head, drop the rest up to its newline
            readLine(pos, filled);
            pos = filled;
            skippingRestOfLine = true;
            compact();
        }
    }

    /**
     * Whether the first bytes of the log look like text: no NUL byte, and few control characters other than tab,
     * newline, carriage return, form feed, backspace and escape. An executable, an archive or an image is not a log.
     */
    private boolean isText(int length) {
        int controls = 0;
        for (int i = 0; i < length; i++) {
            int b = buf[i] & 0xff;
            if (b == 0) {
                return false;
            }
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\b' && b != ESC) || b == 0x7f) {
                controls++;
            }
        }
        return controls * 20 <= length;
    }

    /** The verdict on a log that is not text: nothing to read in it; the lines are still counted. */
    private JobAnalysis notText(InputStream in) throws IOException {
        long newlines = countNewlines(0, filled);
        byte last = filled > 0 ? buf[filled - 1] : (byte) '\n';
        int n;
        while ((n = in.read(buf, 0, buf.length)) >= 0) {
            bytes += n;
            newlines += countNewlines(0, n);
            if (n > 0) {
                last = buf[n - 1];
            }
        }
        long lines = newlines + (bytes > 0 && last != '\n' ? 1 : 0);
        Evidence notText = new Evidence(1, 1, "input.not-text", FailureCategory.UNKNOWN, 0, "not a text log",
                "not a text log: binary bytes at its start", List.of());
        return new JobAnalysis(FailureCategory.UNKNOWN, 0, false, List.of(notText), List.of(), List.of(), lines, bytes);
    }

    /** Reads the complete lines of {@code buf[pos, end)}; {@code end} follows a newline. */
    private void readLines(int end) {
        int hitCount = -1;
        int h = 0;
        while (pos < end) {
            if (sectionBits != 0 || block != null) {
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
        if (wanted != 0 || block != null) {
            String text = new String(source, from, to - from, StandardCharsets.UTF_8);
            LogMarker marker = markerOf(text);
            text = withoutMarker(text, marker);
            if (block != null) {
                extendBlock(text, marker);
            }
            if (wanted != 0) {
                dispatch(text, marker, wanted);
            }
        }
        pos = Math.min(newline + 1, filled);
        lineNumber++;
    }

    private static LogMarker markerOf(String text) {
        int close = text.startsWith("##[") ? text.indexOf(']') : -1;
        return close > 0 ? LogMarker.named(text.substring(3, close)) : LogMarker.NONE;
    }

    private static String withoutMarker(String text, LogMarker marker) {
        return marker == LogMarker.NONE ? text : text.substring(text.indexOf(']') + 1);
    }

    private void extendBlock(String text, LogMarker marker) {
        switch (block.offer(text, marker)) {
            case TAKE, SKIP -> blockLines.put(lineNumber, blockLine(text));
            case END -> closeBlock();
        }
    }

    private void closeBlock() {
        closeBlock(Integer.MAX_VALUE);
    }

    /** Puts the open block's finding on the board, its range ending where the block ended, at most at {@code last}. */
    private void closeBlock(int last) {
        Finding anchor = blockAnchor;
        int end = Math.max(anchor.end(), Math.min(last, anchor.keyLine() + block.extent()));
        String note = block.omittedFrames() == 0 ? anchor.note()
                : join(anchor.note(), block.omittedFrames() + " stack frames left out");
        block = null;
        blockAnchor = null;
        board.add(new Finding(anchor.start(), end, anchor.keyLine(), anchor.rule(), anchor.weight(), anchor.excerpt(),
                note, blockLines));
        blockLines = null;
    }

    private void dispatch(String text, LogMarker marker, long wanted) {
        dispatching = true;
        LogLine line = new LogLine(lineNumber, text, marker, this::previousText);
        lineReported = false;
        if (marker == LogMarker.GROUP && text.startsWith("Run ") || text.startsWith("Post job cleanup")) {
            stepExplained = false;
            lastErrorOfStep = null;
            endStep();
        } else if (marker == LogMarker.ERROR) {
            stepHadError = true;
        }
        for (int i = 0; i < ruleSets.length; i++) {
            long bit = 1L << i;
            if ((wanted & bit) != 0 && !(lineReported && ruleSets[i].isFallback())) {
                RuleSet ruleSet = ruleSets[i];
                ruleSet.onLine(line, this);
                sectionBits = ruleSet.wantsEveryLine() ? sectionBits | bit : sectionBits & ~bit;
            }
        }
        dispatching = false;
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
        return cleanText(start, newline);
    }

    /**
     * The text of the lines from {@code first} to {@code last}, at most the line being read, cleaned and without
     * runner markers, as far as the buffer still holds them; {@code current} is the text of the line being read.
     * Empty once every line has been read.
     */
    private Map<Integer, String> linesBack(int first, int last, String current) {
        TreeMap<Integer, String> lines = new TreeMap<>();
        if (!dispatching) {
            return lines;
        }
        if (last >= lineNumber) {
            lines.put(lineNumber, blockLine(current));
        }
        int newline = currentLineStart - 1;
        for (int number = lineNumber - 1; number >= first && newline >= 0 && lineNumber - number <= Block.MAX_LINES;
                number--) {
            int start = lineStartBefore(newline, 0);
            if (start == 0 && !bufferStartsLine) {
                break;
            }
            String text = cleanText(start, newline);
            if (number <= last) {
                lines.put(number, blockLine(withoutMarker(text, markerOf(text))));
            }
            newline = start - 1;
        }
        return lines;
    }

    /** The text of the line {@code buf[start, newline)}, cleaned of timestamp, colour codes and carriage return. */
    private String cleanText(int start, int newline) {
        int contentStart = start + prefixLength(start, newline);
        int contentEnd = newline > contentStart && buf[newline - 1] == '\r' ? newline - 1 : newline;
        contentEnd = Math.min(contentEnd, contentStart + MAX_LINE);
        if (indexOf(ESC, contentStart, contentEnd) >= 0) {
            return new String(scratch, 0, stripColours(contentStart, contentEnd), StandardCharsets.UTF_8);
        }
        return new String(buf, contentStart, contentEnd - contentStart, StandardCharsets.UTF_8);
    }

    /**
     * Moves the unread bytes, and the whole lines of the last {@value #LOOK_BEHIND} bytes read before them, to the
     * start of the buffer, once a quarter of it is all that is left free: a network stream gives a few kilobytes
     * per read, and moving the look-behind after each would copy every byte many times over.
     */
    private void compact() {
        if (!skippingRestOfLine && buf.length - filled >= buf.length / 4) {
            return;
        }
        int keepFrom = pos;
        if (pos > 0 && !skippingRestOfLine) {
            int floor = pos - LOOK_BEHIND;
            if (floor <= 0) {
                return;
            }
            keepFrom = Math.min(pos, newlineFrom(floor - 1, pos) + 1);
        }
        if (keepFrom == 0) {
            return;
        }
        System.arraycopy(buf, keepFrom, buf, 0, filled - keepFrom);
        filled -= keepFrom;
        pos -= keepFrom;
        unscanned = Math.max(0, unscanned - keepFrom);
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
            // an empty line: the runner writes its timestamp without the space
            int last = end > start && buf[end - 1] == '\r' ? end - 2 : end - 1;
            if (last - t >= 19 && last - t <= 40 && buf[last] == 'Z') {
                return last + 1 - start;
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
        int key = keyLine.number();
        int start = Math.max(1, Math.min(firstLine, key));
        double weight = afterFailedStep(start, Math.min(1, rule.weight() + bonus));
        String note = "";
        if (passing != null) {
            boolean seen = passing.printed(keyLine.text());
            weight = seen ? weight * SEEN_WHEN_PASSING : Math.min(1, weight + NEW_SINCE_PASSING);
            note = seen ? "also printed by the passing run" : "new since the passing run";
        }
        Map<Integer, String> lines = linesBack(start, key, keyLine.text());
        Finding finding = new Finding(start, key, key, rule, weight, excerpt(keyLine.text()), note, lines);
        lineReported = true;
        followStep(finding);
        if (dispatching && key == lineNumber && weight >= EvidenceBoard.CONTEXT
                && (blockAnchor == null || blockAnchor.keyLine() < key && weight >= blockAnchor.weight())) {
            // a failure as decisive recognised inside an open block starts a block of its own; the ranges meet on the
            // board. A weaker one (an error word inside a stack trace) is part of the block.
            if (block != null) {
                closeBlock(key - 1);
            }
            block = new Block(keyLine.text());
            blockAnchor = finding;
            blockLines = new TreeMap<>(lines);
        } else if (!isPartOfOpenBlock(finding)) {
            board.add(finding);
        }
    }

    /**
     * Ends the current step at the line before this one. A step that printed no error went on to succeed: what it
     * printed weighs less from now on, before the findings of the steps after it compete with it for a place.
     */
    private void endStep() {
        board.newStep();
        if (stepStart > 0 && !stepHadError) {
            board.quieten(stepStart, lineNumber - 1, SUCCEEDED_STEP_PENALTY);
        }
        stepStart = lineNumber;
        stepHadError = false;
    }

    /**
     * Follows what the current step's lines mean. When the step fails (its exit code) and no specific rule explained
     * any of its lines, the last error-like line it printed is the likeliest cause: it is promoted above the other
     * error-like lines and the step's plain last lines.
     */
    private void followStep(Finding finding) {
        if (EXIT_CODE_RULE.matcher(finding.rule().id()).matches()) {
            if (!stepExplained && lastErrorOfStep != null) {
                Finding error = lastErrorOfStep;
                Rule promoted = new Rule(LAST_ERROR_OF_FAILED_STEP, error.rule().category(), FAILED_STEP_ERROR);
                board.add(new Finding(error.start(), error.end(), error.keyLine(), promoted, FAILED_STEP_ERROR,
                        error.excerpt(), error.note(), error.lines()));
            }
            stepExplained = true;
        } else if (finding.weight() >= EvidenceBoard.SPECIFIC) {
            stepExplained = true;
        } else if (finding.weight() >= EvidenceBoard.CONTEXT && !finding.rule().id().startsWith("runner.")) {
            lastErrorOfStep = finding;
        }
    }

    /**
     * Whether the finding only repeats, inside the open block of a failure already named, that something went wrong
     * (an error word in an assertion message or a stack trace): the block says it better, and on the board the
     * finding would join that block to the next failure's.
     */
    private boolean isPartOfOpenBlock(Finding finding) {
        return block != null && dispatching && finding.keyLine() == lineNumber
                && finding.weight() < EvidenceBoard.SPECIFIC
                && blockAnchor.rule().category() != FailureCategory.UNKNOWN;
    }

    @Override
    public void reportRange(int firstLine, int lastLine, String excerpt, Rule rule) {
        int end = Math.max(1, Math.min(lastLine, lastLine()));
        int start = Math.max(1, Math.min(firstLine, end));
        Map<Integer, String> lines = linesBack(start, end, "");
        // what the passing run printed too is not why this one failed: the range starts at the first new line
        while (passing != null && start < end && lines.containsKey(start) && passing.printed(lines.get(start))) {
            lines.remove(start);
            start++;
        }
        board.add(new Finding(start, end, end, rule, afterFailedStep(start, rule.weight()), excerpt(excerpt), "", lines));
        lineReported = true;
    }

    private double afterFailedStep(int start, double weight) {
        return afterFailedStep > 0 && start >= afterFailedStep ? Math.max(0, weight - AFTER_FAILURE_PENALTY) : weight;
    }

    /** A line of a block as kept: at most {@value #MAX_BLOCK_LINE} characters. */
    private static String blockLine(String text) {
        String line = text.stripTrailing();
        if (line.length() <= MAX_BLOCK_LINE) {
            return line;
        }
        int cut = Character.isHighSurrogate(line.charAt(MAX_BLOCK_LINE - 1)) ? MAX_BLOCK_LINE - 1 : MAX_BLOCK_LINE;
        return line.substring(0, cut) + "…";
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : second.isEmpty() ? first : first + "; " + second;
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
        List<Chunk> shown = ranked.subList(0, Math.min(MAX_EVIDENCE, ranked.size()));
        for (Chunk chunk : shown) {
            Finding best = chunk.best();
            List<Evidence.BlockLine> block = chunk.lines().entrySet().stream()
                    .map(line -> new Evidence.BlockLine(line.getKey(), SecretMasker.mask(line.getValue())))
                    .toList();
            evidence.add(new Evidence(chunk.start(), chunk.end(), best.rule().id(), chunk.category(),
                    round(best.weight()), SecretMasker.mask(best.excerpt()), reason(chunk, shown), block));
        }
        return new JobAnalysis(category, round(Math.max(0, confidence)), transientFailure, evidence,
                failingTests.list(), List.copyOf(locations), lineNumber, bytes);
    }

    /**
     * Why a range is shown: what its rule found (the first of its kind is the cause, a summary or an exit code only
     * follows from it, a step's last output stands in when no rule knew the tool), and what the passing log says.
     */
    private static String reason(Chunk chunk, List<Chunk> shown) {
        Finding best = chunk.best();
        String rule = best.rule().id();
        String what;
        if (rule.equals("input.not-text")) {
            what = "not a text log";
        } else if (rule.equals(LAST_ERROR_OF_FAILED_STEP)) {
            what = "the failed step's last error-like line, which no specific rule explains";
        } else if (STEP_OUTPUT_RULE.matcher(rule).matches()) {
            what = "what the failed step printed last";
        } else if (rule.endsWith("exit-code")) {
            what = "the failed step's exit code";
        } else if (SUMMARY_RULE.matcher(rule).matches()) {
            what = "a summary that follows from the failures";
        } else if (best.weight() < EvidenceBoard.SPECIFIC || chunk.category() == FailureCategory.UNKNOWN) {
            what = "error-like lines that no specific rule explains";
        } else {
            boolean first = shown.stream().noneMatch(other -> other != chunk && other.start() < chunk.start()
                    && other.category() == chunk.category() && other.best().weight() >= EvidenceBoard.SPECIFIC);
            what = (first ? "the first " : "a later ") + chunk.category().name().toLowerCase(Locale.ROOT)
                    + " failure in the log";
        }
        return join(what + " (" + rule + ")", best.note());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    // ---- bytes ----

    private int lastNewline() {
        for (int i = filled - 1; i >= Math.max(pos, unscanned); i--) {
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
