package dev.remediator.core.drift;

import java.util.regex.Pattern;

/**
 * YAML: {@code #} starts a comment at a line's start or after a blank; quotes open a literal only where a scalar
 * starts ({@code it's} is plain text); block scalars ({@code |}, {@code >}) keep their body as it is. Indentation
 * stays, and spacing is kept as one blank ({@code a:b} is a plain scalar, {@code a: b} a mapping).
 */
final class YamlNormaliser extends HashCommentNormaliser {

    private static final Pattern BLOCK_HEADER = Pattern.compile("[|>][-+0-9]*[ \\t]*(?:#.*)?");

    private boolean scalarStart;

    YamlNormaliser(String s) {
        super(s, FoldedText.Spacing.SINGLE_SPACE, true, false);
    }

    @Override
    protected int lineStarted() {
        scalarStart = true;
        return super.lineStarted();
    }

    @Override
    protected boolean commentStartsAt(int i) {
        return s.charAt(i) == '#' && (i == 0 || isBlank(s.charAt(i - 1)));
    }

    @Override
    protected int literalEnd(int i) {
        char c = s.charAt(i);
        if (!scalarStart || (c != '"' && c != '\'')) {
            return i;
        }
        scalarStart = false;
        return c == '"' ? SourceScan.quotedEnd(s, i, true, true, null) : SourceScan.doubledQuoteEnd(s, i);
    }

    @Override
    protected int code(int i) {
        char c = s.charAt(i);
        int lineEnd = SourceScan.lineEnd(s, i);
        if (scalarStart && (c == '|' || c == '>') && BLOCK_HEADER.matcher(s).region(i, lineEnd).matches()) {
            expectIndentedBody(parentColumn(i));
        }
        out.code(c);
        boolean indicator = "-:?".indexOf(c) >= 0 && (i + 1 >= s.length() || isBlank(s.charAt(i + 1)));
        scalarStart = indicator || "[{,".indexOf(c) >= 0;
        return i + 1;
    }

    /**
     * The column a block scalar's body must be indented beyond: the key's column after {@code key:}, otherwise
     * the column of the sequence entry ({@code - |}) or of the line.
     */
    private int parentColumn(int header) {
        int column = indentationEnd;
        int lastDash = indentationEnd;
        while (column + 1 < header && s.charAt(column) == '-' && s.charAt(column + 1) == ' ') {
            lastDash = column;
            column += 2;
            while (column < header && s.charAt(column) == ' ') {
                column++;
            }
        }
        boolean afterKey = s.substring(column, header).contains(":");
        return (afterKey ? column : lastDash) - lineStart;
    }
}
