package dev.remediator.github;

import org.kohsuke.github.GHPermissionType;

/** A permission asked for in a scoped installation token: only what the action at hand needs. */
public enum GitHubPermission {
    METADATA_READ("metadata", GHPermissionType.READ),
    CONTENTS_READ("contents", GHPermissionType.READ),
    CONTENTS_WRITE("contents", GHPermissionType.WRITE),
    ACTIONS_READ("actions", GHPermissionType.READ),
    ACTIONS_WRITE("actions", GHPermissionType.WRITE),
    CHECKS_READ("checks", GHPermissionType.READ),
    CHECKS_WRITE("checks", GHPermissionType.WRITE),
    STATUSES_READ("statuses", GHPermissionType.READ),
    ISSUES_READ("issues", GHPermissionType.READ),
    ISSUES_WRITE("issues", GHPermissionType.WRITE),
    PULL_REQUESTS_READ("pull_requests", GHPermissionType.READ),
    PULL_REQUESTS_WRITE("pull_requests", GHPermissionType.WRITE);

    final String scope;
    final GHPermissionType level;

    GitHubPermission(String scope, GHPermissionType level) {
        this.scope = scope;
        this.level = level;
    }
}
