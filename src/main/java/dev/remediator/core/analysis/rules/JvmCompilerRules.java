package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.COMPILATION;
import static dev.remediator.core.analysis.FailureCategory.CONFIGURATION;
import static dev.remediator.core.analysis.rules.LineRule.when;

import java.util.ArrayList;
import java.util.List;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * Compilers of the JVM as Gradle, sbt and plain command lines print them: javac ({@code File.java:12: error: ...}),
 * Kotlin ({@code e: file:///File.kt:12:5 ...}, the older {@code e: File.kt: (12, 5): ...}, and kotlinc's own
 * {@code File.kt:12:5: error: ...}) and Scala; plus a JDK too old or too new for the code. Maven's form of the same
 * messages is {@link MavenRules}' business.
 */
public final class JvmCompilerRules implements RuleSet {

    static final Rule COMPILER_ERROR = new Rule("jvm.compiler-error", COMPILATION, 0.9);
    static final Rule WRONG_JDK = new Rule("jvm.wrong-jdk", CONFIGURATION, 0.8);

    private static final SourceMessages MESSAGES = new SourceMessages(
            "^(\\S.*?\\.java):(\\d+)():? error: ",
            "^e: (?:file://)?(\\S.*?\\.kts?):(\\d+):(\\d+) ",
            "^e: (\\S.*?\\.kts?): \\((\\d+), (\\d+)\\): ",
            "^(\\S.*?\\.kts?):(\\d+):(\\d+): error: ",
            "^\\[error\\] (?:--? \\[E\\d+\\] .*?: )?(\\S.*?\\.scala):(\\d+):(?:(\\d+):?)? ");

    private final LineRules jdk = new LineRules(
            when("class file major version", WRONG_JDK),
            when("more recent version of the Java Runtime", WRONG_JDK),
            when("UnsupportedClassVersionError", WRONG_JDK),
            when("invalid target release", WRONG_JDK),
            when("invalid source release", WRONG_JDK),
            when("release version", "error: release version \\d+ not supported", WRONG_JDK));

    @Override
    public List<String> keywords() {
        List<String> keywords = new ArrayList<>(jdk.keywords());
        // javac's and kotlinc's lines hold "error:"; Kotlin in Gradle and Scala only a position
        keywords.add("error:");
        keywords.addAll(Keywords.followedByDigit(".kt:", ".kts:", ".scala:"));
        keywords.add(".kt: (");
        return keywords;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        if (!MESSAGES.report(line, COMPILER_ERROR, findings)) {
            jdk.report(line, findings);
        }
    }
}
