package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.COMPILATION;
import static dev.remediator.core.analysis.FailureCategory.CONFIGURATION;
import static dev.remediator.core.analysis.FailureCategory.DEPENDENCY;
import static dev.remediator.core.analysis.FailureCategory.TEST;
import static dev.remediator.core.analysis.FailureCategory.UNKNOWN;
import static dev.remediator.core.analysis.rules.LineRule.when;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * .NET: {@code dotnet test} (xUnit's {@code Name [FAIL]} with its message and stack trace, VSTest's
 * {@code Failed Name [12 ms]} with {@code Error Message:} and {@code Stack Trace:}, which NUnit and MSTest print too,
 * and the closing counts), and MSBuild's errors: the compilers' {@code File.cs(12,5): error CS0246: ...}, NuGet's
 * {@code error NU1101} (a package that cannot be restored) and MSBuild's own {@code error MSB...}.
 */
public final class DotnetRules implements RuleSet {

    static final Rule COMPILER_ERROR = new Rule("dotnet.compiler-error", COMPILATION, 0.9);
    static final Rule RESTORE_ERROR = new Rule("dotnet.restore-error", DEPENDENCY, 0.9);
    static final Rule MSBUILD_ERROR = new Rule("dotnet.msbuild-error", CONFIGURATION, 0.75);
    static final Rule XUNIT_FAILURE = new Rule("dotnet.xunit-failure", TEST, 0.9);
    /** VSTest repeats, after the run, what xUnit printed as it happened: the first report ranks first. */
    static final Rule TEST_FAILURE = new Rule("dotnet.test-failure", TEST, 0.88);
    static final Rule TEST_SUMMARY = new Rule("dotnet.test-summary", TEST, 0.55);
    static final Rule BUILD_FAILED = new Rule("dotnet.build-failed", UNKNOWN, 0.4);

    private static final SourceMessages COMPILERS = new SourceMessages(
            "^\\s*(\\S.*?\\.(?:cs|fs|vb))\\((\\d+)(?:,(\\d+))?\\)\\s?: error (?:CS|FS|BC)\\d+\\s?:",
            "^\\s*()()()\\S+ : error CS\\d+: ");
    private static final Pattern XUNIT = Pattern.compile("^\\[xUnit\\.net [\\d:.]+\\]\\s+(\\S+) \\[FAIL\\]$");
    private static final Pattern VSTEST = Pattern.compile("^\\s*Failed (\\S+) \\[[^\\]]+\\]$");

    private final LineRules messages = new LineRules(
            when(": error NU", ": error NU\\d+: ", RESTORE_ERROR),
            when(": error MSB", ": error MSB\\d+: ", MSBUILD_ERROR),
            when("Failed!  - Failed:", "^Failed!  - Failed:\\s+[1-9]", TEST_SUMMARY),
            when("Test Run Failed.", "^Test Run Failed\\.$", TEST_SUMMARY),
            when("Build FAILED.", "^Build FAILED\\.$", BUILD_FAILED));

    @Override
    public List<String> keywords() {
        List<String> keywords = new ArrayList<>(messages.keywords());
        // VSTest's "Failed Name [12 ms]" by its duration: "Failed " alone starts too many other lines
        keywords.addAll(List.of(": error CS", ": error FS", ": error BC", "[FAIL]", " ms]", " s]"));
        return keywords;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        if (COMPILERS.report(line, COMPILER_ERROR, findings)) {
            return;
        }
        Matcher test = XUNIT.matcher(text);
        Rule rule = XUNIT_FAILURE;
        if (!test.find()) {
            test = VSTEST.matcher(text);
            rule = TEST_FAILURE;
        }
        if (rule == XUNIT_FAILURE || test.find()) {
            findings.failingTest(testName(test.group(1)));
            findings.report(line, rule);
            return;
        }
        messages.report(line, findings);
    }

    /** {@code Namespace.Class#Method} from the fully qualified name .NET prints. */
    private static String testName(String printed) {
        int dot = printed.lastIndexOf('.');
        return dot <= 0 ? printed : TestNames.member(printed.substring(0, dot), printed.substring(dot + 1));
    }
}
