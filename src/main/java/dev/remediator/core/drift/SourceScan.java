package dev.remediator.core.drift;

/** Where the lexical pieces shared by the normalisers end: lines, quoted literals, interpolated code. */
final class SourceScan {

    private SourceScan() {
    }

    /** The index of the newline that ends the line holding {@code i}, or the text's length. */
    static int lineEnd(String s, int i) {
        int newline = s.indexOf('\n', i);
        return newline < 0 ? s.length() : newline;
    }

    /** The index just after the first {@code closer} at or after {@code from}, or the text's length. */
    static int after(String s, int from, String closer) {
        int at = s.indexOf(closer, from);
        return at < 0 ? s.length() : at + closer.length();
    }

    static boolean startsWordAt(String s, int i) {
        return i == 0 || !FoldedText.isWordChar(s.charAt(i - 1));
    }

    /**
     * The end of a literal opened by the quote at {@code i}. With {@code escapes} a backslash hides the next character;
     * a literal that may not span lines and meets a newline ends there (it is malformed; the rest is read as code).
     * With an {@code interpolation} opener ("${" or "#{"), the embedded code may hold quotes of its own.
     */
    static int quotedEnd(String s, int i, boolean escapes, boolean multiline, String interpolation) {
        char quote = s.charAt(i);
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == quote) {
                return j + 1;
            } else if (c == '\\' && escapes) {
                j += 2;
            } else if (c == '\n' && !multiline) {
                return j;
            } else if (interpolation != null && s.startsWith(interpolation, j)) {
                j = bracedCodeEnd(s, j + interpolation.length());
            } else {
                j++;
            }
        }
        return s.length();
    }

    /** The end of a literal that closes with {@code count} or more of its opening quote and knows no escapes. */
    static int repeatedQuoteEnd(String s, int i, int count) {
        String closer = String.valueOf(s.charAt(i)).repeat(count);
        int end = after(s, i + count, closer);
        while (end < s.length() && s.charAt(end) == s.charAt(i)) {
            end++; // a quote that ends the content comes before the closing run ("""ab"""")
        }
        return end;
    }

    /** The end of a triple-quoted literal in which a backslash hides the next character. */
    static int escapedTripleQuoteEnd(String s, int i) {
        String closer = s.substring(i, i + 3);
        int j = i + 3;
        while (j < s.length()) {
            if (s.charAt(j) == '\\') {
                j += 2;
            } else if (s.startsWith(closer, j)) {
                return j + 3;
            } else {
                j++;
            }
        }
        return s.length();
    }

    /** The index after the brace that closes code opened just before {@code j}, skipping quoted text inside. */
    static int bracedCodeEnd(String s, int j) {
        int depth = 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return j + 1;
            }
            if (c == '"' || c == '\'' || c == '`') {
                j = quotedEnd(s, j, true, c == '`', c == '`' ? "${" : null);
            } else {
                j++;
            }
        }
        return s.length();
    }

    /** A literal without escapes in which a doubled quote stands for one (C# verbatim strings, YAML single quotes). */
    static int doubledQuoteEnd(String s, int i) {
        char quote = s.charAt(i);
        int j = i + 1;
        while (j < s.length()) {
            if (s.charAt(j) == quote) {
                if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return s.length();
    }
}
