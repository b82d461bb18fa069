package dev.remediator.core.analysis.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.remediator.core.analysis.Rule;

/**
 * A rule that recognises single lines: the line must contain a literal (which is also the rule set's keyword) and,
 * when there is one, match a pattern. A rule with only a pattern relies on the rule set's own keywords.
 */
record LineRule(String literal, Pattern pattern, Rule rule) {

    static LineRule matching(String regex, Rule rule) {
        return new LineRule("", Pattern.compile(regex), rule);
    }

    static LineRule when(String literal, Rule rule) {
        return new LineRule(literal, null, rule);
    }

    static LineRule when(String literal, String regex, Rule rule) {
        return new LineRule(literal, Pattern.compile(regex), rule);
    }

    /** The match on the line's text, or {@code null}; without a pattern, a match of the whole text. */
    Matcher match(String text) {
        if (!text.contains(literal)) {
            return null;
        }
        Matcher matcher = (pattern == null ? ANYTHING : pattern).matcher(text);
        return matcher.find() ? matcher : null;
    }

    private static final Pattern ANYTHING = Pattern.compile("^");
}
