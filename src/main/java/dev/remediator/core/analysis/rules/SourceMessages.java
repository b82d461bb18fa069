package dev.remediator.core.analysis.rules;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;

/**
 * Forms of a compiler-style message that points into the source: in each pattern, groups 1, 2 and 3 are the file,
 * the line and the column (an empty group when the tool prints no column).
 */
final class SourceMessages {

    private final List<Pattern> forms;

    SourceMessages(String... regexes) {
        this.forms = Arrays.stream(regexes).map(Pattern::compile).toList();
    }

    /** The match of the first form the text has, or {@code null}. */
    Matcher match(String text) {
        for (Pattern form : forms) {
            Matcher matcher = form.matcher(text);
            if (matcher.find()) {
                return matcher;
            }
        }
        return null;
    }

    /** When the line has one of the forms, reports it under the rule with its location, and says so. */
    boolean report(LogLine line, Rule rule, Findings findings) {
        Matcher matcher = match(line.text());
        if (matcher == null) {
            return false;
        }
        findings.location(matcher.group(1), Counts.of(matcher.group(2)), Counts.of(matcher.group(3)));
        findings.report(line, rule);
        return true;
    }
}
