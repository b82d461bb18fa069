package dev.remediator.core.analysis.rules;

import java.util.List;
import java.util.regex.Matcher;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;

/** Line rules tried in order, the first that matches wins: specific rules go before general ones. */
final class LineRules {

    /** A line rule that matched, with its match. */
    record Hit(LineRule lineRule, Matcher matcher) {
    }

    private final List<LineRule> rules;

    LineRules(LineRule... rules) {
        this.rules = List.of(rules);
    }

    List<String> keywords() {
        return rules.stream().map(LineRule::literal).filter(literal -> !literal.isEmpty()).distinct().toList();
    }

    /** The first rule that matches the text, or {@code null}. */
    Hit firstMatch(String text) {
        for (LineRule rule : rules) {
            Matcher matcher = rule.match(text);
            if (matcher != null) {
                return new Hit(rule, matcher);
            }
        }
        return null;
    }

    /** Reports the first rule that matches the line and returns its hit, or {@code null}. */
    Hit report(LogLine line, Findings findings) {
        Hit hit = firstMatch(line.text());
        if (hit != null) {
            findings.report(line, hit.lineRule().rule());
        }
        return hit;
    }
}
