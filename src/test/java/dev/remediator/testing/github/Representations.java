package dev.remediator.testing.github;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON shapes that several areas of the API share: users, repositories, pull requests, labels. */
final class Representations {

    static final String HTML = "https://github.com/";

    private final String baseUrl;

    Representations(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    String url(Repository repository) {
        return baseUrl + "/repos/" + repository.fullName();
    }

    static String htmlUrl(Repository repository) {
        return HTML + repository.fullName();
    }

    static String nodeId(String type, long id) {
        return Base64.getEncoder().withoutPadding()
                .encodeToString((type + id).getBytes(StandardCharsets.UTF_8));
    }

    /** A stable id for a login, so that the same user always has the same id. */
    static long userId(String login) {
        return 1000L + (login.hashCode() & 0x7fffffffL);
    }

    ObjectNode user(String login) {
        long id = userId(login);
        ObjectNode user = Json.object().put("login", login).put("id", id).put("node_id", nodeId("User", id))
                .put("avatar_url", "https://avatars.githubusercontent.com/u/" + id + "?v=4")
                .put("url", baseUrl + "/users/" + login).put("html_url", HTML + login)
                .put("type", login.endsWith("[bot]") ? "Bot" : "User").put("site_admin", false);
        return user;
    }

    ObjectNode account(Installation installation) {
        return user(installation.account()).put("id", installation.accountId())
                .put("node_id", nodeId(installation.accountType(), installation.accountId()))
                .put("type", installation.accountType());
    }

    ObjectNode repository(Repository repository) {
        ObjectNode json = Json.object().put("id", repository.id())
                .put("node_id", nodeId("Repository", repository.id()))
                .put("name", repository.name()).put("full_name", repository.fullName())
                .put("private", repository.isPrivate())
                .put("visibility", repository.isPrivate() ? "private" : "public")
                .put("fork", repository.isFork())
                .put("url", url(repository)).put("html_url", htmlUrl(repository))
                .put("git_url", "git://github.com/" + repository.fullName() + ".git")
                .put("clone_url", htmlUrl(repository) + ".git")
                .put("ssh_url", "git@github.com:" + repository.fullName() + ".git")
                .put("default_branch", repository.defaultBranch())
                .put("archived", false).put("disabled", false)
                .put("created_at", Json.time(repository.createdAt()))
                .put("updated_at", Json.time(repository.createdAt()))
                .put("pushed_at", Json.time(repository.createdAt()));
        json.set("owner", account(repository.installation()));
        return json;
    }

    /** A repository known only by name (a fork outside the installation). */
    ObjectNode repository(String fullName, boolean fork) {
        long id = userId(fullName);
        ObjectNode json = Json.object().put("id", id).put("node_id", nodeId("Repository", id))
                .put("name", fullName.substring(fullName.indexOf('/') + 1)).put("full_name", fullName)
                .put("private", false).put("fork", fork)
                .put("url", baseUrl + "/repos/" + fullName).put("html_url", HTML + fullName);
        json.set("owner", user(fullName.substring(0, fullName.indexOf('/'))));
        return json;
    }

    ObjectNode label(Label label) {
        return Json.object().put("id", label.id()).put("node_id", nodeId("Label", label.id()))
                .put("name", label.name()).put("color", label.color()).put("description", label.description())
                .put("default", false);
    }

    ObjectNode pullRequest(Repository repository, PullRequest pull) {
        String url = url(repository) + "/pulls/" + pull.number();
        String html = htmlUrl(repository) + "/pull/" + pull.number();
        Issue issue = pull.issue();
        ObjectNode json = Json.object().put("id", pull.id()).put("node_id", nodeId("PullRequest", pull.id()))
                .put("number", pull.number()).put("state", issue.state()).put("locked", false)
                .put("title", issue.title()).put("body", issue.body()).put("draft", pull.isDraft())
                .put("url", url).put("html_url", html).put("diff_url", html + ".diff").put("patch_url", html + ".patch")
                .put("issue_url", url(repository) + "/issues/" + pull.number())
                .put("commits_url", url + "/commits").put("review_comments_url", url + "/comments")
                .put("comments_url", url(repository) + "/issues/" + pull.number() + "/comments")
                .put("statuses_url", url(repository) + "/statuses/" + pull.headSha())
                .put("created_at", Json.time(issue.createdAt())).put("updated_at", Json.time(issue.updatedAt()))
                .put("closed_at", Json.time(issue.closedAt())).putNull("merged_at").putNull("merge_commit_sha")
                .put("author_association", repository.collaboratorRole(issue.author()).isPresent() ? "COLLABORATOR"
                        : "CONTRIBUTOR")
                .put("maintainer_can_modify", pull.maintainerCanModify());
        json.set("user", user(issue.author()));
        json.set("labels", Json.array().addAll(issue.labels().stream()
                .map(name -> repository.label(name).map(this::label).orElseGet(() -> Json.object().put("name", name)))
                .toList()));
        ObjectNode head = json.putObject("head");
        String headOwner = pull.headRepository().substring(0, pull.headRepository().indexOf('/'));
        head.put("label", headOwner + ":" + pull.headRef()).put("ref", pull.headRef()).put("sha", pull.headSha());
        head.set("user", user(headOwner));
        head.set("repo", pull.isFromFork() ? repository(pull.headRepository(), true) : repository(repository));
        ObjectNode base = json.putObject("base");
        base.put("label", repository.owner() + ":" + pull.baseRef()).put("ref", pull.baseRef())
                .put("sha", repository.branchHead(pull.baseRef()).orElse(null));
        base.set("user", account(repository.installation()));
        base.set("repo", repository(repository));
        ObjectNode links = json.putObject("_links");
        links.putObject("self").put("href", url);
        links.putObject("html").put("href", html);
        return json;
    }
}
