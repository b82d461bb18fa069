package dev.remediator.testing.github;

/** Who sent a request: nobody, the app itself (with its JWT), or an installation (with a token). */
public record Caller(Kind kind, InstallationToken token) {

    public enum Kind {
        ANONYMOUS, APP, INSTALLATION
    }

    static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, null);
    static final Caller APP = new Caller(Kind.APP, null);

    static Caller installation(InstallationToken token) {
        return new Caller(Kind.INSTALLATION, token);
    }

    /** The key GitHub counts rate limits against. */
    String rateLimitKey() {
        return kind == Kind.INSTALLATION ? "installation:" + token.installationId() : kind.name();
    }

    @Override
    public String toString() {
        return kind == Kind.INSTALLATION ? "installation " + token.installationId() + " repositories="
                + (token.repositoryIds() == null ? "all" : token.repositoryIds()) + " permissions="
                + token.permissions() : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
