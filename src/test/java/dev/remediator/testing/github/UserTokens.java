package dev.remediator.testing.github;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GitHub's side of the OAuth web flow for the app's users: who is signed in to github.com in the browser, the codes
 * the authorize page handed out (each redeemable once), and the user access tokens they were exchanged for.
 */
final class UserTokens {

    static final String PREFIX = "ghu_";

    /** A code the authorize page gave, for one user and one redirect address. */
    record Grant(String login, String redirectUri) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private volatile String browserUser;

    void clear() {
        codes.clear();
        tokens.clear();
        browserUser = null;
    }

    void signInBrowser(String login) {
        browserUser = login;
    }

    Optional<String> browserUser() {
        return Optional.ofNullable(browserUser);
    }

    String newCode(String login, String redirectUri) {
        String code = random(10);
        codes.put(code, new Grant(login, redirectUri));
        return code;
    }

    Optional<Grant> redeem(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(codes.remove(code));
    }

    String newToken(String login) {
        String token = PREFIX + random(18);
        tokens.put(token, login);
        return token;
    }

    Optional<String> login(String token) {
        return Optional.ofNullable(tokens.get(token));
    }

    private String random(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
