package dev.remediator.core.analysis.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Ways to write keywords that pick out the lines that matter and not their frequent look-alikes: every line the
 * keywords match is decoded and read by rules, so a keyword that also matches routine output costs throughput.
 */
final class Keywords {

    private Keywords() {
    }

    /** The prefix followed by a digit from 1 to 9: a source position ({@code .py:1}), a count that is not zero. */
    static List<String> followedByDigit(String... prefixes) {
        List<String> keywords = new ArrayList<>();
        for (String prefix : prefixes) {
            for (char digit = '1'; digit <= '9'; digit++) {
                keywords.add(prefix + digit);
            }
        }
        return keywords;
    }

    /** Each word followed by each delimiter: {@code Error:} and {@code Error } but not {@code Errors: 0}. */
    static List<String> followedBy(List<String> words, String delimiters) {
        List<String> keywords = new ArrayList<>();
        for (String word : words) {
            for (char delimiter : delimiters.toCharArray()) {
                keywords.add(word + delimiter);
            }
        }
        return keywords;
    }
}
