package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.TEST;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * Ruby's test runners: RSpec (its {@code Failures:} section, one numbered example per failure, and the {@code N
 * examples, M failures} count) and Minitest ({@code 1) Failure:} or {@code 1) Error:} with the test and its message,
 * and the {@code N runs, ... F failures, E errors} count).
 */
public final class RubyRules implements RuleSet {

    static final Rule RSPEC_FAILURE = new Rule("ruby.rspec-failure", TEST, 0.9);
    static final Rule MINITEST_FAILURE = new Rule("ruby.minitest-failure", TEST, 0.9);
    static final Rule COUNTS = new Rule("ruby.counts", TEST, 0.7);

    private static final Pattern NUMBERED_EXAMPLE = Pattern.compile("^\\s+\\d+\\) \\S");
    private static final Pattern MINITEST_HEADING = Pattern.compile("^\\s*\\d+\\) (?:Failure|Error):$");
    private static final Pattern RSPEC_COUNTS = Pattern.compile("^\\d+ examples?, ([1-9]\\d*) failures?");
    private static final Pattern MINITEST_COUNTS = Pattern.compile(
            "^\\d+ runs, \\d+ assertions, (\\d+) failures, (\\d+) errors");

    /** Inside RSpec's {@code Failures:} section, waiting for its first numbered example. */
    private boolean inFailures;

    @Override
    public List<String> keywords() {
        return List.of("Failures:", ") Failure:", ") Error:", " examples, ", " runs, ");
    }

    @Override
    public boolean wantsEveryLine() {
        return inFailures;
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        String text = line.text();
        if (text.equals("Failures:")) {
            inFailures = true;
            return;
        }
        if (inFailures) {
            if (NUMBERED_EXAMPLE.matcher(text).find()) {
                findings.report(line, RSPEC_FAILURE);
                inFailures = false;
            } else if (!text.isBlank()) {
                inFailures = false;
            }
            return;
        }
        if (MINITEST_HEADING.matcher(text).matches()) {
            findings.report(line, MINITEST_FAILURE);
            return;
        }
        Matcher minitest = MINITEST_COUNTS.matcher(text);
        if (RSPEC_COUNTS.matcher(text).find()
                || minitest.find() && (Integer.parseInt(minitest.group(1)) + Integer.parseInt(minitest.group(2)) > 0)) {
            findings.report(line, COUNTS);
        }
    }
}
