package dev.remediator.core.text;

/**
 * Turns text taken from CI logs into GitHub Markdown that renders as the text itself: no formatting, links,
 * mentions, HTML or broken code fences can be smuggled in by a log line, and nothing exceeds the size GitHub accepts.
 * Everything quoted from a log also goes through {@link SecretMasker}.
 */
public final class MarkdownText {

    /** The most characters GitHub accepts in a check run's summary or text and in a comment body. */
    public static final int GITHUB_LIMIT = 65_535;

    private static final String ESCAPED_PUNCTUATION = "\\`*_{}[]()+-.!|~:";

    /**
     * A zero-width space, as an entity: between {@code @} and a name it keeps GitHub from seeing a mention (a backslash
     * does not), between {@code #} and a number from seeing a reference, and the reader sees the same text.
     */
    static final String WORD_BREAK = "&#8203;";

    private MarkdownText() {
    }

    /**
     * The text escaped for Markdown prose: every character with a Markdown meaning is backslash-escaped, HTML is made
     * inert, mentions ({@code @user}, {@code @org/team}) and references ({@code #12}) notify and link nothing, and
     * line breaks become spaces, so that the result fits in a paragraph or a table cell.
     */
    public static String escape(String text) {
        return inert(text, true);
    }

    /**
     * The text escaped for an HTML element of a comment, such as {@code <summary>}: Markdown is not read there, so
     * only HTML is made inert ({@code & < > "}), and line breaks become spaces.
     */
    public static String htmlText(String text) {
        return inert(text, false);
    }

    /** HTML made inert, line breaks as spaces and, for Markdown prose, every Markdown character backslash-escaped. */
    private static String inert(String text, boolean markdown) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(markdown ? "\"" : "&quot;");
                case '\r' -> {
                }
                case '\n', '\t' -> out.append(' ');
                case '@' -> out.append('@').append(WORD_BREAK);
                case '#' -> out.append(i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)) ? "\\#" + WORD_BREAK
                        : "\\#");
                default -> {
                    if (markdown && ESCAPED_PUNCTUATION.indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /**
     * A mention that notifies, for the few places where asking someone is the point (a quarantined test's owner): only
     * a login GitHub could have issued (letters, digits, single inner hyphens, at most 39) becomes {@code @login};
     * anything else is escaped like any other text and notifies nobody.
     */
    public static String mention(String login) {
        return login != null && login.matches("[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}") ? "@" + login : escape(login);
    }

    /** The text as inline code on one line, with secrets masked; the backtick fence is longer than any run inside. */
    public static String code(String text) {
        String oneLine = SecretMasker.mask(text == null ? "" : text).replaceAll("[\\r\\n]+", " ");
        String fence = "`".repeat(longestBacktickRun(oneLine) + 1);
        // a space keeps a leading or trailing backtick from joining the fence
        String padding = oneLine.startsWith("`") || oneLine.endsWith("`") || oneLine.isBlank() ? " " : "";
        return fence + padding + oneLine + padding + fence;
    }

    /** Items as inline code, at most {@code max} of them and how many more, or a dash for none. */
    public static String codeList(java.util.List<String> items, int max) {
        if (items.isEmpty()) {
            return "—";
        }
        java.util.List<String> shown = items.subList(0, Math.min(max, items.size())).stream().map(MarkdownText::code).toList();
        return String.join(", ", shown) + (items.size() > max ? " and " + (items.size() - max) + " more" : "");
    }

    /** The text as a fenced code block with secrets masked; the fence is longer than any backtick run inside. */
    public static String codeBlock(String text) {
        String masked = SecretMasker.mask(text == null ? "" : text).replace("\r", "");
        String fence = "`".repeat(Math.max(3, longestBacktickRun(masked) + 1));
        return fence + "\n" + masked + (masked.endsWith("\n") ? "" : "\n") + fence;
    }

    /**
     * The Markdown cut to at most {@code limit} characters, ending with a note saying how much was left out. A code
     * fence left open by the cut is closed, and a character made of two {@code char}s is never split.
     */
    public static String truncate(String markdown, int limit) {
        if (markdown == null || markdown.length() <= limit) {
            return markdown;
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        // the note's length depends on the number it prints; this bound holds for any text a String can hold
        String longestNote = truncationNote(Integer.MAX_VALUE);
        int keep = Math.max(0, limit - longestNote.length() - 8);
        if (keep > 0 && Character.isHighSurrogate(markdown.charAt(keep - 1))) {
            keep--;
        }
        String kept = markdown.substring(0, keep);
        String openFence = openCodeFence(kept);
        String closing = openFence == null ? "" : (kept.endsWith("\n") ? "" : "\n") + openFence;
        String result = kept + closing + truncationNote(markdown.length() - keep);
        return result.length() <= limit ? result : result.substring(0, limit);
    }

    private static String truncationNote(int omitted) {
        return "\n\n_… " + omitted + " characters left out to stay within GitHub's limit._";
    }

    /** The fence of a code block still open at the end of the text, or {@code null} when every block is closed. */
    private static String openCodeFence(String markdown) {
        String open = null;
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.stripLeading();
            int run = 0;
            while (run < trimmed.length() && trimmed.charAt(run) == '`') {
                run++;
            }
            if (run < 3) {
                continue;
            }
            String fence = trimmed.substring(0, run);
            if (open == null) {
                open = fence;
            } else if (run >= open.length() && trimmed.substring(run).isBlank()) {
                open = null;
            }
        }
        return open;
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        int current = 0;
        for (int i = 0; i < text.length(); i++) {
            current = text.charAt(i) == '`' ? current + 1 : 0;
            longest = Math.max(longest, current);
        }
        return longest;
    }
}
