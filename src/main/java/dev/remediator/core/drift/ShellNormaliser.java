package dev.remediator.core.drift;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shell scripts: {@code #} starts a comment only where a word may start ({@code $#} and {@code ${#x}} are code);
 * quotes, backslash escapes and heredoc bodies are literal; spacing is kept as one blank since it separates words.
 */
final class ShellNormaliser extends HashCommentNormaliser {

    /** {@code <<EOF}, {@code <<-EOF}, {@code << 'EOF'}, {@code <<"EOF"}, {@code <<\EOF}; not the {@code <<<} here-string. */
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)[ \\t]*(?:\\\\|(['\"]))?([A-Za-z0-9_.-]+)\\2?");

    ShellNormaliser(String s) {
        super(s, FoldedText.Spacing.SINGLE_SPACE, false, true);
    }

    @Override
    protected boolean commentStartsAt(int i) {
        return s.charAt(i) == '#' && (i == 0 || isBlank(s.charAt(i - 1)) || ";&|()".indexOf(s.charAt(i - 1)) >= 0);
    }

    @Override
    protected int literalEnd(int i) {
        char c = s.charAt(i);
        if (c == '\'') {
            return SourceScan.quotedEnd(s, i, false, true, null);
        }
        if (c == '"') {
            return SourceScan.quotedEnd(s, i, true, true, null);
        }
        if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
            return SourceScan.quotedEnd(s, i + 1, true, true, null);
        }
        if (c == '\\') {
            return Math.min(i + 2, s.length());
        }
        return i;
    }

    @Override
    protected int code(int i) {
        if (s.startsWith("<<", i) && !s.startsWith("<<<", i) && (i == 0 || s.charAt(i - 1) != '<')) {
            Matcher heredoc = HEREDOC.matcher(s).region(i, SourceScan.lineEnd(s, i));
            if (heredoc.lookingAt()) {
                expectHeredoc(heredoc.group(3), !heredoc.group(1).isEmpty());
                out.literal(s, i, heredoc.end());
                return heredoc.end();
            }
        }
        return super.code(i);
    }
}
