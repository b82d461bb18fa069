package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.COMPILATION;
import static dev.remediator.core.analysis.FailureCategory.CONFIGURATION;
import static dev.remediator.core.analysis.FailureCategory.DEPENDENCY;
import static dev.remediator.core.analysis.FailureCategory.INFRASTRUCTURE;
import static dev.remediator.core.analysis.FailureCategory.LINT;
import static dev.remediator.core.analysis.FailureCategory.RESOURCE;
import static dev.remediator.core.analysis.FailureCategory.TEST;
import static dev.remediator.core.analysis.FailureCategory.TIMEOUT;
import static dev.remediator.core.analysis.FailureCategory.UNKNOWN;
import static dev.remediator.core.analysis.rules.LineRule.matching;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * Gradle: {@code > Task :x FAILED} (the task's name tells what kind of work failed), the {@code * What went wrong:}
 * section that explains the failure, tests reported as {@code Class > test FAILED}, the test counts, and daemons
 * that die. Failing tests are named {@code package.Class#test}, nested classes joined with {@code $}.
 */
public final class GradleRules implements RuleSet {

    /** Lines of the "What went wrong" section read after its header. */
    static final int EXPLANATION_LINES = 15;

    static final Rule TEST_FAILURE = new Rule("gradle.test-failure", TEST, 0.9);
    static final Rule TEST_COUNTS = new Rule("gradle.test-counts", TEST, 0.75);
    static final Rule BUILD_FAILED = new Rule("gradle.build-failed", UNKNOWN, 0.35);
    static final Rule DAEMON_DIED = new Rule("gradle.daemon-died", RESOURCE, 0.8, true);
    static final Map<FailureCategory, Rule> TASK_FAILED = byCategory("gradle.task-failed", 0.7);
    static final Map<FailureCategory, Rule> EXPLAINED = byCategory("gradle.what-went-wrong", 0.8);

    private static final Pattern TASK = Pattern.compile("^> Task (:\\S+) FAILED$");
    private static final Pattern EXECUTION_FAILED = Pattern.compile("Execution failed for task '(:[^']+)'");
    private static final Pattern TEST_LINE = Pattern.compile("^(\\S.*?) > (.+) FAILED$");
    /** TestNG and some test loggers print the method qualified by its class, without {@code >}. */
    private static final Pattern QUALIFIED_TEST_LINE = Pattern.compile(
            "^((?:[\\w$]+\\.)+[A-Z][\\w$]*)\\.([\\w$]+(?:\\[\\d+\\])?(?:\\([^)]*\\))?) FAILED$");
    private static final Pattern TEST_COUNTS_LINE = Pattern.compile("\\b\\d+ tests? completed, (\\d+) failed");
    private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z_$][\\w$]*$");
    private static final Pattern NETWORK = Pattern.compile("Could not (?:GET|HEAD|POST) '|Connection (?:reset|refused|timed out)"
            + "|Read timed out|Received status code 5\\d\\d|Bad Gateway|Service Unavailable|Unknown host");

    /** Task names, by what their failure means; the first that matches wins. */
    private static final List<Map.Entry<Pattern, FailureCategory>> TASK_KINDS = List.of(
            Map.entry(Pattern.compile("(?i)compile|kapt|ksp"), COMPILATION),
            Map.entry(Pattern.compile("(?i)spotless|checkstyle|ktlint|detekt|lint|pmd|spotbugs|errorprone|format|apicheck"
                    + "|japicmp|licen[cs]e|javadoc|dokka"), LINT),
            Map.entry(Pattern.compile("(?i)test"), TEST),
            Map.entry(Pattern.compile("(?i)dependencies|resolve|lock"), DEPENDENCY));

    private final LineRules explanations = new LineRules(
            matching("Could not resolve|Could not find |Could not download|Failed to resolve|Could not get resource",
                    EXPLAINED.get(DEPENDENCY)),
            matching("Compilation failed|Compilation error|Compilation finished with errors", EXPLAINED.get(COMPILATION)),
            matching("There were failing tests|tests? failed", EXPLAINED.get(TEST)),
            matching("format violations|Checkstyle rule violations|Lint found|ktlint|detekt|spotless", EXPLAINED.get(LINT)),
            matching("A problem occurred (?:evaluating|configuring)|Could not compile (?:build|settings) file|Build file '"
                    + "|Plugin \\[id: .* was not found|Could not get unknown property|Could not find method"
                    + "|Unsupported class file major version|requires (?:Java|JVM|Gradle)|Unable to find a matching variant",
                    EXPLAINED.get(CONFIGURATION)),
            matching("Timeout has been exceeded|timed out", EXPLAINED.get(TIMEOUT)),
            matching("Java heap space|GC overhead limit|Metaspace|daemon disappeared|garbage collector thrashing",
                    EXPLAINED.get(RESOURCE)));

    private int explanationStart = -1;

    @Override
    public List<String> keywords() {
        return List.of(" FAILED", "What went wrong", "tests completed", "test completed", "BUILD FAILED",
                "daemon disappeared", "garbage collector thrashing");
    }

    @Override
    public boolean wantsEveryLine() {
        return explanationStart >= 0;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        if (explanationStart >= 0) {
            readExplanation(line, findings);
            return;
        }
        if (text.startsWith("* What went wrong")) {
            explanationStart = line.number();
            return;
        }
        Matcher task = TASK.matcher(text);
        if (task.matches()) {
            findings.report(line, TASK_FAILED.get(taskKind(task.group(1))));
            return;
        }
        Matcher test = TEST_LINE.matcher(text);
        Matcher qualifiedTest = QUALIFIED_TEST_LINE.matcher(text);
        if (test.matches() && !text.startsWith(">") || qualifiedTest.matches()) {
            boolean qualified = qualifiedTest.matches();
            findings.failingTest(qualified ? TestNames.member(qualifiedTest.group(1), qualifiedTest.group(2))
                    : testName(test.group(1), test.group(2)));
            findings.report(line, TEST_FAILURE);
            return;
        }
        Matcher counts = TEST_COUNTS_LINE.matcher(text);
        if (counts.find() && Counts.of(counts.group(1)) > 0) {
            findings.report(line, TEST_COUNTS);
        } else if (text.contains("BUILD FAILED")) {
            findings.report(line, BUILD_FAILED);
        } else if (text.contains("daemon disappeared") || text.contains("garbage collector thrashing")) {
            findings.report(line, DAEMON_DIED);
        }
    }

    private void readExplanation(LogLine line, Findings findings) {
        String text = line.text();
        if (text.startsWith("* Try") || text.startsWith("* Get more help") || text.startsWith("BUILD FAILED")
                || line.number() - explanationStart > EXPLANATION_LINES) {
            explanationStart = -1;
            return;
        }
        LineRules.Hit hit = explanations.firstMatch(text);
        if (hit != null) {
            Rule rule = hit.lineRule().rule();
            if (rule.category() == DEPENDENCY && NETWORK.matcher(text).find()) {
                rule = EXPLAINED.get(INFRASTRUCTURE);
            }
            findings.report(explanationStart, line, rule);
            explanationStart = -1;
            return;
        }
        Matcher execution = EXECUTION_FAILED.matcher(text);
        if (execution.find()) {
            findings.report(explanationStart, line, TASK_FAILED.get(taskKind(execution.group(1))));
        }
    }

    private static FailureCategory taskKind(String taskPath) {
        String task = taskPath.substring(taskPath.lastIndexOf(':') + 1);
        for (Map.Entry<Pattern, FailureCategory> kind : TASK_KINDS) {
            if (kind.getKey().matcher(task).find()) {
                return kind.getValue();
            }
        }
        return UNKNOWN;
    }

    /**
     * The test of a line {@code Class > [Nested > ...] test FAILED}. Segments between the class and the test are
     * nested classes when they are identifiers; otherwise they are the display name of a parameterised test whose
     * invocation is the last segment, which JUnit 5 sometimes prints fully qualified.
     */
    static String testName(String testClass, String rest) {
        List<String> segments = new ArrayList<>(List.of(rest.split(" > ")));
        String test = segments.remove(segments.size() - 1);
        StringBuilder owner = new StringBuilder(testClass.strip());
        List<String> labels = new ArrayList<>();
        for (String segment : segments) {
            if (IDENTIFIER.matcher(segment).matches()) {
                owner.append('$').append(segment);
            } else if (!test.contains(segment.replaceAll("\\(.*", "("))) {
                labels.add(segment);
            }
        }
        String simpleClass = testClass.substring(testClass.lastIndexOf('.') + 1);
        int qualified = test.indexOf(simpleClass + ".");
        if (qualified > 0 && test.substring(0, qualified).matches("(?:[\\w$]+\\.)+")) {
            return TestNames.member(test.substring(0, qualified + simpleClass.length()),
                    test.substring(qualified + simpleClass.length() + 1));
        }
        labels.add(test);
        return TestNames.member(owner.toString(), String.join(" > ", labels));
    }

    private static Map<FailureCategory, Rule> byCategory(String id, double weight) {
        EnumMap<FailureCategory, Rule> rules = new EnumMap<>(FailureCategory.class);
        for (FailureCategory category : FailureCategory.values()) {
            rules.put(category, new Rule(id, category, weight));
        }
        return Map.copyOf(rules);
    }
}
