package dev.remediator.core.drift;

import java.util.regex.Pattern;

/**
 * One glob over repository paths ({@code /}-separated, relative to the root). {@code *} matches within a segment,
 * {@code ?} one character of it, {@code **} as a whole segment any number of segments (none included),
 * {@code [abc]}, {@code [a-z]}, {@code [!abc]} a character class, {@code {a,b}} alternatives, a backslash the next
 * character as it is. A glob ending with {@code /} means everything below that folder. A leading {@code !} makes
 * the glob an exclusion (see {@link GlobSet}).
 */
public final class PathGlob {

    private final String pattern;
    private final boolean exclusion;
    private final Pattern regex;
    private final String literalPrefix;

    private PathGlob(String pattern, boolean exclusion, Pattern regex, String literalPrefix) {
        this.pattern = pattern;
        this.exclusion = exclusion;
        this.regex = regex;
        this.literalPrefix = literalPrefix;
    }

    public static PathGlob parse(String pattern) throws ProvenanceException {
        boolean exclusion = pattern.startsWith("!");
        String glob = exclusion ? pattern.substring(1) : pattern;
        if (glob.endsWith("/")) {
            glob = glob + "**";
        }
        String problem = problemWith(glob);
        if (problem != null) {
            throw new ProvenanceException("invalid glob '" + pattern + "': " + problem);
        }
        StringBuilder regex = new StringBuilder();
        int firstWildcard = translate(glob, regex);
        if (firstWildcard < 0) {
            throw new ProvenanceException("invalid glob '" + pattern + "': unclosed '[' or '{', or '{' inside '{...}'");
        }
        String prefix = glob.substring(0, glob.lastIndexOf('/', firstWildcard) + 1);
        return new PathGlob(exclusion ? "!" + glob : glob, exclusion, Pattern.compile(regex.toString()), prefix);
    }

    /** The glob as written in the manifest (a trailing {@code /} spelled out as {@code /**}). */
    public String pattern() {
        return pattern;
    }

    public boolean isExclusion() {
        return exclusion;
    }

    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    public boolean matchesAnyIn(PathIndex paths) {
        int[] range = paths.rangeUnder(literalPrefix);
        for (int index = range[0]; index < range[1]; index++) {
            if (matches(paths.pathAt(index))) {
                return true;
            }
        }
        return false;
    }

    /** The folder every match lies under ({@code gen/api/} for {@code gen/api/**}{@code /*.go}); empty for the root. */
    String literalPrefix() {
        return literalPrefix;
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static String problemWith(String glob) {
        if (glob.isEmpty()) {
            return "it is empty";
        }
        if (glob.startsWith("/")) {
            return "paths are relative to the repository root; drop the leading '/'";
        }
        for (String segment : glob.split("/", -1)) {
            if (segment.isEmpty()) {
                return "it has an empty path segment ('//')";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "'.' and '..' segments are not allowed";
            }
            if (segment.contains("**") && !segment.equals("**")) {
                return "'**' must be a whole path segment (like 'gen/**/x.go')";
            }
        }
        return glob.endsWith("\\") && !glob.endsWith("\\\\") ? "it ends with a lone backslash" : null;
    }

    /**
     * Writes the regular expression for {@code glob}; returns the index of its first wildcard (its length when it
     * has none), or -1 when a bracket or brace does not close.
     */
    private static int translate(String glob, StringBuilder regex) {
        int firstWildcard = glob.length();
        boolean inAlternatives = false;
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if ("*?[{\\".indexOf(c) >= 0) {
                firstWildcard = Math.min(firstWildcard, i);
            }
            if (glob.startsWith("**/", i)) {
                regex.append("(?:[^/]*/)*");
                i += 3;
                continue;
            }
            if (glob.startsWith("**", i)) { // the last segment: one or more characters, across folders
                regex.append(".+");
                i += 2;
                continue;
            }
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '\\' -> {
                    i++;
                    regex.append(Pattern.quote(String.valueOf(glob.charAt(i))));
                }
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        return -1;
                    }
                    String members = glob.substring(i + 1, close);
                    boolean negated = members.startsWith("!") || members.startsWith("^");
                    members = (negated ? members.substring(1) : members).replace("\\", "\\\\").replace("[", "\\[").replace("&", "\\&");
                    regex.append(negated ? "[^/" : "(?![/])[").append(members).append(']');
                    i = close;
                }
                case '{' -> {
                    if (inAlternatives || glob.indexOf('}', i) < 0) {
                        return -1;
                    }
                    inAlternatives = true;
                    regex.append("(?:");
                }
                case '}' -> {
                    if (inAlternatives) {
                        inAlternatives = false;
                        regex.append(')');
                    } else {
                        regex.append("\\}");
                    }
                }
                case ',' -> regex.append(inAlternatives ? "|" : ",");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return inAlternatives ? -1 : firstWildcard;
    }
}
