package dev.remediator.testing.github;

import java.util.List;

/**
 * What GitHub requires of the caller for an operation: nothing, the app's JWT, or an installation token holding
 * one of the listed permissions (e.g. comments on pull requests accept `issues` or `pull_requests`).
 */
record RequiredAccess(Kind kind, List<Grant> anyOf) {

    enum Kind {
        ANYONE, APP_JWT, INSTALLATION, USER
    }

    record Grant(String permission, String level) {
        @Override
        public String toString() {
            return permission + ": " + level;
        }
    }

    static final RequiredAccess ANYONE = new RequiredAccess(Kind.ANYONE, List.of());
    static final RequiredAccess APP_JWT = new RequiredAccess(Kind.APP_JWT, List.of());
    /** A user access token: the endpoints under `/user` answer for the user who signed in. */
    static final RequiredAccess USER = new RequiredAccess(Kind.USER, List.of());

    static RequiredAccess read(String permission) {
        return new RequiredAccess(Kind.INSTALLATION, List.of(new Grant(permission, "read")));
    }

    static RequiredAccess write(String permission) {
        return new RequiredAccess(Kind.INSTALLATION, List.of(new Grant(permission, "write")));
    }

    RequiredAccess or(RequiredAccess other) {
        List<Grant> grants = new java.util.ArrayList<>(anyOf);
        grants.addAll(other.anyOf());
        return new RequiredAccess(Kind.INSTALLATION, List.copyOf(grants));
    }

    boolean grantedBy(InstallationToken token) {
        return anyOf.stream().anyMatch(grant -> token.grants(grant.permission(), grant.level()));
    }
}
