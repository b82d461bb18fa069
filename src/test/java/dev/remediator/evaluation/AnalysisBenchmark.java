package dev.remediator.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.LogAnalyzer;
import dev.remediator.core.analysis.PassingLog;

/**
 * Measures the analyzer's throughput and peak heap on a log of at least 1 GB made by repeating the fixture logs, and
 * times {@code grep -c -E} over the same file with the analyzer's own keyword alternation, in the same run (not a
 * unit test: run by {@code bin/bench-analysis}, which pins the JVM, and so grep, to one core with a 64 MB heap).
 *
 * <p>Each tool runs {@value #ROUNDS} times, alternately, and its best time counts, so that both read the file from
 * the page cache. Times are CPU times (the analysing thread's; grep's user and system time, from
 * {@code /usr/bin/time}), which other work on a shared machine does not inflate; wall-clock times are shown beside.
 *
 * <p>The analysis runs as in production: evidence extended to blocks, and a passing log as its baseline (the fixture
 * logs once each, read before the rounds: their normalised lines are what a passing run of the same job printed).
 */
public final class AnalysisBenchmark {

    static final int ROUNDS = 3;
    static final double THROUGHPUT_TARGET = 250;
    static final double HEAP_TARGET = 64;
    static final double GREP_RATIO_TARGET = 1.2;
    private static final long MB = 1_000_000;

    /** The fixture logs, one after the other, as one passing log. */
    private static PassingLog passingLog(List<Path> sources) throws IOException {
        List<InputStream> streams = new java.util.ArrayList<>();
        for (Path source : sources) {
            streams.add(Files.newInputStream(source));
        }
        try (InputStream all = new java.io.SequenceInputStream(java.util.Collections.enumeration(streams))) {
            PassingLog passing = PassingLog.read(all);
            System.out.printf(Locale.ROOT, "baseline: %,d distinct normalised lines of the %d fixture logs%n", passing.size(),
                    sources.size());
            return passing;
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path fixtures = Path.of(args.length > 0 ? args[0] : "../shared/fixtures/logs");
        long size = (args.length > 1 ? Long.parseLong(args[1]) : 1024) * MB;
        Path log = Path.of(args.length > 2 ? args[2] : "target/benchmark/analysis-benchmark.log");
        if (!Files.isDirectory(fixtures)) {
            System.err.println("No fixtures at " + fixtures.toAbsolutePath() + "; give the logs directory as the argument.");
            System.exit(2);
        }
        List<Path> sources = fixtureLogs(fixtures);
        build(log, sources, size);
        LogAnalyzer analyzer = LogAnalyzer.standard();
        for (Path source : sources) {
            analyzer.analyze(source);
        }
        PassingLog passing = passingLog(sources);
        Path pattern = log.resolveSibling("keywords.ere");
        Files.writeString(pattern, alternation(analyzer.keywords()) + "\n", StandardCharsets.UTF_8);

        long bytes = Files.size(log);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double bestAnalyzer = Double.MAX_VALUE;
        double bestAnalyzerWall = Double.MAX_VALUE;
        double bestGrep = Double.MAX_VALUE;
        double bestGrepWall = Double.MAX_VALUE;
        long peakHeap = 0;
        long grepCount = 0;
        JobAnalysis analysis = null;
        for (int round = 0; round < ROUNDS; round++) {
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            analysis = analyzer.analyze(log, passing);
            bestAnalyzerWall = Math.min(bestAnalyzerWall, (System.nanoTime() - start) / 1e9);
            bestAnalyzer = Math.min(bestAnalyzer, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
            peakHeap = Math.max(peakHeap, heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum());

            start = System.nanoTime();
            Grep grep = grep(pattern, log);
            bestGrepWall = Math.min(bestGrepWall, (System.nanoTime() - start) / 1e9);
            bestGrep = Math.min(bestGrep, grep.cpuSeconds());
            grepCount = grep.count();
        }

        double throughput = bytes / (double) MB / bestAnalyzer;
        double heapMb = peakHeap / (double) (1 << 20);
        double ratio = bestAnalyzer / bestGrep;
        System.out.printf(Locale.ROOT, "log: %s, %.0f MB, %,d lines (%d fixture logs repeated)%n", log, bytes / (double) MB,
                analysis.lines(), sources.size());
        System.out.printf(Locale.ROOT, "analyzer: best of %d %.2f s CPU, %.0f MB/s on one core (target >= %.0f MB/s: %s); "
                + "wall %.2f s, %.0f MB/s%n", ROUNDS, bestAnalyzer, throughput, THROUGHPUT_TARGET,
                verdict(throughput >= THROUGHPUT_TARGET), bestAnalyzerWall, bytes / (double) MB / bestAnalyzerWall);
        System.out.printf(Locale.ROOT, "peak heap: %.1f MB (sum of the heap pools' peaks; heap limit %.0f MB; target <= %.0f MB: %s)%n",
                heapMb, Runtime.getRuntime().maxMemory() / (double) (1 << 20), HEAP_TARGET, verdict(heapMb <= HEAP_TARGET));
        System.out.printf(Locale.ROOT, "grep: best of %d %.2f s CPU (wall %.2f s), %,d matching lines: LC_ALL=C grep -c -E -f %s %s%n",
                ROUNDS, bestGrep, bestGrepWall, grepCount, pattern, log);
        System.out.printf(Locale.ROOT, "analyzer / grep: %.2f x (%d keywords; target <= %.1f x: %s)%n", ratio,
                analyzer.keywords().size(), GREP_RATIO_TARGET, verdict(ratio <= GREP_RATIO_TARGET));
        System.out.printf(Locale.ROOT, "verdict on the benchmark log: %s, %d evidence ranges, %d failing tests%n",
                analysis.category(), analysis.evidence().size(), analysis.failingTests().size());
        boolean met = throughput >= THROUGHPUT_TARGET && heapMb <= HEAP_TARGET && ratio <= GREP_RATIO_TARGET;
        System.exit(met ? 0 : 1);
    }

    private static List<Path> fixtureLogs(Path fixtures) throws IOException {
        try (Stream<Path> files = Files.walk(fixtures)) {
            return files.filter(path -> path.toString().endsWith(".log")).sorted().collect(Collectors.toList());
        }
    }

    /** Writes the fixture logs one after the other, again and again, until the file holds {@code size} bytes. */
    private static void build(Path log, List<Path> sources, long size) throws IOException {
        if (Files.exists(log) && Files.size(log) >= size) {
            return;
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        long written = 0;
        try (OutputStream out = Files.newOutputStream(log)) {
            while (written < size) {
                for (Path source : sources) {
                    try (InputStream in = Files.newInputStream(source)) {
                        written += in.transferTo(out);
                    }
                }
            }
        }
    }

    /** The keywords as one extended regular expression, each literal escaped. */
    static String alternation(List<String> keywords) {
        return keywords.stream().map(AnalysisBenchmark::escape).collect(Collectors.joining("|"));
    }

    private static String escape(String literal) {
        StringBuilder escaped = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if ("\\.[]()*+?{}|^$".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** What a grep run counted and the CPU it took. */
    private record Grep(long count, double cpuSeconds) {
    }

    /**
     * Runs grep over the log under {@code /usr/bin/time}, which reports its CPU time; grep's output is read, since
     * grep stops at the first match when its output goes nowhere.
     */
    private static Grep grep(Path pattern, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/time", "-f", "%U %S", "grep", "-c", "-E", "-f",
                pattern.toString(), log.toString());
        builder.environment().put("LC_ALL", "C");
        Process grep = builder.start();
        String count = new String(grep.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        String[] times = new String(grep.getErrorStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split("\\s+");
        if (grep.waitFor() > 1 || times.length < 2) {
            throw new IOException("grep failed (exit code " + grep.exitValue() + "): " + String.join(" ", times));
        }
        String[] last = { times[times.length - 2], times[times.length - 1] };
        return new Grep(Long.parseLong(count), Double.parseDouble(last[0]) + Double.parseDouble(last[1]));
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}
