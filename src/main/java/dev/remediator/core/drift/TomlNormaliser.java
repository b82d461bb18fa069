package dev.remediator.core.drift;

/** TOML: {@code #} comments outside strings; basic and literal strings, single- and multi-line. */
final class TomlNormaliser extends HashCommentNormaliser {

    TomlNormaliser(String s) {
        super(s, FoldedText.Spacing.WORD_BOUNDARY, false, false);
    }

    @Override
    protected int literalEnd(int i) {
        char c = s.charAt(i);
        if (c == '"') {
            return s.startsWith("\"\"\"", i) ? SourceScan.escapedTripleQuoteEnd(s, i) : SourceScan.quotedEnd(s, i, true, false, null);
        }
        if (c == '\'') {
            return s.startsWith("'''", i) ? SourceScan.repeatedQuoteEnd(s, i, 3) : SourceScan.quotedEnd(s, i, false, false, null);
        }
        return i;
    }
}
