package dev.remediator.core.assist;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses a model's diff that would make CI green by weakening it rather than by fixing the code: edits under
 * {@code .github/} or protected paths, fewer assertions than before, tests skipped or disabled, linters silenced,
 * longer timeouts, failures ignored ({@code continue-on-error}, {@code || true}). Each refusal says which rule and
 * which line.
 */
public final class FixGuard {

    /** An assertion in the test frameworks Remediator reads (JUnit, AssertJ, Hamcrest, pytest, Jest, Go, Rust). */
    private static final Pattern ASSERTION = Pattern.compile(
            "\\bassert\\w*|\\b(expect|verify|fail)\\s*\\(|\\.should\\b"
                    + "|\\bt\\.(Error|Errorf|Fatal|Fatalf|Fail|FailNow)\\b|\\brequire\\.\\w+\\(");

    /** Added lines that skip, disable or silence rather than fix. */
    private static final Pattern WEAKENING = Pattern.compile(
            "@Disabled\\b|@Ignore\\b|@DisabledIf\\w*|\\bAssumptions?\\.|\\bassume(True|False|That)\\b"
                    + "|pytest\\.mark\\.(skip|xfail)|\\bpytest\\.(skip|xfail)\\(|@unittest\\.(skip|expectedFailure)"
                    + "|\\b(it|test|describe)\\.(skip|todo)\\(|\\bx(it|describe|test)\\(|\\bt\\.Skip(f|Now)?\\("
                    + "|#\\[ignore]|-DskipTests|-Dmaven\\.test\\.skip|continue-on-error|\\|\\|\\s*true\\b"
                    + "|eslint-disable|#\\s*noqa|//\\s*nolint|@SuppressWarnings|#\\s*type:\\s*ignore|rubocop:disable"
                    + "|@ts-ignore|@ts-nocheck|#!\\[allow\\(|#\\[allow\\(");

    private static final Pattern TIMEOUT = Pattern.compile("(?i)time_?out|deadline|time_limit");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    private FixGuard() {
    }

    /**
     * Every reason to refuse the diff; empty when none applies.
     *
     * @param protectedPath the repository's {@code protected_paths}
     */
    public static List<String> refusals(UnifiedDiff diff, Predicate<String> protectedPath) {
        List<String> reasons = new ArrayList<>();
        for (String path : diff.paths()) {
            if (path.startsWith(".github/")) {
                reasons.add("it edits " + path + ": a model's fix never touches .github/ (CI workflows and settings)");
            } else if (protectedPath.test(path)) {
                reasons.add("it edits " + path + ", under protected_paths");
            }
        }
        List<String> removed = diff.lines('-');
        List<String> added = diff.lines('+');
        long assertionsBefore = removed.stream().filter(l -> ASSERTION.matcher(l).find()).count();
        long assertionsAfter = added.stream().filter(l -> ASSERTION.matcher(l).find()).count();
        if (assertionsAfter < assertionsBefore) {
            reasons.add("it deletes " + (assertionsBefore - assertionsAfter) + " assertion"
                    + (assertionsBefore - assertionsAfter == 1 ? "" : "s") + " ("
                    + removed.stream().filter(l -> ASSERTION.matcher(l).find()).findFirst().orElseThrow().strip() + ")");
        }
        for (String line : added) {
            Matcher weakening = WEAKENING.matcher(line);
            if (weakening.find()) {
                reasons.add("it adds " + weakening.group().strip() + ", which skips, disables or silences a check ("
                        + line.strip() + ")");
            }
        }
        double longestBefore = longestTimeout(removed);
        for (String line : added) {
            // a timeout that only appears now counts as widened: the default it replaces is unknown here
            if (TIMEOUT.matcher(line).find() && NUMBER.matcher(line).find() && largestNumber(line) > longestBefore) {
                reasons.add("it sets a longer timeout (" + line.strip() + ")");
            }
        }
        return reasons;
    }

    private static double longestTimeout(List<String> lines) {
        return lines.stream().filter(l -> TIMEOUT.matcher(l).find()).mapToDouble(FixGuard::largestNumber).max()
                .orElse(Double.NEGATIVE_INFINITY);
    }

    /** The line's largest number, 0 without one. */
    private static double largestNumber(String line) {
        Matcher number = NUMBER.matcher(line);
        double largest = 0;
        while (number.find()) {
            largest = Math.max(largest, Double.parseDouble(number.group()));
        }
        return largest;
    }
}
