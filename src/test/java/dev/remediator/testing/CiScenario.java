package dev.remediator.testing;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.testing.github.FakeGitHub;
import dev.remediator.testing.github.GitObjects;
import dev.remediator.testing.github.Installation;
import dev.remediator.testing.github.Repository;
import dev.remediator.testing.github.Workflow;
import dev.remediator.testing.github.WorkflowRun;
import io.restassured.response.Response;

/**
 * A repository with a CI workflow on the fake GitHub, and the webhooks GitHub would send about it, built from GitHub's
 * own example payloads with only the ids, SHAs and outcomes changed. Each scenario gets ids of its own, so that tests
 * sharing the database never see each other's runs.
 */
public final class CiScenario {

    /** Unique across test runs too: the test database keeps earlier runs' rows. */
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 100);

    public final FakeGitHub github;
    public final long installationId;
    public final Installation installation;
    public final Repository repo;
    public final Workflow workflow;
    private final DeliveryRows rows;

    private CiScenario(FakeGitHub github, DeliveryRows rows, String name) {
        this.github = github;
        this.rows = rows;
        this.installationId = IDS.incrementAndGet();
        this.installation = github.installation(installationId, "octo-org");
        this.repo = installation.repository(IDS.incrementAndGet(), name + "-" + IDS.incrementAndGet());
        this.workflow = repo.workflow(IDS.incrementAndGet(), "CI", ".github/workflows/ci.yml");
    }

    public static CiScenario create(FakeGitHub github, DeliveryRows rows, String name) {
        return new CiScenario(github, rows, name);
    }

    /** Markdown as a reader sees it: without the backslashes that keep log and user text from being formatted. */
    public static String plain(String markdown) {
        return markdown == null ? null : markdown.replace("&#8203;", "").replaceAll("\\\\(.)", "$1");
    }

    public static long nextId() {
        return IDS.incrementAndGet();
    }

    public static Supplier<InputStream> log(String name) {
        return () -> {
            InputStream log = CiScenario.class.getResourceAsStream("/ci-logs/" + name);
            if (log == null) {
                throw new IllegalArgumentException("no CI log " + name);
            }
            return log;
        };
    }

    /** Commits on main and returns the SHA. */
    public String commit(String message, String author, Map<String, String> files) {
        return repo.commit("main", message, author, files);
    }

    public CiScenario config(String yaml) {
        commit("Configure Remediator", "octocat", Map.of(RepositoryConfig.FILE_PATH, yaml));
        return this;
    }

    /** A completed run of the CI workflow at {@code sha} whose only job ends with {@code conclusion}. */
    public WorkflowRun run(String sha, String branch, String conclusion, String logName) {
        WorkflowRun run = repo.workflowRun(nextId(), workflow, sha).headBranch(branch);
        run.job(nextId(), "build", conclusion, log(logName));
        return run;
    }

    /** The {@code workflow_run} {@code completed} webhook of the run's latest attempt. */
    public WebhookPayload completed(WorkflowRun run) {
        return completed(run, repo.fullName());
    }

    /** The same, for a run whose code comes from {@code headRepository} (a fork when it is not this repository). */
    public WebhookPayload completed(WorkflowRun run, String headRepository) {
        WebhookPayload payload = example("workflow_run/completed.payload.json");
        payload.at("workflow").put("id", workflow.id()).put("name", workflow.name()).put("path", workflow.path());
        ObjectNode body = payload.at("workflow_run");
        body.put("id", run.id()).put("run_attempt", run.latestAttempt().number()).put("head_sha", run.headSha())
                .put("head_branch", run.headBranch()).put("status", "completed")
                .put("conclusion", run.latestAttempt().conclusion()).put("workflow_id", workflow.id())
                .put("name", workflow.name()).put("path", workflow.path())
                .put("html_url", "https://github.com/" + repo.fullName() + "/actions/runs/" + run.id());
        body.with("head_repository").put("full_name", headRepository);
        body.with("repository").put("id", repo.id()).put("full_name", repo.fullName());
        ArrayNode pulls = body.putArray("pull_requests");
        for (int number : run.pullRequests()) {
            ObjectNode pull = pulls.addObject().put("number", number).put("id", nextId());
            pull.putObject("head").put("ref", run.headBranch()).put("sha", run.headSha());
            pull.putObject("base").put("ref", "main").put("sha", repo.branchHead("main").orElse(run.headSha()));
        }
        return payload;
    }

    /** A click on a button of the Remediator check run. */
    public WebhookPayload click(long checkRunId, String identifier, String login) {
        return click(checkRunId, "Remediator", identifier, login);
    }

    /** A click on a button of the check run of that name. */
    public WebhookPayload click(long checkRunId, String checkRunName, String identifier, String login) {
        WebhookPayload payload = example("check_run/requested_action.payload.json");
        payload.at("check_run").put("id", checkRunId).put("name", checkRunName);
        payload.at("requested_action").put("identifier", identifier);
        payload.at("sender").put("login", login);
        return payload;
    }

    /**
     * The {@code push} webhook of a branch moving from {@code before} to {@code after} (one head commit listing the
     * files added, changed and removed between the two).
     */
    public WebhookPayload push(String branch, String before, String after) {
        WebhookPayload payload = example("push/with-new-branch.payload.json");
        payload.body().put("ref", "refs/heads/" + branch).put("before", before).put("after", after).put("created", false)
                .put("deleted", false).put("forced", false)
                .put("compare", "https://github.com/" + repo.fullName() + "/compare/" + before + "..." + after);
        Map<String, GitObjects.TreeEntry> was = repo.git().commit(before).map(c -> repo.git().flatten(c.tree()))
                .orElse(Map.of());
        Map<String, GitObjects.TreeEntry> now = repo.git().flatten(repo.git().commit(after).orElseThrow().tree());
        ObjectNode head = payload.at("head_commit").put("id", after);
        ArrayNode added = head.putArray("added");
        ArrayNode modified = head.putArray("modified");
        ArrayNode removed = head.putArray("removed");
        now.forEach((path, entry) -> {
            if (!was.containsKey(path)) {
                added.add(path);
            } else if (!was.get(path).equals(entry)) {
                modified.add(path);
            }
        });
        was.keySet().stream().filter(path -> !now.containsKey(path)).forEach(removed::add);
        payload.body().putArray("commits").add(head.deepCopy());
        return payload;
    }

    /** A new comment on a pull request. */
    public WebhookPayload comment(int pull, String login, String text) {
        WebhookPayload payload = example("issue_comment/created.with-installation.payload.json");
        payload.at("issue").put("number", pull).putObject("pull_request")
                .put("url", "https://api.github.com/repos/" + repo.fullName() + "/pulls/" + pull);
        ObjectNode comment = payload.at("comment");
        long id = repo.comment(pull, login, text).id();
        comment.put("id", id).put("body", text);
        comment.with("user").put("login", login).put("type", "User");
        payload.at("sender").put("login", login);
        return payload;
    }

    /** GitHub's example, about this scenario's installation and repository. */
    public WebhookPayload example(String name) {
        WebhookPayload payload = WebhookPayload.example(name).installation(installationId).repository(repo.id(), repo.fullName());
        payload.at("repository").put("default_branch", "main").put("private", false);
        return payload;
    }

    /** Sends the webhook and waits until the app has finished with it. */
    public String deliver(WebhookPayload payload) {
        String id = Webhooks.newDeliveryId();
        deliver(payload, id).then().statusCode(200);
        awaitFinished(id);
        return id;
    }

    public Response deliver(WebhookPayload payload, String deliveryId) {
        return Webhooks.send(payload.event(), deliveryId, payload.bytes());
    }

    public void awaitFinished(String deliveryId) {
        rows.awaitFinished(deliveryId);
    }
}
