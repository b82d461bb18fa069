package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.COMPILATION;
import static dev.remediator.core.analysis.FailureCategory.CONFIGURATION;
import static dev.remediator.core.analysis.FailureCategory.TEST;
import static dev.remediator.core.analysis.FailureCategory.TIMEOUT;
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
 * Native builds: GCC and Clang ({@code file.cpp:12:5: error: ...}), MSVC ({@code file.cpp(12): error C2065: ...}; the
 * same form from the C#, F# and Visual Basic compilers is {@link DotnetRules}' business),
 * linkers, CMake, Make, Ninja and CTest (a test's {@code ***Failed} line with its output, and the closing list). The
 * compiler's and CMake's own lines say what broke; Make's and Ninja's only say
 * that a step failed.
 */
public final class NativeBuildRules implements RuleSet {

    static final Rule COMPILER_ERROR = new Rule("native.compiler-error", COMPILATION, 0.9);
    static final Rule LINK_ERROR = new Rule("native.link-error", COMPILATION, 0.85);
    static final Rule INTERNAL_COMPILER_ERROR = new Rule("native.internal-compiler-error", COMPILATION, 0.8);
    static final Rule CMAKE_ERROR = new Rule("native.cmake-error", CONFIGURATION, 0.8);
    static final Rule CMAKE_INCOMPLETE = new Rule("native.cmake-incomplete", CONFIGURATION, 0.6);
    static final Rule BUILD_STEP_FAILED = new Rule("native.build-step-failed", COMPILATION, 0.55);
    static final Rule BUILD_STOPPED = new Rule("native.build-stopped", UNKNOWN, 0.4);
    static final Rule CTEST_FAILURE = new Rule("native.ctest-failure", TEST, 0.85);
    static final Rule CTEST_TIMEOUT = new Rule("native.ctest-timeout", TIMEOUT, 0.8);
    static final Rule CTEST_SUMMARY = new Rule("native.ctest-summary", TEST, 0.5);

    /** GCC and Clang, then MSVC. */
    private static final SourceMessages COMPILERS = new SourceMessages(
            "^(\\S.*?\\.(?:c|cc|cpp|cxx|c\\+\\+|h|hh|hpp|hxx|ipp|inl|m|mm|cu|cuh|f|f90|f95|s|S|swift|zig)):(\\d+):(?:(\\d+):)?"
                    + " (?:fatal )?error: ",
            "^\\s*(\\S.*?(?<!\\.cs|\\.fs|\\.vb))\\((\\d+)(?:,(\\d+))?\\)\\s?: (?:fatal )?error [A-Z]+\\d+\\s?:");
    private static final Pattern CMAKE = Pattern.compile("^CMake Error(?: at (\\S+?):(\\d+))?");
    private static final Pattern CTEST = Pattern.compile(
            "^\\s*\\d+/\\d+ Test +#\\d+: (\\S+) .*\\*\\*\\*(Failed|Exception|Timeout)");

    private final LineRules steps = new LineRules(
            when("undefined reference to", LINK_ERROR),
            when("ld returned", LINK_ERROR),
            when("Undefined symbols for architecture", LINK_ERROR),
            when("unresolved external symbol", LINK_ERROR),
            when("error LNK", LINK_ERROR),
            when("cannot find -l", LINK_ERROR),
            when("internal compiler error", INTERNAL_COMPILER_ERROR),
            when("Configuring incomplete, errors occurred", CMAKE_INCOMPLETE),
            when("FAILED: ", "^FAILED: ", BUILD_STEP_FAILED),
            when("build stopped", "^ninja: build stopped", BUILD_STOPPED),
            when("*** [", "^g?make(?:\\[\\d+\\])?: \\*\\*\\* .*Error \\d+", BUILD_STOPPED),
            when("The following tests FAILED:", CTEST_SUMMARY),
            when("Errors while running CTest", CTEST_SUMMARY));

    @Override
    public List<String> keywords() {
        List<String> keywords = new ArrayList<>(steps.keywords());
        keywords.addAll(List.of("error:", "error C", "CMake Error", "***Failed", "***Exception", "***Timeout"));
        return keywords;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        if (COMPILERS.report(line, COMPILER_ERROR, findings)) {
            return;
        }
        Matcher ctest = CTEST.matcher(line.text());
        if (ctest.find()) {
            findings.failingTest(ctest.group(1));
            findings.report(line, ctest.group(2).equals("Timeout") ? CTEST_TIMEOUT : CTEST_FAILURE);
            return;
        }
        Matcher cmake = CMAKE.matcher(line.text());
        if (cmake.find()) {
            if (cmake.group(1) != null) {
                findings.location(cmake.group(1), Counts.of(cmake.group(2)), 0);
            }
            findings.report(line, CMAKE_ERROR);
            return;
        }
        steps.report(line, findings);
    }
}
