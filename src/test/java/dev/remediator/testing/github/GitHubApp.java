package dev.remediator.testing.github;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
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

    /** The events the manifest subscribes to; an app grants these unless a test says otherwise. */
    public static final List<String> DEFAULT_EVENTS = List.of("check_run", "check_suite", "issue_comment", "pull_request",
            "push", "workflow_run");

    private final long id;
    private final String slug;
    private final KeyPair keys;
    private volatile Map<String, String> permissions = DEFAULT_PERMISSIONS;
    private volatile List<String> events = DEFAULT_EVENTS;
    private volatile String webhookUrl = "https://remediator.example.com/";

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

    /** The permissions the app's settings grant (as {@code GET /app} reports them). */
    public Map<String, String> permissions() {
        return permissions;
    }

    public GitHubApp permissions(Map<String, String> granted) {
        this.permissions = Map.copyOf(granted);
        return this;
    }

    /** The events the app's settings subscribe to. */
    public List<String> events() {
        return events;
    }

    public GitHubApp events(List<String> subscribed) {
        this.events = List.copyOf(subscribed);
        return this;
    }

    /** Where the app's settings say GitHub sends its webhooks ({@code GET /app/hook/config}). */
    public String webhookUrl() {
        return webhookUrl;
    }

    public GitHubApp webhookUrl(String url) {
        this.webhookUrl = url;
        return this;
    }

    public String clientId() {
        return clientIdOf(id);
    }

    /** The OAuth client secret GitHub gave the app, which its token exchange must present. */
    public String clientSecret() {
        return clientSecretOf(id);
    }

    /** Known before the fake starts, so that a test profile can give them to the app. */
    public static String clientIdOf(long appId) {
        return "Iv1." + Long.toHexString(appId * 7919L);
    }

    /** 40 hexadecimal digits, as GitHub's. */
    public static String clientSecretOf(long appId) {
        return String.format("%040x", appId * 104729L);
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
