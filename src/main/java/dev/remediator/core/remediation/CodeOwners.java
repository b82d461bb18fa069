package dev.remediator.core.remediation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A repository's CODEOWNERS file, read as GitHub reads it: one pattern and its owners per line, the last matching
 * line deciding. Patterns follow gitignore's rules (a pattern without an inner slash matches at any depth, a leading
 * slash anchors it to the root, {@code dir/*} matches only the directory's own files). Only people can be assigned an
 * issue, so teams ({@code @org/team}) and e-mail addresses are passed over.
 */
public final class CodeOwners {

    /** Where GitHub looks for the file, in its order: the first one found counts. */
    public static final List<String> LOCATIONS = List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS");

    private record Rule(Pattern pattern, List<String> owners) {
    }

    private final List<Rule> rules;

    private CodeOwners(List<Rule> rules) {
        this.rules = rules;
    }

    public static CodeOwners parse(String content) {
        List<Rule> rules = new ArrayList<>();
        for (String line : content.split("\n")) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            String[] parts = stripped.split("\\s+");
            List<String> owners = Arrays.stream(parts).skip(1).takeWhile(owner -> !owner.startsWith("#")).toList();
            rules.add(new Rule(Pattern.compile(regex(parts[0])), owners));
        }
        return new CodeOwners(rules);
    }

    /** The first person (not a team) owning the path by the last matching line; empty when that line names none. */
    public Optional<String> personOwning(String path) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            if (rules.get(i).pattern().matcher(path).matches()) {
                return rules.get(i).owners().stream().filter(owner -> owner.startsWith("@") && !owner.contains("/"))
                        .map(owner -> owner.substring(1)).findFirst();
            }
        }
        return Optional.empty();
    }

    private static String regex(String pattern) {
        boolean directory = pattern.endsWith("/");
        String body = directory ? pattern.substring(0, pattern.length() - 1) : pattern;
        boolean anchored = body.startsWith("/") || body.contains("/");
        body = body.startsWith("/") ? body.substring(1) : body;
        boolean ownFilesOnly = body.endsWith("/*");
        StringBuilder regex = new StringBuilder(anchored ? "" : "(?:.*/)?");
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (body.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 2;
            } else if (body.startsWith("**", i)) {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        // a directory's pattern owns everything under it; `dir/*` only the directory's own files
        return regex + (ownFilesOnly ? "" : directory ? "/.*" : "(?:/.*)?");
    }
}
