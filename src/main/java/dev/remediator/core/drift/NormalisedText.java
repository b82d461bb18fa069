package dev.remediator.core.drift;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The hash of a generated file's text with whitespace and comments folded (per {@link SourceDialect}), written
 * {@code <rules>:<sha256 hex>}, e.g. {@code go/1:9f86d0...}. Two versions of a file with the same normalised hash
 * differ only in formatting or comments. The rules name carries a version, raised whenever folding changes, so that
 * hashes made by other rules are never compared as if they were alike. Line endings are folded too ({@code \r\n}
 * and {@code \r} read as {@code \n}), and so is a UTF-8 byte order mark. Content that is not UTF-8 text (a NUL byte,
 * invalid UTF-8) is hashed as it is under the rules {@code bytes/1}.
 */
public final class NormalisedText {

    static final int RULES_VERSION = 1;
    static final String BYTES_RULES = "bytes/" + RULES_VERSION;
    private static final Pattern FORMAT = Pattern.compile("[a-z]+/[0-9]+:[0-9a-f]{64}");

    private NormalisedText() {
    }

    public static String hash(String path, byte[] content) {
        String text = decode(content);
        if (text == null) {
            return BYTES_RULES + ":" + sha256(content);
        }
        SourceDialect dialect = SourceDialect.of(path);
        String folded = dialect.fold(text.replace("\r\n", "\n").replace('\r', '\n'));
        return rulesFor(dialect) + ":" + sha256(folded.getBytes(StandardCharsets.UTF_8));
    }

    /** The rules part of a normalised hash ({@code go/1}). */
    public static String rulesOf(String normalisedHash) {
        return normalisedHash.substring(0, normalisedHash.indexOf(':'));
    }

    /** Whether a hash recorded for {@code path} was made by the rules this version applies to it. */
    public static boolean madeByCurrentRules(String path, String normalisedHash) {
        String rules = rulesOf(normalisedHash);
        return rules.equals(rulesFor(SourceDialect.of(path))) || rules.equals(BYTES_RULES);
    }

    static boolean isWellFormed(String normalisedHash) {
        return FORMAT.matcher(normalisedHash).matches();
    }

    private static String rulesFor(SourceDialect dialect) {
        return dialect.label() + "/" + RULES_VERSION;
    }

    /** The UTF-8 text without its byte order mark, or null for binary content. */
    private static String decode(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return null;
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException binary) {
            return null;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
