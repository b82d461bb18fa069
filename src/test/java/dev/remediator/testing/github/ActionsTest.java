package dev.remediator.testing.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHEvent;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHWorkflowJob;
import org.kohsuke.github.GHWorkflowRun;
import org.kohsuke.github.HttpException;

import com.fasterxml.jackson.databind.JsonNode;

class ActionsTest extends FakeGitHubTestBase {

    static final String BUILD_LOG = "2024-01-02T03:04:05.0000000Z ##[group]Run mvn -B verify\n"
            + "2024-01-02T03:04:09.0000000Z [ERROR] Tests run: 3, Failures: 1\n"
            + "2024-01-02T03:04:09.1000000Z ##[error]Process completed with exit code 1.\n";

    Workflow ci;
    WorkflowRun run;

    @BeforeEach
    void seedAFailedRun() {
        ci = repo.workflow(161335, "CI", ".github/workflows/ci.yml");
        run = repo.workflowRun(30433642, ci, firstCommit);
        run.job(399444496, "build", "failure", text(BUILD_LOG)).step("Set up job", "success")
                .step("Run mvn -B verify", "failure");
        run.job(399444497, "lint", "success", text("all good\n"));
    }

    static Supplier<InputStream> text(String log) {
        return () -> new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void runsAndJobsReadThroughHub4j() throws Exception {
        repo.workflowRun(30433643, ci, firstCommit).headBranch("feature").event("pull_request")
                .job(399444500, "build", "success", text("ok\n"));
        GHRepository hello = asInstallation().getRepository("octo-org/hello");

        GHWorkflowRun read = hello.getWorkflowRun(run.id());
        var onMain = hello.queryWorkflowRuns().branch("main").event(GHEvent.PUSH).list().toList();
        var jobs = read.listJobs().toList();

        assertThat(read.getConclusion()).isEqualTo(GHWorkflowRun.Conclusion.FAILURE);
        assertThat(read.getHeadSha()).isEqualTo(firstCommit);
        assertThat(read.getRunAttempt()).isEqualTo(1);
        assertThat(onMain).extracting(GHWorkflowRun::getId).containsExactly(run.id());
        assertThat(jobs).extracting(GHWorkflowJob::getName).containsExactly("build", "lint");
        assertThat(jobs.get(0).getSteps()).extracting(step -> step.getName() + " " + step.getConclusion())
                .containsExactly("Set up job success", "Run mvn -B verify failure");
        github.assertNoViolations();
    }

    @Test
    void runFiltersByHeadShaAndStatus() throws Exception {
        String token = token(Map.of("actions", GHPermissionType.READ));

        JsonNode bySha = Json.parse(send("GET", "/repos/octo-org/hello/actions/runs?head_sha=" + firstCommit
                + "&status=failure", token, null).body());
        JsonNode succeeded = Json.parse(send("GET", "/repos/octo-org/hello/actions/runs?status=success", token, null)
                .body());
        JsonNode perWorkflow = Json.parse(send("GET", "/repos/octo-org/hello/actions/workflows/ci.yml/runs", token,
                null).body());

        assertThat(bySha.get("total_count").asInt()).isEqualTo(1);
        assertThat(succeeded.get("total_count").asInt()).isZero();
        assertThat(perWorkflow.at("/workflow_runs/0/id").asLong()).isEqualTo(run.id());
        github.assertNoViolations();
    }

    @Test
    void jobLogsRedirectToAnotherOriginThatRefusesTheToken() throws Exception {
        String token = token(Map.of("actions", GHPermissionType.READ));
        HttpResponse<String> redirect = send("GET", "/repos/octo-org/hello/actions/jobs/399444496/logs", token, null);
        String location = redirect.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(URI.create(location))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(location).startsWith(github.storageUrl()).doesNotStartWith(github.baseUrl());
        assertThat(withToken.statusCode()).isEqualTo(400);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).isEqualTo(BUILD_LOG);
        assertThat(github.violations()).singleElement()
                .satisfies(violation -> assertThat(violation.problems().get(0)).contains("Authorization"));
    }

    @Test
    void hub4jFollowsTheLogRedirectWithoutItsToken() throws Exception {
        GHRepository hello = asInstallation().getRepository("octo-org/hello");

        String log = hello.getWorkflowRun(run.id()).listJobs().toList().get(0)
                .downloadLogs(in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
        int entries = hello.getWorkflowRun(run.id()).downloadLogs(in -> {
            int count = 0;
            try (ZipInputStream zip = new ZipInputStream(in)) {
                while (zip.getNextEntry() != null) {
                    count++;
                }
            }
            return count;
        });

        assertThat(log).isEqualTo(BUILD_LOG);
        assertThat(entries).isEqualTo(2);
        github.assertNoViolations();
    }

    @Test
    void aLogOfHundredsOfMegabytesIsStreamedNotHeld() throws Exception {
        long size = 300L * 1024 * 1024;
        run.job(399444498, "huge", "failure", () -> new RepeatedLine(size));
        String token = token(Map.of("actions", GHPermissionType.READ));
        String location = send("GET", "/repos/octo-org/hello/actions/jobs/399444498/logs", token, null).headers()
                .firstValue("Location").orElseThrow();

        HttpResponse<InputStream> download = http.send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long received;
        try (InputStream body = download.body()) {
            received = body.transferTo(java.io.OutputStream.nullOutputStream());
        }

        assertThat(received).isEqualTo(size);
    }

    @Test
    void rerunFailedJobsStartsTheNextAttemptWithTheFailedJobsQueued() throws Exception {
        String token = token(Map.of("actions", GHPermissionType.WRITE));

        var rerun = send("POST", "/repos/octo-org/hello/actions/runs/30433642/rerun-failed-jobs", token, null);
        var again = send("POST", "/repos/octo-org/hello/actions/runs/30433642/rerun-failed-jobs", token, null);
        JsonNode secondAttempt = Json.parse(send("GET", "/repos/octo-org/hello/actions/runs/30433642/attempts/2/jobs",
                token, null).body());

        assertThat(rerun.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(repo.reruns()).containsExactly(new Rerun(run.id(), Rerun.Kind.FAILED_JOBS, null, 2, false));
        assertThat(secondAttempt.findValuesAsText("status")).containsExactly("queued", "completed");
        assertThat(run.latestAttempt().status()).isEqualTo("queued");

        run.attempt(2).complete("build", "success", text("flaky test passed\n"));
        JsonNode completed = Json.parse(send("GET", "/repos/octo-org/hello/actions/runs/30433642", token, null)
                .body());
        assertThat(completed.get("run_attempt").asInt()).isEqualTo(2);
        assertThat(completed.get("conclusion").asText()).isEqualTo("success");
        github.assertNoViolations();
    }

    @Test
    void dispatchesAreRecordedAndRefusedWithoutTheTrigger() throws Exception {
        repo.workflow(161400, "Regenerate", ".github/workflows/regenerate.yml").dispatchable();
        GHRepository hello = asInstallation().getRepository("octo-org/hello");
        String token = token(Map.of("actions", GHPermissionType.WRITE));

        hello.getWorkflow("regenerate.yml").dispatch("main", Map.of("context", "petstore"));
        var notDispatchable = send("POST", "/repos/octo-org/hello/actions/workflows/ci.yml/dispatches", token,
                "{\"ref\": \"main\"}");
        var unknown = send("POST", "/repos/octo-org/hello/actions/workflows/nope.yml/dispatches", token,
                "{\"ref\": \"main\"}");

        assertThat(repo.dispatches()).singleElement().satisfies(dispatch -> {
            assertThat(dispatch.workflowId()).isEqualTo(161400);
            assertThat(dispatch.ref()).isEqualTo("main");
            assertThat(dispatch.inputs()).containsExactly(Map.entry("context", "petstore"));
            assertThat(repo.workflowRun(dispatch.runId()).event()).isEqualTo("workflow_dispatch");
        });
        assertThat(notDispatchable.statusCode()).isEqualTo(422);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> hello.getWorkflow("nope.yml")).isInstanceOf(GHFileNotFoundException.class);
        github.assertNoViolations();
    }

    @Test
    void readingActionsNeedsTheActionsPermission() throws Exception {
        GHRepository hello = asInstallation(token(Map.of("checks", GHPermissionType.WRITE)))
                .getRepository("octo-org/hello");

        assertThatThrownBy(() -> hello.getWorkflowRun(run.id())).isInstanceOfSatisfying(HttpException.class,
                refused -> assertThat(refused.getResponseCode()).isEqualTo(403));
    }

    /** A log of any size, made up as it is read. */
    static final class RepeatedLine extends InputStream {
        private static final byte[] LINE = "2024-01-02T03:04:05.0000000Z [INFO] Downloading artifact\n"
                .getBytes(StandardCharsets.UTF_8);
        private long remaining;

        RepeatedLine(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int count = (int) Math.min(length, remaining);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = LINE[(int) ((remaining - i) % LINE.length)];
            }
            remaining -= count;
            return count;
        }
    }
}
