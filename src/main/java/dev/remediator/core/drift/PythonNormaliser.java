package dev.remediator.core.drift;

/** Python: {@code #} comments anywhere outside strings; indentation kept; prefixed and triple-quoted strings. */
final class PythonNormaliser extends HashCommentNormaliser {

    PythonNormaliser(String s) {
        super(s, FoldedText.Spacing.WORD_BOUNDARY, true, true);
    }

    @Override
    protected int literalEnd(int i) {
        int quote = i;
        if (SourceScan.startsWordAt(s, i)) {
            while (quote < s.length() && quote - i < 2 && "rRbBuUfF".indexOf(s.charAt(quote)) >= 0) {
                quote++; // prefixes: r"...", b'...', f"...", rb"..."
            }
        }
        if (quote >= s.length() || (s.charAt(quote) != '"' && s.charAt(quote) != '\'')) {
            return i;
        }
        if (s.startsWith(String.valueOf(s.charAt(quote)).repeat(3), quote)) {
            return SourceScan.escapedTripleQuoteEnd(s, quote);
        }
        return SourceScan.quotedEnd(s, quote, true, false, null);
    }
}
