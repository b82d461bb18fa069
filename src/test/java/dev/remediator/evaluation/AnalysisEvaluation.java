package dev.remediator.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.remediator.core.analysis.Evidence;
import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.LogAnalyzer;

/**
 * Measures the failure analysis against labelled CI logs (not a unit test: run by {@code bin/evaluate-analysis}).
 *
 * <ul>
 * <li>pytorch/test-infra's fixtures: whether the line that explains the failure lies in the first evidence range,
 * in any, and whether the category matches {@code evaluation/pytorch-categories.properties}.</li>
 * <li>BugSwarm's analyzer data: precision and recall of the failed test names, and whether "a test failed" is
 * right on the logs of broken builds.</li>
 * <li>The labelled dev set ({@code evaluation/dev-set/labels.jsonl}, labelling rule beside it): each log labelled with
 * the line ranges a person reads to understand the failure. Line-level precision, recall and F1 of the first
 * evidence range (the block shown first) against the labelled lines, averaged over logs; hit@1, whether the first
 * range overlaps a label; and the share of logs whose verdict is {@code UNKNOWN}.</li>
 * </ul>
 * It prints the figures, then every miss, so that each can be looked at. The exit code is 1 when a target is missed.
 */
public final class AnalysisEvaluation {

    static final double FIRST_RANGE_TARGET = 0.90;
    static final double ANY_RANGE_TARGET = 0.97;
    static final double CATEGORY_TARGET = 0.90;
    static final double RECALL_TARGET = 0.90;
    static final double PRECISION_TARGET = 0.95;
    static final double DETECTION_TARGET = 0.95;
    static final double DEV_RECALL_TARGET = 0.80;
    static final double DEV_PRECISION_TARGET = 0.60;
    static final double DEV_HIT_TARGET = 0.90;
    static final double DEV_UNKNOWN_TARGET = 0.10;

    private final LogAnalyzer analyzer = LogAnalyzer.standard();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> misses = new ArrayList<>();
    private final boolean everyLog;
    private boolean targetsMet = true;

    public static void main(String[] args) throws IOException {
        Path fixtures = Path.of(args.length > 0 ? args[0] : "../shared/fixtures/logs");
        if (!Files.isDirectory(fixtures.resolve("pytorch")) || !Files.isDirectory(fixtures.resolve("bugswarm"))) {
            System.err.println("No fixtures at " + fixtures.toAbsolutePath()
                    + " (expected pytorch/ and bugswarm/); give the logs directory as the argument.");
            System.exit(2);
        }
        AnalysisEvaluation evaluation = new AnalysisEvaluation(args.length > 1 && args[1].equals("--every-log"));
        evaluation.pytorch(fixtures.resolve("pytorch"));
        evaluation.bugSwarm(fixtures.resolve("bugswarm"));
        evaluation.devSet(fixtures);
        System.out.println();
        System.out.println("Misses (" + evaluation.misses.size() + "):");
        evaluation.misses.forEach(miss -> System.out.println("  " + miss));
        System.exit(evaluation.targetsMet ? 0 : 1);
    }

    private void pytorch(Path directory) throws IOException {
        Properties categories = new Properties();
        try (InputStream in = AnalysisEvaluation.class.getResourceAsStream("/evaluation/pytorch-categories.properties")) {
            categories.load(in);
        }
        int fixtures = 0;
        int inFirst = 0;
        int inAny = 0;
        int categoryRight = 0;
        for (String record : Files.readAllLines(directory.resolve("expected.jsonl"))) {
            if (record.isBlank()) {
                continue;
            }
            JsonNode expected = json.readTree(record);
            String fixture = expected.get("fixture").asText();
            int line = expected.get("expected_line").asInt();
            JobAnalysis analysis = analyzer.analyze(directory.resolve(fixture + ".log"));
            List<Evidence> evidence = analysis.evidence();
            boolean first = !evidence.isEmpty() && evidence.get(0).contains(line);
            boolean any = evidence.stream().anyMatch(range -> range.contains(line));
            String category = categories.getProperty(fixture);
            if (category == null) {
                throw new IllegalStateException("pytorch-categories.properties has no category for " + fixture);
            }
            boolean rightCategory = analysis.category().name().equals(category);
            fixtures++;
            inFirst += first ? 1 : 0;
            inAny += any ? 1 : 0;
            categoryRight += rightCategory ? 1 : 0;
            if (!first || !rightCategory) {
                misses.add(String.format(Locale.ROOT, "pytorch %-32s line %d %s; category %s, expected %s; evidence %s",
                        fixture, line, any ? (first ? "in first range" : "in a later range") : "in no range",
                        analysis.category(), category, ranges(evidence)));
            }
        }
        System.out.println("pytorch/test-infra fixtures: " + fixtures);
        figure("expected line in the first evidence range", inFirst, fixtures, FIRST_RANGE_TARGET);
        figure("expected line in some evidence range", inAny, fixtures, ANY_RANGE_TARGET);
        figure("category", categoryRight, fixtures, CATEGORY_TARGET);
    }

    private void bugSwarm(Path directory) throws IOException {
        int logs = 0;
        int skipped = 0;
        int expectedNames = 0;
        int foundNames = 0;
        int reportedNames = 0;
        int rightNames = 0;
        int brokenLogs = 0;
        int detectionRight = 0;
        for (String record : Files.readAllLines(directory.resolve("expected.jsonl"))) {
            if (record.isBlank()) {
                continue;
            }
            JsonNode expected = json.readTree(record);
            Path log = directory.resolve(folder(expected.get("folder").asText())).resolve(expected.get("log").asText());
            if (!Files.isRegularFile(log)) {
                skipped++;
                continue;
            }
            logs++;
            String name = directory.relativize(log).toString();
            JobAnalysis analysis = analyzer.analyze(log);
            Set<String> expectedTests = expectedTests(expected);
            if (expectedTests != null) {
                List<String> reported = analysis.failingTests();
                for (String test : expectedTests) {
                    boolean found = reported.stream().anyMatch(actual -> TestNameMatching.sameTest(actual, test));
                    expectedNames++;
                    foundNames += found ? 1 : 0;
                    if (!found) {
                        misses.add("bugswarm " + name + ": failed test not found: " + test);
                    }
                }
                for (String actual : reported) {
                    boolean right = expectedTests.stream().anyMatch(test -> TestNameMatching.sameTest(actual, test));
                    reportedNames++;
                    rightNames += right ? 1 : 0;
                    if (!right) {
                        misses.add("bugswarm " + name + ": reported a test that did not fail: " + actual);
                    }
                }
            }
            JsonNode testsFailed = expected.get("bool_t_failed");
            if ("broken".equals(text(expected, "status")) && testsFailed != null && testsFailed.isBoolean()) {
                brokenLogs++;
                if (analysis.testsFailed() == testsFailed.asBoolean()) {
                    detectionRight++;
                } else {
                    misses.add("bugswarm " + name + ": a test failed is " + testsFailed.asBoolean() + ", analysis says "
                            + analysis.testsFailed() + " (" + analysis.category() + ", evidence " + ranges(analysis.evidence())
                            + ")");
                }
            }
        }
        System.out.println();
        System.out.println("BugSwarm logs: " + logs + " (" + skipped + " entries whose log is not in the fixtures skipped)");
        figure("failed-test recall", foundNames, expectedNames, RECALL_TARGET);
        figure("failed-test precision", rightNames, reportedNames, PRECISION_TARGET);
        figure("\"a test failed\" on broken logs", detectionRight, brokenLogs, DETECTION_TARGET);
    }

    /**
     * The dev set: logs of the shared fixtures ({@code pytorch/...}, {@code bugswarm/...}) and the excerpts kept with
     * the tests ({@code excerpts/...} is {@code src/test/resources/logs/...}).
     */
    /** @param everyLog whether the dev set's scores are listed for every log, not only for the misses */
    private AnalysisEvaluation(boolean everyLog) {
        this.everyLog = everyLog;
    }

    private void devSet(Path fixtures) throws IOException {
        int logs = 0;
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        int hits = 0;
        int unknown = 0;
        try (InputStream labels = AnalysisEvaluation.class.getResourceAsStream("/evaluation/dev-set/labels.jsonl")) {
            for (String record : new String(labels.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (record.isBlank()) {
                    continue;
                }
                JsonNode label = json.readTree(record);
                String name = label.get("log").asText();
                List<int[]> ranges = new ArrayList<>();
                label.get("ranges").forEach(r -> ranges.add(new int[] { r.get(0).asInt(), r.get(1).asInt() }));
                JobAnalysis analysis;
                try (InputStream log = devSetLog(fixtures, name)) {
                    analysis = analyzer.analyze(log);
                }
                LineScore score = LineScore.of(analysis.evidence().isEmpty() ? null : analysis.evidence().get(0), ranges);
                logs++;
                precision += score.precision();
                recall += score.recall();
                f1 += score.f1();
                hits += score.hit() ? 1 : 0;
                unknown += analysis.category() == dev.remediator.core.analysis.FailureCategory.UNKNOWN ? 1 : 0;
                if (!score.hit() || score.recall() < 0.5 || everyLog) {
                    misses.add(String.format(Locale.ROOT, "dev set %-48s labelled %s; first range %s; P %.2f R %.2f",
                            name, ranges.stream().map(r -> r[0] + "-" + r[1]).toList(), ranges(analysis.evidence()),
                            score.precision(), score.recall()));
                }
            }
        }
        System.out.println();
        System.out.println("Dev set logs: " + logs);
        average("line precision (first range, macro)", precision, logs, DEV_PRECISION_TARGET);
        average("line recall (first range, macro)", recall, logs, DEV_RECALL_TARGET);
        average("line F1 (first range, macro)", f1, logs, 0);
        figure("hit@1 (first range overlaps a label)", hits, logs, DEV_HIT_TARGET);
        double unknownShare = logs == 0 ? 0 : (double) unknown / logs;
        boolean met = unknownShare <= DEV_UNKNOWN_TARGET;
        targetsMet &= met;
        System.out.printf(Locale.ROOT, "  %-45s %5.1f %%  (%d of %d; target at most %.0f %%: %s)%n", "UNKNOWN verdicts",
                unknownShare * 100, unknown, logs, DEV_UNKNOWN_TARGET * 100, met ? "met" : "MISSED");
    }

    private static InputStream devSetLog(Path fixtures, String name) throws IOException {
        if (name.startsWith("excerpts/")) {
            InputStream excerpt = AnalysisEvaluation.class.getResourceAsStream("/logs/" + name.substring("excerpts/".length()));
            if (excerpt == null) {
                throw new IOException("no excerpt " + name + " in src/test/resources/logs");
            }
            return excerpt;
        }
        return Files.newInputStream(fixtures.resolve(name));
    }

    private void average(String what, double sum, int total, double target) {
        double mean = total == 0 ? 0 : sum / total;
        boolean met = mean >= target;
        targetsMet &= met;
        System.out.printf(Locale.ROOT, "  %-45s %5.2f    %s%n", what, mean,
                target > 0 ? String.format(Locale.ROOT, "(target %.2f: %s)", target, met ? "met" : "MISSED") : "");
    }

    /** How well one evidence range covers the labelled lines of one log. */
    record LineScore(double precision, double recall, boolean hit) {

        static LineScore of(Evidence first, List<int[]> labels) {
            Set<Integer> labelled = new java.util.HashSet<>();
            labels.forEach(r -> {
                for (int line = r[0]; line <= r[1]; line++) {
                    labelled.add(line);
                }
            });
            if (first == null) {
                return new LineScore(0, 0, false);
            }
            int overlap = 0;
            for (int line = first.start(); line <= first.end(); line++) {
                overlap += labelled.contains(line) ? 1 : 0;
            }
            int predicted = first.end() - first.start() + 1;
            return new LineScore((double) overlap / predicted, labelled.isEmpty() ? 0 : (double) overlap / labelled.size(),
                    overlap > 0);
        }

        double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    /**
     * The failed tests a log is labelled with: its {@code tr_t_failed} list, or none at all when it is labelled with
     * zero failed tests; {@code null} when the label does not say which tests failed.
     */
    private static Set<String> expectedTests(JsonNode expected) {
        JsonNode names = expected.get("tr_t_failed");
        Set<String> tests = new LinkedHashSet<>();
        if (names != null && names.isArray()) {
            names.forEach(test -> {
                if (!test.asText().isBlank()) {
                    tests.add(test.asText());
                }
            });
            return tests;
        }
        JsonNode count = expected.get("num_t_failed");
        return count != null && count.isInt() && count.asInt() == 0 ? tests : null;
    }

    private void figure(String what, int right, int total, double target) {
        double share = total == 0 ? 1 : (double) right / total;
        boolean met = share >= target;
        targetsMet &= met;
        System.out.printf(Locale.ROOT, "  %-45s %5.1f %%  (%d of %d; target %.0f %%: %s)%n", what, share * 100, right, total,
                target * 100, met ? "met" : "MISSED");
    }

    /** The labels name folders {@code javascript_jest}, {@code javascript_mocha}; the logs lie in javascript/jest, ... */
    private static String folder(String label) {
        return label.startsWith("javascript_") ? "javascript/" + label.substring("javascript_".length()) : label;
    }

    private static String ranges(List<Evidence> evidence) {
        return evidence.stream().limit(4).map(e -> e.start() + "-" + e.end() + " " + e.rule()).toList().toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** How BugSwarm's test names and ours are compared: both reduced to dotted paths, then matched by suffix. */
    static final class TestNameMatching {

        private static final Pattern UNITTEST = Pattern.compile("^(\\S+) \\(([\\w.]+)\\)$");
        private static final Pattern MODULE_ERROR = Pattern.compile("^\\(([\\w.\\-]+)\\)$");
        private static final Pattern JUNIT4 = Pattern.compile("^([^\\s(]+)\\(([\\w.$]+)\\)$");

        private TestNameMatching() {
        }

        /**
         * Whether two names of failed tests of one log denote the same test: equal once normalised, or one the dotted
         * tail of the other, since either side may name a test without its package or file.
         */
        static boolean sameTest(String ours, String theirs) {
            String a = normalise(ours);
            String b = normalise(theirs);
            return a.equals(b) || a.endsWith("." + b) || b.endsWith("." + a);
        }

        /**
         * {@code method(pkg.Class)} (JUnit 4) and {@code method (pkg.Class)} (unittest) become {@code pkg.Class.method};
         * {@code path/file.py::Class::test}, {@code pkg.Class#method} and {@code Outer$Inner} become dotted paths; a
         * trailing colon (Mocha) and empty parentheses (JUnit 5) go.
         */
        static String normalise(String name) {
            String s = name.strip();
            while (s.endsWith(":")) {
                s = s.substring(0, s.length() - 1).strip();
            }
            Matcher unittest = UNITTEST.matcher(s);
            Matcher moduleError = MODULE_ERROR.matcher(s);
            Matcher junit4 = JUNIT4.matcher(s);
            if (unittest.matches()) {
                s = unittest.group(2).endsWith("_FailedTest") ? unittest.group(1) : unittest.group(2) + "." + unittest.group(1);
            } else if (moduleError.matches()) {
                s = moduleError.group(1);
            } else if (junit4.matches()) {
                s = junit4.group(2) + "." + junit4.group(1);
            }
            s = s.replace("::", ".").replace('#', '.').replace('$', '.').replace('/', '.').replace('\\', '.');
            s = s.replaceAll("\\.py(?=\\.|$)", "");
            return s.endsWith("()") ? s.substring(0, s.length() - 2) : s;
        }
    }
}
