package dev.remediator.testing.github;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The GitHub App as GitHub registered it: its id, slug, the permissions it asks for, and the RSA key pair GitHub
 * generated for it (the app gets the private key, GitHub keeps the public one).
 */
public final class GitHubApp {

    /** What Remediator's manifest asks for; an installation grants these unless a test says otherwise. */
    public static final Map<String, String> DEFAULT_PERMISSIONS = Map.of("actions", "write", "checks", "write",
            "contents", "write", "issues", "write", "metadata", "read", "pull_requests", "write", "statuses", "read");

    private final long id;
    private final String slug;
    private final KeyPair keys;

    GitHubApp(long id, String slug) {
        this.id = id;
        this.slug = slug;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    public long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    /** The login GitHub shows for what the app writes, e.g. `remediator[bot]`. */
    public String botLogin() {
        return slug + "[bot]";
    }

    public String clientId() {
        return "Iv1." + Long.toHexString(id * 7919L);
    }

    PublicKey publicKey() {
        return keys.getPublic();
    }

    /** The private key as the PEM text an operator pastes into the app's configuration (PKCS#8). */
    public String privateKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    /** A JWT as the app signs it: RS256, `iss` = app id, issued a minute ago, valid for nine minutes. */
    public String jwt(Clock clock) {
        JwtClaims claims = new JwtClaims();
        long now = clock.instant().getEpochSecond();
        claims.setIssuedAt(NumericDate.fromSeconds(now - 60));
        claims.setExpirationTime(NumericDate.fromSeconds(now + 9 * 60));
        claims.setIssuer(String.valueOf(id));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
