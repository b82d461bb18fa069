package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.COMPILATION;
import static dev.remediator.core.analysis.FailureCategory.DEPENDENCY;
import static dev.remediator.core.analysis.FailureCategory.LINT;
import static dev.remediator.core.analysis.FailureCategory.TEST;
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
 * Rust and Cargo: rustc's errors ({@code error[E0425]: ...}, then {@code --> src/file.rs:12:5}), Clippy's lints,
 * {@code cargo test} ({@code test path::name ... FAILED}, panics), rustfmt's check and dependencies Cargo cannot
 * resolve. Many other tools print {@code error: ...} too, so an error without a code only counts as rustc's when an
 * arrow to the source follows it. Failing tests are named as cargo prints them, {@code module::test}.
 */
public final class CargoRules implements RuleSet {

    /** Lines within which the arrow to the source follows an error. */
    static final int ARROW_DISTANCE = 3;

    static final Rule COMPILE_ERROR = new Rule("rust.compile-error", COMPILATION, 0.9);
    static final Rule ERROR_WITH_SOURCE = new Rule("rust.compile-error", COMPILATION, 0.85);
    static final Rule COULD_NOT_COMPILE = new Rule("cargo.could-not-compile", COMPILATION, 0.7);
    static final Rule CLIPPY = new Rule("rust.clippy", LINT, 0.92);
    static final Rule RUSTFMT = new Rule("rust.rustfmt", LINT, 0.85);
    static final Rule TEST_FAILURE = new Rule("cargo.test-failure", TEST, 0.9);
    static final Rule TEST_RESULT = new Rule("cargo.test-result", TEST, 0.75);
    static final Rule PANIC = new Rule("rust.panic", TEST, 0.6);
    static final Rule DEPENDENCY_FAILURE = new Rule("cargo.dependency", DEPENDENCY, 0.85);

    private static final Pattern CODED_ERROR = Pattern.compile("^error\\[E\\d+\\]: ");
    private static final Pattern ARROW = Pattern.compile("^\\s*--> ((?:[A-Za-z]:)?[^:\\s]+\\.rs):(\\d+):(\\d+)");
    private static final Pattern TEST_LINE = Pattern.compile("^test (\\S+) \\.\\.\\. FAILED$");
    private static final Pattern PANICKED = Pattern.compile("panicked at (?:'.*?', )?((?:[A-Za-z]:)?[^:\\s']+\\.rs):(\\d+):(\\d+)");
    /** {@code Diff in /src/lib.rs:2:} (older rustfmt: {@code Diff in /src/lib.rs at line 2:}). */
    private static final Pattern RUSTFMT_DIFF = Pattern.compile("^Diff in (\\S+\\.rs)(?: at line |:)(\\d+):");

    private final LineRules cargo = new LineRules(
            when("could not compile", "^error: could not compile", COULD_NOT_COMPILE),
            when("failed to run custom build command", COULD_NOT_COMPILE),
            when("failed to select a version", DEPENDENCY_FAILURE),
            when("no matching package named", DEPENDENCY_FAILURE),
            when("failed to load source for dependency", DEPENDENCY_FAILURE),
            when("needs to be updated but --locked was passed", DEPENDENCY_FAILURE),
            when("test failed, to rerun pass", TEST_RESULT),
            when("test result: FAILED", TEST_RESULT));

    private LogLine pendingError;

    @Override
    public List<String> keywords() {
        List<String> keywords = new ArrayList<>(cargo.keywords());
        keywords.addAll(List.of("error[E", "error: ", "--> ", "clippy::", " ... FAILED", "panicked at", "Diff in "));
        return keywords;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        if (cargo.report(line, findings) != null) {
            return;
        }
        if (CODED_ERROR.matcher(text).find()) {
            findings.report(line, COMPILE_ERROR);
            pendingError = line;
            return;
        }
        if (text.startsWith("error: ")) {
            pendingError = line;
            return;
        }
        Matcher arrow = ARROW.matcher(text);
        if (arrow.find()) {
            if (pendingError != null && line.number() - pendingError.number() <= ARROW_DISTANCE) {
                findings.location(arrow.group(1), Counts.of(arrow.group(2)), Counts.of(arrow.group(3)));
                findings.report(pendingError.number(), line, ERROR_WITH_SOURCE);
            }
            pendingError = null;
            return;
        }
        if (text.contains("clippy::")) {
            findings.report(line, CLIPPY);
            return;
        }
        Matcher test = TEST_LINE.matcher(text);
        if (test.find()) {
            findings.failingTest(test.group(1));
            findings.report(line, TEST_FAILURE);
            return;
        }
        Matcher panic = PANICKED.matcher(text);
        Matcher diff = RUSTFMT_DIFF.matcher(text);
        if (panic.find()) {
            findings.location(panic.group(1), Counts.of(panic.group(2)), Counts.of(panic.group(3)));
            findings.report(line, PANIC);
        } else if (diff.find()) {
            findings.location(diff.group(1), Counts.of(diff.group(2)), 0);
            findings.report(line, RUSTFMT);
        }
    }
}
