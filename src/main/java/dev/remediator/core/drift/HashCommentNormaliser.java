package dev.remediator.core.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Folds the line-oriented languages with {@code #} comments (Python, YAML, shell, TOML, Ruby). Line breaks stay,
 * since they end statements there; comments, blank lines, trailing blanks and runs of blanks inside a line go;
 * indentation stays where it has a meaning (Python, YAML). Literals, including multi-line ones and the bodies of
 * heredocs and YAML block scalars, are copied as they are. Each language says what opens a literal and where a
 * {@code #} starts a comment.
 */
abstract class HashCommentNormaliser {

    protected final String s;
    protected final FoldedText out;
    private final boolean keepIndentation;
    private final boolean keepShebang;
    /** Bodies announced on the current line (heredocs, block scalars): each maps the body's start to its end. */
    private final List<IntUnaryOperator> pendingBodies = new ArrayList<>();
    protected int lineStart;
    protected int indentationEnd;

    protected HashCommentNormaliser(String s, FoldedText.Spacing spacing, boolean keepIndentation, boolean keepShebang) {
        this.s = s;
        this.out = new FoldedText(spacing);
        this.keepIndentation = keepIndentation;
        this.keepShebang = keepShebang;
    }

    final String fold() {
        int i = 0;
        while (i < s.length()) {
            lineStart = i;
            indentationEnd = i;
            while (indentationEnd < s.length() && (s.charAt(indentationEnd) == ' ' || s.charAt(indentationEnd) == '\t')) {
                indentationEnd++;
            }
            out.newLine(keepIndentation ? s.substring(i, indentationEnd) : "");
            i = scanLine(lineStarted());
        }
        out.newLine("");
        return out.toString();
    }

    /** Called at each line's first non-blank character; returns where scanning goes on. */
    protected int lineStarted() {
        if (lineStart == 0 && keepShebang && s.startsWith("#!")) {
            int end = SourceScan.lineEnd(s, 0);
            out.literal(s, 0, end); // the interpreter line is not a comment
            return end;
        }
        return indentationEnd;
    }

    /** Whether a comment starts at {@code i}, outside any literal: by default any {@code #} does. */
    protected boolean commentStartsAt(int i) {
        return s.charAt(i) == '#';
    }

    /** The end of the literal that starts at {@code i}, or {@code i} when none does. */
    protected abstract int literalEnd(int i);

    /** Writes the code at {@code i} and returns the index after it. */
    protected int code(int i) {
        out.code(s.charAt(i));
        return i + 1;
    }

    /** A body that starts on the next line and ends after the line that is {@code delimiter} alone. */
    protected final void expectHeredoc(String delimiter, boolean indentedDelimiter) {
        pendingBodies.add(from -> {
            int line = from;
            while (line < s.length()) {
                int end = SourceScan.lineEnd(s, line);
                String text = s.substring(line, end);
                if ((indentedDelimiter ? text.strip() : text).equals(delimiter)) {
                    return Math.min(end + 1, s.length());
                }
                line = end + 1;
            }
            return s.length();
        });
    }

    /** A body made of the following lines indented deeper than {@code parentColumn}, and blank lines between them. */
    protected final void expectIndentedBody(int parentColumn) {
        pendingBodies.add(from -> {
            int bodyEnd = from;
            int line = from;
            while (line < s.length()) {
                int end = SourceScan.lineEnd(s, line);
                int indentation = 0;
                while (line + indentation < end && s.charAt(line + indentation) == ' ') {
                    indentation++;
                }
                if (line + indentation < end) {
                    if (indentation <= parentColumn) {
                        break;
                    }
                    bodyEnd = Math.min(end + 1, s.length());
                }
                line = end + 1;
            }
            return bodyEnd;
        });
    }

    private int scanLine(int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                return copyPendingBodies(i + 1);
            } else if (Character.isWhitespace(c)) {
                out.space();
                i++;
            } else if (commentStartsAt(i)) {
                i = SourceScan.lineEnd(s, i);
            } else {
                int end = literalEnd(i);
                if (end > i) {
                    out.literal(s, i, end);
                    i = end;
                } else {
                    i = code(i);
                }
            }
        }
        return s.length();
    }

    private int copyPendingBodies(int from) {
        for (IntUnaryOperator body : pendingBodies) {
            int end = body.applyAsInt(from);
            out.verbatimLines(s, from, end);
            from = end;
        }
        pendingBodies.clear();
        return from;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }
}
