package dev.remediator.core.drift;

/**
 * The output of a normaliser: code characters and literals as they are, comments gone, and whitespace folded by one
 * of two rules. Literals are appended verbatim so that folding never changes what a string says.
 */
final class FoldedText {

    /** How a run of whitespace (or a dropped comment) between two pieces of code is written. */
    enum Spacing {
        /** One space, and only between two word characters, where it keeps two tokens apart ({@code a = b} = {@code a=b}). */
        WORD_BOUNDARY,
        /** One space wherever there was whitespace, for languages where spacing separates arguments (shell, YAML). */
        SINGLE_SPACE
    }

    private final StringBuilder out = new StringBuilder();
    private final Spacing spacing;
    private boolean pendingSpace;
    private String pendingIndentation = "";

    FoldedText(Spacing spacing) {
        this.spacing = spacing;
    }

    /** Whitespace or a comment was seen: it becomes at most one space before the next code or literal. */
    void space() {
        pendingSpace = true;
    }

    void code(char c) {
        separateFrom(c);
        out.append(c);
    }

    void literal(CharSequence text, int from, int to) {
        if (from < to) {
            separateFrom(text.charAt(from));
            out.append(text, from, to);
        }
    }

    /**
     * Ends the current line when it holds anything (blank and comment-only lines leave nothing), and sets the
     * indentation written before the next line's first character.
     */
    void newLine(String indentation) {
        if (out.length() > 0 && lastChar() != '\n') {
            out.append('\n');
        }
        pendingSpace = false;
        pendingIndentation = indentation;
    }

    /** Whole lines copied as they are (a heredoc or block scalar body, which ends with its own newline). */
    void verbatimLines(CharSequence text, int from, int to) {
        newLine("");
        out.append(text, from, to);
    }

    /** The last character written, or 0 when nothing has been. */
    char lastChar() {
        return out.length() == 0 ? 0 : out.charAt(out.length() - 1);
    }

    /** The word that ends the output so far (empty when it ends with anything else). */
    String lastWord() {
        int start = out.length();
        while (start > 0 && isWordChar(out.charAt(start - 1))) {
            start--;
        }
        return out.substring(start);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private void separateFrom(char next) {
        if (out.length() == 0 || lastChar() == '\n') {
            out.append(pendingIndentation);
            pendingIndentation = "";
        } else if (pendingSpace && (spacing == Spacing.SINGLE_SPACE || isWordChar(lastChar()) && isWordChar(next))) {
            out.append(' ');
        }
        pendingSpace = false;
    }
}
