package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.UNKNOWN;

import java.util.List;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * A Java or Kotlin exception printed at the start of a line ({@code java.lang.IllegalStateException: boom},
 * {@code Exception in thread "main" ...}), whatever printed it: the block that follows is its stack trace. What the
 * exception means is for the rule sets of the tool around it; on its own it names no category.
 */
public final class JvmExceptionRules implements RuleSet {

    static final Rule EXCEPTION = new Rule("jvm.exception", UNKNOWN, 0.6);

    private static final Pattern THROWN = Pattern.compile(
            "^(?:Exception in thread \"[^\"]*\" )?(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable)(?::|$)");

    @Override
    public List<String> keywords() {
        return List.of("Exception", "Error:", "Throwable");
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        if (THROWN.matcher(line.text()).find()) {
            findings.report(line, EXCEPTION);
        }
    }
}
