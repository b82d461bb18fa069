package dev.remediator.testing.github;

/**
 * Who sent a request: nobody, the app itself (with its JWT), an installation (with a token), or a user who signed in
 * to the app (with the user access token the OAuth flow gave it).
 */
public record Caller(Kind kind, InstallationToken token, String login) {

    public enum Kind {
        ANONYMOUS, APP, INSTALLATION, USER
    }

    static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, null, null);
    static final Caller APP = new Caller(Kind.APP, null, null);

    static Caller installation(InstallationToken token) {
        return new Caller(Kind.INSTALLATION, token, null);
    }

    static Caller user(String login) {
        return new Caller(Kind.USER, null, login);
    }

    /** The key GitHub counts rate limits against. */
    String rateLimitKey() {
        return switch (kind) {
            case INSTALLATION -> "installation:" + token.installationId();
            case USER -> "user:" + login;
            default -> kind.name();
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case INSTALLATION -> "installation " + token.installationId() + " repositories="
                    + (token.repositoryIds() == null ? "all" : token.repositoryIds()) + " permissions="
                    + token.permissions();
            case USER -> "user " + login;
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
