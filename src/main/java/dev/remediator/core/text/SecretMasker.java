package dev.remediator.core.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text taken from CI logs before it is stored or shown. GitHub masks the secrets it knows of,
 * but a log also carries tokens it never saw (printed by a tool, echoed from a file), so every quote is masked again.
 * Each secret is replaced by {@value #MASK}, the mark GitHub itself uses, keeping the label around it so the reader
 * still sees what was there.
 */
public final class SecretMasker {

    public static final String MASK = "***";

    /** A secret format: the pattern, and the group that holds the secret itself (0: the whole match). */
    private record SecretFormat(Pattern pattern, int secretGroup) {
    }

    private static final List<SecretFormat> FORMATS = List.of(
            // private keys first: their body would otherwise be left for the other formats to pick at
            new SecretFormat(Pattern.compile(
                    "-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY((?: BLOCK)?)-----([\\s\\S]*?)(?:-----END \\1PRIVATE KEY\\2-----|\\z)"), 3),
            new SecretFormat(Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,251})\\b"), 0),
            new SecretFormat(Pattern.compile("\\b(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\\b"), 0),
            new SecretFormat(Pattern.compile(
                    "(?i)\\b(?:aws_secret_access_key|aws_session_token|secret_access_key|secretaccesskey)"
                            + "[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+=]{16,})"), 1),
            new SecretFormat(Pattern.compile(
                    "(?i)\\b(?:proxy-)?authorization[\"']?\\s*[:=]\\s*[\"']?(?:(?:bearer|basic|token|digest|bot)\\s+)?"
                            + "([^\\s\"',;]+)"), 1),
            // user:password@ in any URL
            new SecretFormat(Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]+:([^@\\s/]+)@"), 1),
            new SecretFormat(Pattern.compile("\\b(?:xox[abprs]-[A-Za-z0-9-]{10,}|npm_[A-Za-z0-9]{36})\\b"), 0));

    private SecretMasker() {
    }

    /** The text with every recognised secret replaced by {@value #MASK}; {@code null} stays {@code null}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (SecretFormat format : FORMATS) {
            masked = maskAll(masked, format);
        }
        return masked;
    }

    private static String maskAll(String text, SecretFormat format) {
        Matcher matcher = format.pattern().matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        do {
            int start = matcher.start(format.secretGroup());
            int end = matcher.end(format.secretGroup());
            if (start < 0 || start == end || text.startsWith(MASK, start)) {
                continue;
            }
            out.append(text, copied, start).append(MASK);
            copied = end;
        } while (matcher.find());
        return out.append(text, copied, text.length()).toString();
    }
}
