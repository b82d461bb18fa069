package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.CONFIGURATION;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * Shell scripts, as bash and sh report their errors ({@code script.sh: line 6: message}): a variable used unset
 * under {@code set -u}, a syntax error, a bad substitution, and a {@code test} or {@code [} given the wrong operands
 * (which stops a {@code set -e} script only outside a condition, so it weighs less). A command that is not found is
 * {@link EnvironmentRules}' business; a {@code set -e} exit is the runner's exit code.
 */
public final class ShellRules implements RuleSet {

    static final Rule UNBOUND_VARIABLE = new Rule("shell.unbound-variable", CONFIGURATION, 0.8);
    static final Rule SYNTAX_ERROR = new Rule("shell.syntax-error", CONFIGURATION, 0.8);
    static final Rule BAD_SUBSTITUTION = new Rule("shell.bad-substitution", CONFIGURATION, 0.75);
    static final Rule TEST_OPERANDS = new Rule("shell.test-operands", CONFIGURATION, 0.6);

    /** {@code script: line N: message}, as bash prints it; dash prints {@code script: N: message}. */
    private static final Pattern SCRIPT_ERROR = Pattern.compile("^(\\S+?): (?:line )?(\\d+): (.+)$");
    private static final Pattern TEST_ERROR = Pattern.compile(
            "^(?:\\[|test): (?:.*: )?(?:too many arguments|unary operator expected|binary operator expected"
                    + "|integer expression expected|missing `]'|\\S+: unexpected operator)$");

    @Override
    public List<String> keywords() {
        return Keywords.followedByDigit(": line ");
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        Matcher error = SCRIPT_ERROR.matcher(line.text());
        if (!error.find()) {
            return;
        }
        Rule rule = ruleFor(error.group(3));
        if (rule != null) {
            findings.location(error.group(1), Counts.of(error.group(2)), 0);
            findings.report(line, rule);
        }
    }

    private static Rule ruleFor(String message) {
        if (message.endsWith(": unbound variable")) {
            return UNBOUND_VARIABLE;
        }
        if (message.startsWith("syntax error")) {
            return SYNTAX_ERROR;
        }
        if (message.endsWith(": bad substitution")) {
            return BAD_SUBSTITUTION;
        }
        return TEST_ERROR.matcher(message).matches() ? TEST_OPERANDS : null;
    }
}
