package dev.remediator.core.drift;

import java.util.Set;

/**
 * Folds the languages with {@code //} and {@code /* *}{@code /} comments: comments go, whitespace shrinks to what
 * keeps tokens apart, and every kind of literal the language has (strings, characters, raw strings, templates,
 * regular expressions) is copied as it is, so that comment markers or spaces inside them survive.
 */
final class CStyleNormaliser {

    /** What a single quote opens. */
    enum SingleQuote {
        /** a string like a double-quoted one (JavaScript, protobuf) */
        STRING,
        /** a character literal, or nothing when it does not close right away (Rust lifetimes, Scala symbols) */
        CHARACTER,
        /** nothing (Swift) */
        NONE
    }

    /** What a backtick opens. */
    enum Backtick {
        /** a template literal with escapes and embedded code (JavaScript) */
        TEMPLATE,
        /** text up to the next backtick (Go raw strings, quoted identifiers) */
        RAW,
        NONE
    }

    /** The language's own raw or verbatim strings. */
    enum RawStrings {
        NONE,
        /** {@code r"..."}, {@code r#"..."#}, {@code br"..."} */
        RUST,
        /** {@code R"delim(...)delim"} with an optional encoding prefix */
        CPP,
        /** {@code @"..."} with doubled quotes, and {@code """..."""} raw strings */
        CSHARP,
        /** {@code #"..."#}, {@code #"""..."""#} */
        SWIFT
    }

    /**
     * One language's lexical choices.
     *
     * @param tripleQuotes {@code """} opens a multi-line string
     * @param tripleQuoteEscapes a backslash escapes inside it (Java text blocks, Swift) rather than not (Kotlin, Scala)
     * @param nestedComments block comments nest (Rust, Swift, Kotlin, Scala)
     * @param regexLiterals {@code /.../} is a regular expression where an operand may start (JavaScript)
     * @param directiveLines lines starting with {@code #} are preprocessor directives, ended by their newline
     */
    record Syntax(SingleQuote singleQuote, Backtick backtick, RawStrings rawStrings, boolean tripleQuotes,
            boolean tripleQuoteEscapes, boolean nestedComments, boolean regexLiterals, boolean directiveLines) {
    }

    static final Syntax JAVA = new Syntax(SingleQuote.CHARACTER, Backtick.NONE, RawStrings.NONE, true, true, false, false, false);
    static final Syntax KOTLIN_SCALA = new Syntax(SingleQuote.CHARACTER, Backtick.RAW, RawStrings.NONE, true, false, true, false, false);
    static final Syntax C = new Syntax(SingleQuote.CHARACTER, Backtick.NONE, RawStrings.NONE, false, false, false, false, true);
    static final Syntax CPP = new Syntax(SingleQuote.CHARACTER, Backtick.NONE, RawStrings.CPP, false, false, false, false, true);
    static final Syntax CSHARP = new Syntax(SingleQuote.CHARACTER, Backtick.NONE, RawStrings.CSHARP, false, false, false, false, true);
    static final Syntax SWIFT = new Syntax(SingleQuote.NONE, Backtick.RAW, RawStrings.SWIFT, true, true, true, false, false);
    static final Syntax GO = new Syntax(SingleQuote.CHARACTER, Backtick.RAW, RawStrings.NONE, false, false, false, false, false);
    static final Syntax RUST = new Syntax(SingleQuote.CHARACTER, Backtick.NONE, RawStrings.RUST, false, false, true, false, false);
    static final Syntax JAVASCRIPT = new Syntax(SingleQuote.STRING, Backtick.TEMPLATE, RawStrings.NONE, false, false, false, true, false);
    static final Syntax PROTO = new Syntax(SingleQuote.STRING, Backtick.NONE, RawStrings.NONE, false, false, false, false, false);

    /** After these a slash starts a regular expression rather than a division. */
    private static final String REGEX_PRECEDERS = "(,=:[!&|?{};+-*%<>~^";
    private static final Set<String> REGEX_PRECEDING_WORDS = Set.of("return", "typeof", "case", "do", "else", "in",
            "of", "new", "delete", "void", "throw", "instanceof", "yield", "await");

    private final String s;
    private final Syntax syntax;
    private final FoldedText out = new FoldedText(FoldedText.Spacing.WORD_BOUNDARY);

    private CStyleNormaliser(String s, Syntax syntax) {
        this.s = s;
        this.syntax = syntax;
    }

    static String fold(String text, Syntax syntax) {
        return new CStyleNormaliser(text, syntax).fold();
    }

    private String fold() {
        boolean lineStart = true;
        boolean directive = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                if (directive) {
                    out.newLine("");
                    directive = false;
                } else {
                    out.space();
                }
                lineStart = true;
                i++;
            } else if (Character.isWhitespace(c)) {
                out.space();
                i++;
            } else if (s.startsWith("//", i)) {
                i = SourceScan.lineEnd(s, i);
                out.space();
            } else if (s.startsWith("/*", i)) {
                i = blockCommentEnd(i);
                out.space();
            } else if (directive && s.startsWith("\\\n", i)) {
                out.literal(s, i, i + 2); // a continued directive keeps its line break
                i += 2;
            } else {
                if (lineStart && c == '#' && syntax.directiveLines()) {
                    out.newLine("");
                    directive = true;
                }
                int end = literalEnd(i);
                if (end > i) {
                    out.literal(s, i, end);
                    i = end;
                } else {
                    out.code(c);
                    i++;
                }
                lineStart = false;
            }
        }
        return out.toString();
    }

    private int blockCommentEnd(int i) {
        if (!syntax.nestedComments()) {
            return SourceScan.after(s, i + 2, "*/");
        }
        int depth = 0;
        int j = i;
        while (j < s.length()) {
            if (s.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (s.startsWith("*/", j)) {
                j += 2;
                if (--depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return s.length();
    }

    /** The end of the literal that starts at {@code i}, or {@code i} itself when none does. */
    private int literalEnd(int i) {
        char c = s.charAt(i);
        int raw = rawStringEnd(i);
        if (raw > i) {
            return raw;
        }
        if (c == '"') {
            if (syntax.tripleQuotes() && s.startsWith("\"\"\"", i)) {
                return syntax.tripleQuoteEscapes() ? SourceScan.escapedTripleQuoteEnd(s, i) : SourceScan.repeatedQuoteEnd(s, i, 3);
            }
            return SourceScan.quotedEnd(s, i, true, false, null);
        }
        if (c == '\'') {
            return switch (syntax.singleQuote()) {
                case STRING -> SourceScan.quotedEnd(s, i, true, false, null);
                case CHARACTER -> characterEnd(i);
                case NONE -> i;
            };
        }
        if (c == '`') {
            return switch (syntax.backtick()) {
                case TEMPLATE -> SourceScan.quotedEnd(s, i, true, true, "${");
                case RAW -> SourceScan.quotedEnd(s, i, false, true, null);
                case NONE -> i;
            };
        }
        if (c == '/' && syntax.regexLiterals() && regexMayStart()) {
            return regexEnd(i);
        }
        return i;
    }

    /** {@code 'x'} or an escape like {@code '\n'}, {@code '\u00e9'}; anything else is a lifetime or a symbol. */
    private int characterEnd(int i) {
        if (i + 1 >= s.length()) {
            return i;
        }
        if (s.charAt(i + 1) == '\\') {
            int close = s.indexOf('\'', i + 3);
            int limit = Math.min(SourceScan.lineEnd(s, i), i + 12);
            return close > 0 && close < limit ? close + 1 : i;
        }
        int afterCharacter = i + 1 + Character.charCount(s.codePointAt(i + 1));
        return afterCharacter < s.length() && s.charAt(afterCharacter) == '\'' && s.charAt(i + 1) != '\n' ? afterCharacter + 1 : i;
    }

    private int rawStringEnd(int i) {
        return switch (syntax.rawStrings()) {
            case NONE -> i;
            case RUST -> rustRawEnd(i);
            case CPP -> cppRawEnd(i);
            case CSHARP -> csharpRawEnd(i);
            case SWIFT -> swiftRawEnd(i);
        };
    }

    private int rustRawEnd(int i) {
        if (!SourceScan.startsWordAt(s, i)) {
            return i;
        }
        int j = i;
        if (j < s.length() && (s.charAt(j) == 'b' || s.charAt(j) == 'c')) {
            j++;
        }
        if (j >= s.length() || s.charAt(j) != 'r') {
            return i;
        }
        int hashes = countRun(j + 1, '#');
        int quote = j + 1 + hashes;
        if (quote >= s.length() || s.charAt(quote) != '"') {
            return i;
        }
        return SourceScan.after(s, quote + 1, "\"" + "#".repeat(hashes));
    }

    private int cppRawEnd(int i) {
        if (!SourceScan.startsWordAt(s, i)) {
            return i;
        }
        for (String prefix : new String[] { "u8R\"", "uR\"", "UR\"", "LR\"", "R\"" }) {
            if (s.startsWith(prefix, i)) {
                int j = i + prefix.length();
                int open = s.indexOf('(', j);
                if (open < 0 || open - j > 16) {
                    return i;
                }
                return SourceScan.after(s, open + 1, ")" + s.substring(j, open) + "\"");
            }
        }
        return i;
    }

    private int csharpRawEnd(int i) {
        int j = i;
        while (j < s.length() && (s.charAt(j) == '$' || s.charAt(j) == '@') && j - i < 2) {
            j++;
        }
        if (j >= s.length() || s.charAt(j) != '"') {
            return i;
        }
        if (s.startsWith("@", i) || s.startsWith("$@", i)) {
            return SourceScan.doubledQuoteEnd(s, j);
        }
        int quotes = countRun(j, '"');
        return quotes >= 3 ? SourceScan.after(s, j + quotes, "\"".repeat(quotes)) : i;
    }

    private int swiftRawEnd(int i) {
        int hashes = countRun(i, '#');
        if (hashes == 0 || i + hashes >= s.length() || s.charAt(i + hashes) != '"') {
            return i;
        }
        String quotes = s.startsWith("\"\"\"", i + hashes) ? "\"\"\"" : "\"";
        return SourceScan.after(s, i + hashes + quotes.length(), quotes + "#".repeat(hashes));
    }

    private int countRun(int from, char c) {
        int j = from;
        while (j < s.length() && s.charAt(j) == c) {
            j++;
        }
        return j - from;
    }

    private boolean regexMayStart() {
        char previous = out.lastChar();
        if (previous == 0 || REGEX_PRECEDERS.indexOf(previous) >= 0) {
            return true;
        }
        return FoldedText.isWordChar(previous) && REGEX_PRECEDING_WORDS.contains(out.lastWord());
    }

    /** A regular expression ends at a slash outside a character class, on the same line; otherwise it is a division. */
    private int regexEnd(int i) {
        boolean inClass = false;
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != '\n') {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                j++;
                while (j < s.length() && Character.isLetter(s.charAt(j))) {
                    j++; // flags
                }
                return j;
            }
            j++;
        }
        return i;
    }
}
