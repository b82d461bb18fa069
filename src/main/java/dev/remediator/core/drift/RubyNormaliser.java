package dev.remediator.core.drift;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ruby: {@code #} comments outside strings, {@code =begin}/{@code =end} blocks, strings with {@code #{...}}
 * interpolation, and heredocs ({@code <<~ID}, {@code <<-ID}, or {@code <<ID} with an upper-case or quoted name,
 * which tells them from the shift operator).
 */
final class RubyNormaliser extends HashCommentNormaliser {

    private static final Pattern HEREDOC = Pattern.compile("<<([~-]?)(['\"`]?)([A-Za-z_][A-Za-z0-9_]*)\\2");

    RubyNormaliser(String s) {
        super(s, FoldedText.Spacing.SINGLE_SPACE, false, true);
    }

    @Override
    protected int lineStarted() {
        if (indentationEnd == lineStart && s.startsWith("=begin", lineStart)) {
            int endLine = s.indexOf("\n=end", lineStart);
            return endLine < 0 ? s.length() : SourceScan.lineEnd(s, endLine + 1);
        }
        return super.lineStarted();
    }

    @Override
    protected boolean commentStartsAt(int i) {
        return s.charAt(i) == '#' && (i == 0 || s.charAt(i - 1) != '?');
    }

    @Override
    protected int literalEnd(int i) {
        char c = s.charAt(i);
        if (c == '"' || c == '`') {
            return SourceScan.quotedEnd(s, i, true, true, "#{");
        }
        if (c == '\'') {
            return SourceScan.quotedEnd(s, i, true, true, null);
        }
        return i;
    }

    @Override
    protected int code(int i) {
        if (s.startsWith("<<", i)) {
            Matcher heredoc = HEREDOC.matcher(s).region(i, SourceScan.lineEnd(s, i));
            if (heredoc.lookingAt() && (!heredoc.group(1).isEmpty() || !heredoc.group(2).isEmpty()
                    || Character.isUpperCase(heredoc.group(3).charAt(0)))) {
                expectHeredoc(heredoc.group(3), !heredoc.group(1).isEmpty());
                out.literal(s, i, heredoc.end());
                return heredoc.end();
            }
        }
        return super.code(i);
    }
}
