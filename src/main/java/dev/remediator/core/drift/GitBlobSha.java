package dev.remediator.core.drift;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The object id git gives a file's content, as {@code git hash-object} computes it: the SHA-1 of
 * {@code "blob <size>\0"} followed by the bytes. A symbolic link's blob is its target path. Git's clean filters
 * ({@code core.autocrlf}, {@code .gitattributes} filters) are not applied: the bytes are hashed as they are.
 */
public final class GitBlobSha {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{40}");

    private GitBlobSha() {
    }

    public static String of(byte[] content) {
        MessageDigest sha1 = header(content.length);
        sha1.update(content);
        return HexFormat.of().formatHex(sha1.digest());
    }

    /** Hashes {@code size} bytes read from the stream without holding them in memory. */
    public static String of(InputStream content, long size) throws IOException {
        MessageDigest sha1 = header(size);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read; (read = content.read(buffer)) >= 0;) {
            sha1.update(buffer, 0, read);
            total += read;
        }
        if (total != size) {
            throw new IOException("the content changed while it was hashed (" + size + " bytes expected, " + total + " read)");
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    public static boolean isWellFormed(String sha) {
        return sha != null && FORMAT.matcher(sha).matches();
    }

    private static MessageDigest header(long size) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
            return sha1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
