package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.CANCELLED;
import static dev.remediator.core.analysis.FailureCategory.COMPILATION;
import static dev.remediator.core.analysis.FailureCategory.CONFIGURATION;
import static dev.remediator.core.analysis.FailureCategory.DEPENDENCY;
import static dev.remediator.core.analysis.FailureCategory.LINT;
import static dev.remediator.core.analysis.FailureCategory.RESOURCE;
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
import dev.remediator.core.analysis.WorkspacePaths;

/**
 * Python outside pytest: tracebacks, unittest (and nose) failures, and pip, uv and Poetry failing to install.
 *
 * <p>A traceback is read as a whole, from {@code Traceback (most recent call last):} to the exception that ends
 * it. The exception's type tells the category when it can (a {@code SyntaxError} is a compilation error, a missing
 * module a dependency); otherwise the innermost frame in the project's own code does: an exception raised in tests is
 * a test failure, one raised by the workflow's scripts under {@code .github/} a configuration problem, one in a
 * linter a lint failure.
 */
public final class PythonRules implements RuleSet {

    static final int MAX_TRACEBACK = 300;

    static final Rule SYNTAX_ERROR = new Rule("python.syntax-error", COMPILATION, 0.8);
    static final Rule MISSING_MODULE = new Rule("python.missing-module", DEPENDENCY, 0.75);
    static final Rule MISSING_LIBRARY = new Rule("python.missing-library", DEPENDENCY, 0.75);
    static final Rule IMPORT_ERROR = new Rule("python.import-error", COMPILATION, 0.7);
    static final Rule ASSERTION = new Rule("python.assertion", TEST, 0.7);
    static final Rule OUT_OF_MEMORY = new Rule("python.out-of-memory", RESOURCE, 0.85, false);
    static final Rule INTERRUPTED = new Rule("python.interrupted", CANCELLED, 0.5, false);
    static final Rule EXCEPTION_IN_TESTS = new Rule("python.exception-in-tests", TEST, 0.65);
    static final Rule EXCEPTION_IN_WORKFLOW = new Rule("python.exception-in-workflow", CONFIGURATION, 0.65);
    static final Rule EXCEPTION_IN_LINTER = new Rule("python.exception-in-linter", LINT, 0.65);
    static final Rule EXCEPTION = new Rule("python.exception", UNKNOWN, 0.65);
    static final Rule UNITTEST_FAILURE = new Rule("python.unittest-failure", TEST, 0.85);
    static final Rule UNITTEST_SUMMARY = new Rule("python.unittest-summary", TEST, 0.7);
    static final Rule PACKAGE_NOT_FOUND = new Rule("python.package-not-found", DEPENDENCY, 0.85);
    static final Rule DEPENDENCY_CONFLICT = new Rule("python.dependency-conflict", DEPENDENCY, 0.85);
    static final Rule PACKAGE_BUILD = new Rule("python.package-build", DEPENDENCY, 0.8);
    static final Rule RESOLVER_WARNING = new Rule("python.resolver-warning", DEPENDENCY, 0.3);

    private static final String TRACEBACK = "Traceback (most recent call last)";
    private static final Pattern FRAME = Pattern.compile("^\\s*File \"([^\"]+)\", line (\\d+)");
    private static final Pattern EXCEPTION_LINE = Pattern.compile(
            "^((?:[A-Za-z_]\\w*\\.)*[A-Za-z_]\\w*(?:Error|Exception|Interrupt|Exit|Expired|Warning|Failure|Timeout"
                    + "|Iteration|Fault|Denied|NotFound))(?::(?:\\s(.*))?)?$");
    private static final Pattern UNITTEST = Pattern.compile("^(?:FAIL|ERROR): (\\S+) \\(([\\w.]+)\\)");
    private static final Pattern NOSE = Pattern.compile("^(?:FAIL|ERROR): ((?:\\w+\\.)+\\w+)$");
    private static final Pattern TEST_CODE = Pattern.compile(
            "(?:^|/)(?:tests?|testing)/|(?:^|/)test_[^/]*\\.py$|_tests?\\.py$|(?:^|/)conftest\\.py$");
    private static final Pattern WORKFLOW_CODE = Pattern.compile("(?:^|/)\\.github/");
    private static final Pattern LINTER_CODE = Pattern.compile("(?i)lint");
    private static final String[] INSTALLED_CODE = { "site-packages/", "dist-packages/", "/lib/python", "/lib64/python",
            "<frozen", "<string>", "/usr/lib/" };

    private final LineRules installs = new LineRules(
            when("Could not find a version that satisfies the requirement", PACKAGE_NOT_FOUND),
            when("No matching distribution found", PACKAGE_NOT_FOUND),
            when("ResolutionImpossible", DEPENDENCY_CONFLICT),
            when("conflicting dependencies", DEPENDENCY_CONFLICT),
            when("No solution found when resolving dependencies", DEPENDENCY_CONFLICT),
            when("SolverProblemError", DEPENDENCY_CONFLICT),
            when("version solving failed", DEPENDENCY_CONFLICT),
            when("Failed building wheel for", PACKAGE_BUILD),
            when("Failed to build ", PACKAGE_BUILD),
            when("subprocess-exited-with-error", PACKAGE_BUILD),
            when("metadata-generation-failed", PACKAGE_BUILD),
            when("did not run successfully", "Getting requirements to build wheel did not run successfully", PACKAGE_BUILD),
            when("pip's dependency resolver does not currently take into account", RESOLVER_WARNING),
            when("FAILED (", "^FAILED \\((?:[^)]*, )?(?:failures|errors)=\\d+", UNITTEST_SUMMARY),
            when("KeyboardInterrupt", INTERRUPTED));

    private int tracebackStart = -1;
    private String innermostFile;
    private int innermostLine;

    @Override
    public List<String> keywords() {
        List<String> keywords = new ArrayList<>(installs.keywords());
        keywords.addAll(List.of(TRACEBACK, "FAIL: ", "ERROR: "));
        return keywords;
    }

    @Override
    public boolean wantsEveryLine() {
        return tracebackStart >= 0;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        if (text.strip().startsWith(TRACEBACK)) {
            if (tracebackStart < 0 || line.number() - tracebackStart > MAX_TRACEBACK) {
                tracebackStart = line.number();
                innermostFile = null;
            }
            return;
        }
        if (tracebackStart >= 0) {
            readTraceback(line, findings);
            return;
        }
        Matcher unittest = UNITTEST.matcher(text);
        if (unittest.find()) {
            String method = unittest.group(1);
            String testCase = unittest.group(2);
            if (testCase.endsWith("." + method)) {
                testCase = testCase.substring(0, testCase.length() - method.length() - 1);
            }
            // a module that failed to import is reported as a test of unittest's own _FailedTest
            findings.failingTest(testCase.endsWith("_FailedTest") ? method : TestNames.member(testCase, method));
            findings.report(line, UNITTEST_FAILURE);
            return;
        }
        Matcher nose = NOSE.matcher(text);
        if (nose.find()) {
            String name = nose.group(1);
            int dot = name.lastIndexOf('.');
            findings.failingTest(TestNames.member(name.substring(0, dot), name.substring(dot + 1)));
            findings.report(line, UNITTEST_FAILURE);
            return;
        }
        installs.report(line, findings);
    }

    private void readTraceback(LogLine line, Findings findings) {
        String text = line.text();
        Matcher frame = FRAME.matcher(text);
        if (frame.find()) {
            if (isProjectCode(frame.group(1))) {
                innermostFile = frame.group(1);
                innermostLine = Counts.of(frame.group(2));
            }
            return;
        }
        Matcher exception = text.isEmpty() || Character.isWhitespace(text.charAt(0)) ? null : EXCEPTION_LINE.matcher(text);
        if (exception != null && exception.matches()) {
            String type = exception.group(1).substring(exception.group(1).lastIndexOf('.') + 1);
            String message = exception.group(2) == null ? "" : exception.group(2);
            findings.report(tracebackStart, line, ruleFor(type, message));
            if (innermostFile != null) {
                findings.location(innermostFile, innermostLine, 0);
            }
            tracebackStart = -1;
        } else if (line.number() - tracebackStart > MAX_TRACEBACK) {
            tracebackStart = -1;
        }
    }

    private Rule ruleFor(String type, String message) {
        switch (type) {
            case "SyntaxError", "IndentationError", "TabError":
                return SYNTAX_ERROR;
            case "ModuleNotFoundError":
                return MISSING_MODULE;
            case "AssertionError":
                return ASSERTION;
            case "MemoryError", "OutOfMemoryError":
                return OUT_OF_MEMORY;
            case "KeyboardInterrupt":
                return INTERRUPTED;
            default:
                break;
        }
        if (message.contains("cannot open shared object file") || message.contains("DLL load failed")
                || message.contains("Library not loaded")) {
            return MISSING_LIBRARY;
        }
        if (type.equals("ImportError")) {
            return message.startsWith("No module named") ? MISSING_MODULE : IMPORT_ERROR;
        }
        String relative = innermostFile == null ? null : WorkspacePaths.relativize(innermostFile);
        String file = relative != null ? relative : innermostFile == null ? "" : innermostFile.replace('\\', '/');
        if (TEST_CODE.matcher(file).find()) {
            return EXCEPTION_IN_TESTS;
        }
        if (WORKFLOW_CODE.matcher(file).find()) {
            return EXCEPTION_IN_WORKFLOW;
        }
        if (LINTER_CODE.matcher(file).find()) {
            return EXCEPTION_IN_LINTER;
        }
        return EXCEPTION;
    }

    private static boolean isProjectCode(String file) {
        String path = file.replace('\\', '/');
        for (String installed : INSTALLED_CODE) {
            if (path.contains(installed)) {
                return false;
            }
        }
        return true;
    }
}
