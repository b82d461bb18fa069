package dev.remediator.core.remediation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Branches Remediator creates: {@code remediator/<action>/<context>-<8 hex>}. Runs on them are never
 * analysed and pushes to them are only recorded (the loop guard). The hex part derives from the remediation's id, so
 * that a retried execution finds the branch its earlier attempt created instead of making another.
 */
public final class RemediatorBranch {

    public static final String PREFIX = "remediator/";

    private RemediatorBranch() {
    }

    public static String name(RemediationAction action, String context, long remediationId) {
        return PREFIX + action.slug() + "/" + slug(context) + "-" + hex(remediationId);
    }

    /** The branch of a quarantined test's trial: the quarantine's id and which trial it is make it one of a kind. */
    public static String release(String test, long quarantineId, int trial) {
        return PREFIX + RELEASE + slug(test) + "-" + hex(quarantineId) + "-" + trial;
    }

    public static boolean isRelease(String branch) {
        return branch != null && branch.startsWith(PREFIX + RELEASE);
    }

    private static final String RELEASE = "release/";

    private static String slug(String context) {
        String slug = context.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(slug.length() - 40).replaceAll("^[-.]+", "");
        }
        return slug.isEmpty() ? "change" : slug;
    }

    /** True for a branch name ({@code remediator/...}) or a ref ({@code refs/heads/remediator/...}) of ours. */
    public static boolean isOwn(String branchOrRef) {
        return branchOrRef != null && (branchOrRef.startsWith(PREFIX) || branchOrRef.startsWith("refs/heads/" + PREFIX));
    }

    static String hex(long remediationId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("remediation:" + remediationId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
