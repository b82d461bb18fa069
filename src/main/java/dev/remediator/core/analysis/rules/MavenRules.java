package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.COMPILATION;
import static dev.remediator.core.analysis.FailureCategory.CONFIGURATION;
import static dev.remediator.core.analysis.FailureCategory.DEPENDENCY;
import static dev.remediator.core.analysis.FailureCategory.INFRASTRUCTURE;
import static dev.remediator.core.analysis.FailureCategory.LINT;
import static dev.remediator.core.analysis.FailureCategory.TEST;
import static dev.remediator.core.analysis.FailureCategory.UNKNOWN;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * Maven's own reporting: {@code BUILD FAILURE}, the {@code Failed to execute goal} line (whose plugin and message
 * tell what broke), {@code COMPILATION ERROR} with the compiler's {@code [ERROR] File.java:[line,col]} lines,
 * checkstyle violations in the same form, and dependencies or plugins that cannot be resolved. Test results are
 * {@link JUnitRules}' business.
 */
public final class MavenRules implements RuleSet {

    static final Rule BUILD_FAILURE = new Rule("maven.build-failure", UNKNOWN, 0.35);
    static final Rule GOAL_COMPILATION = new Rule("maven.goal-failed", COMPILATION, 0.75);
    static final Rule GOAL_TESTS = new Rule("maven.goal-failed", TEST, 0.75);
    static final Rule GOAL_LINT = new Rule("maven.goal-failed", LINT, 0.75);
    static final Rule GOAL_CONFIGURATION = new Rule("maven.goal-failed", CONFIGURATION, 0.75);
    static final Rule GOAL_DEPENDENCY = new Rule("maven.goal-failed", DEPENDENCY, 0.85);
    static final Rule GOAL_NETWORK = new Rule("maven.goal-failed", INFRASTRUCTURE, 0.8);
    static final Rule GOAL_OTHER = new Rule("maven.goal-failed", UNKNOWN, 0.5);
    static final Rule COMPILATION_ERROR = new Rule("maven.compilation-error", COMPILATION, 0.7);
    static final Rule COMPILER_MESSAGE = new Rule("maven.compiler-error", COMPILATION, 0.9);
    static final Rule CHECKSTYLE_MESSAGE = new Rule("maven.checkstyle-violation", LINT, 0.85);
    static final Rule UNRESOLVED = new Rule("maven.dependency-resolution", DEPENDENCY, 0.8);

    private static final Pattern GOAL = Pattern.compile(
            "Failed to execute goal (?:[\\w.-]+:)?([\\w.-]+)(?::[\\w.$-]+)?:[\\w-]+ \\([^)]*\\)(?: on project [\\w.-]+)?: (.*)");
    private static final Pattern SOURCE_MESSAGE = Pattern.compile(
            "^\\[ERROR\\] (?:file:(?://)?)?(\\S.*?\\.(?:java|kt|kts|scala|groovy)):? ?(?:\\[(\\d+),(\\d+)\\]|\\((\\d+), ?(\\d+)\\)):? (.*)$");
    /** Checkstyle's messages look like the compiler's but carry a category and a check name. */
    private static final Pattern CHECKSTYLE = Pattern.compile("^\\(\\w[\\w ]*\\) \\w+:");
    private static final Pattern UNRESOLVABLE = Pattern.compile("Could not resolve dependencies|Could not find artifact"
            + "|Failed to collect dependencies|Failed to read artifact descriptor|Non-resolvable|could not be resolved"
            + "|Could not transfer artifact|The following artifacts could not be resolved|ExtensionResolutionException");
    private static final Pattern NETWORK = Pattern.compile("Connection reset|timed out|Connect to .* failed|status code: 5\\d\\d"
            + "|Bad Gateway|Service Unavailable|Remote host terminated|Unknown host|UnknownHostException");
    private static final Pattern WRONG_JDK = Pattern.compile("invalid (?:target|source) release|release version \\d+ not supported"
            + "|Source option \\d+ is no longer supported|Target option \\d+ is no longer supported");
    private static final Pattern PUBLISHING_PLUGINS = Pattern.compile("deploy|staging|gpg|release|sign|publish|nexus");
    private static final Pattern LINT_PLUGINS = Pattern.compile("checkstyle|pmd|spotbugs|findbugs|spotless|fmt|formatter"
            + "|impsort|sortpom|rat|license|editorconfig|errorprone|forbiddenapis|revapi|japicmp|animal-sniffer|javadoc"
            + "|modernizer|duplicate-finder");

    @Override
    public List<String> keywords() {
        return List.of("BUILD FAILURE", "Failed to execute goal", "COMPILATION ERROR", "[ERROR] ", "Could not resolve",
                "Could not find artifact", "Failed to collect dependencies", "Failed to read artifact descriptor",
                "Non-resolvable", "could not be resolved", "Could not transfer artifact", "ExtensionResolutionException");
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        if (text.contains("BUILD FAILURE")) {
            findings.report(line, BUILD_FAILURE);
            return;
        }
        Matcher goal = GOAL.matcher(text);
        if (goal.find()) {
            findings.report(line, goalRule(goal.group(1), goal.group(2)));
            return;
        }
        if (text.contains("COMPILATION ERROR")) {
            findings.report(line, COMPILATION_ERROR);
            return;
        }
        Matcher source = SOURCE_MESSAGE.matcher(text);
        if (source.find()) {
            boolean bracketed = source.group(2) != null;
            int lineNumber = Counts.of(bracketed ? source.group(2) : source.group(4));
            int column = Counts.of(bracketed ? source.group(3) : source.group(5));
            findings.location(source.group(1), lineNumber, column);
            findings.report(line, CHECKSTYLE.matcher(source.group(6)).find() ? CHECKSTYLE_MESSAGE : COMPILER_MESSAGE);
            return;
        }
        if (UNRESOLVABLE.matcher(text).find()) {
            findings.report(line, NETWORK.matcher(text).find() ? GOAL_NETWORK : UNRESOLVED);
        }
    }

    private static Rule goalRule(String plugin, String message) {
        if (UNRESOLVABLE.matcher(message).find()) {
            return NETWORK.matcher(message).find() ? GOAL_NETWORK : GOAL_DEPENDENCY;
        }
        if (WRONG_JDK.matcher(message).find()) {
            return GOAL_CONFIGURATION;
        }
        if (plugin.contains("compiler") || plugin.contains("kotlin") || plugin.contains("scala")) {
            return GOAL_COMPILATION;
        }
        if (plugin.contains("surefire") || plugin.contains("failsafe")) {
            return GOAL_TESTS;
        }
        if (LINT_PLUGINS.matcher(plugin).find()) {
            return GOAL_LINT;
        }
        if (PUBLISHING_PLUGINS.matcher(plugin).find()) {
            return NETWORK.matcher(message).find() ? GOAL_NETWORK : GOAL_CONFIGURATION;
        }
        if (plugin.contains("enforcer")) {
            return message.contains("onvergence") || message.contains("anned") ? GOAL_DEPENDENCY : GOAL_CONFIGURATION;
        }
        return GOAL_OTHER;
    }
}
