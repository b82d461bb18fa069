package dev.remediator.assist;

import static dev.remediator.assist.ModelScenarios.CALC;
import static dev.remediator.assist.ModelScenarios.CALC_SOURCE;
import static dev.remediator.assist.ModelScenarios.checkRunOf;
import static dev.remediator.assist.ModelScenarios.compileLog;
import static dev.remediator.assist.ModelScenarios.failedRun;
import static dev.remediator.assist.ModelScenarios.project;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.remediator.core.assist.ModelPrompts;
import dev.remediator.testing.CiScenario;
import dev.remediator.testing.github.CheckRun;
import dev.remediator.testing.github.GitObjects;
import dev.remediator.testing.github.PullRequest;
import dev.remediator.testing.github.WorkflowRun;
import dev.remediator.testing.llm.FakeModelServer;
import dev.remediator.testing.llm.ModelEndToEndTest;
import dev.remediator.testing.llm.WithModel;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A repository that opted in to model-written fixes gets a diff for a compile error as a proposal that waits for a
 * person, and, approved, a draft pull request with exactly that diff; a diff that weakens tests or CI is refused with
 * the reason.
 */
@QuarkusTest
@TestProfile(WithModel.class)
class ModelFixTest extends ModelEndToEndTest {

    private static final String FIX = "llm: { fix: true }\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ADD_FIX = """
            --- a/src/main/java/demo/Calc.java
            +++ b/src/main/java/demo/Calc.java
            @@ -4,3 +4,3 @@ class Calc {
                 int add(int a, int b) {
            -        return a - b + offset;
            +        return a + b;
                 }
            """;

    private static String answer(String explanation, String diff) {
        return JSON.createObjectNode().put("explanation", explanation).put("diff", diff).toString();
    }

    @Test
    void aProposedFixApprovedByAWriterIsADraftWhoseTreeHasExactlyTheDiffApplied() throws Exception {
        CiScenario ci = scenario("model-fix").config(FIX);
        String sha = project(ci);
        WorkflowRun run = proposedFix(ci, sha, "offset is declared nowhere, and add subtracted");

        CheckRun check = checkRunOf(ci, run);
        assertThat(check.title()).startsWith("Compilation failure · fix awaiting approval · risk ");
        assertThat(Double.parseDouble(check.title().replaceAll(".* risk ", ""))).as("never below 6").isGreaterThanOrEqualTo(6);
        assertThat(check.conclusion()).isEqualTo("action_required");
        assertThat(CiScenario.plain(check.summary())).contains("A language model (`fake-gpt`) proposes this fix",
                "offset is declared nowhere, and add subtracted", "It changes 2 lines (+1 −1) in `" + CALC + "`",
                "-        return a - b + offset;");
        FakeModelServer.Request request = model.requests().get(0);
        assertThat(request.system()).isEqualTo(ModelPrompts.FIX);
        JsonNode sent = JSON.readTree(request.user());
        assertThat(sent.path("files").size()).isEqualTo(1);
        assertThat(sent.path("files").path(0).path("path").asText()).isEqualTo(CALC);
        assertThat(sent.path("files").path(0).path("content").asText()).as("the file at the failing commit")
                .isEqualTo(CALC_SOURCE);
        assertThat(request.body().path("response_format").path("json_schema").path("name").asText()).isEqualTo("failure_fix");

        ci.repo.collaborator("writer-wes", "write");
        ci.deliver(ci.click(check.id(), check.actions().get(0).path("identifier").asText(), "writer-wes"));

        PullRequest pull = ci.repo.pullRequests().stream().filter(p -> p.headRef().startsWith("remediator/fix/"))
                .findFirst().orElseThrow();
        assertThat(pull.isDraft()).isTrue();
        assertThat(pull.baseRef()).isEqualTo("feature");
        assertThat(CiScenario.plain(pull.body())).contains("written by a language model: 1 file, +1 −1 lines",
                "offset is declared nowhere, and add subtracted", "How to undo", "Audit id");
        Map<String, GitObjects.TreeEntry> before = new HashMap<>(ci.repo.git().flatten(ci.repo.git().commit(sha)
                .orElseThrow().tree()));
        Map<String, GitObjects.TreeEntry> after = new HashMap<>(ci.repo.git().flatten(ci.repo.git()
                .commit(pull.headSha()).orElseThrow().tree()));
        assertThat(ci.repo.file(pull.headRef(), CALC)).contains(CALC_SOURCE.replace("return a - b + offset;", "return a + b;"));
        before.remove(CALC);
        after.remove(CALC);
        assertThat(after).as("nothing else changed").isEqualTo(before);
        assertThat(checkRunOf(ci, run).title()).contains("fix done");
        String fix = "outcomes.actions.find { it.action == 'fix' }.";
        JsonPath outcomes = given().header("Authorization", "Bearer test-api-token")
                .queryParam("repository", ci.repo.fullName()).queryParam("days", 1).get("/api/metrics")
                .then().statusCode(200).extract().jsonPath();
        assertThat(outcomes.getInt(fix + "proposed")).isEqualTo(1);
        assertThat(outcomes.getInt(fix + "approved")).isEqualTo(1);
        assertThat(outcomes.getInt(fix + "pullRequestsOpened")).isEqualTo(1);
    }

    @Test
    void anApprovedFixThatNoLongerAppliesToTheBranchOpensNothingAndSaysWhy() {
        CiScenario ci = scenario("model-fix-stale").config(FIX);
        WorkflowRun run = proposedFix(ci, project(ci), "add subtracted");
        CheckRun check = checkRunOf(ci, run);
        assertThat(check.title()).contains("fix awaiting approval");

        // someone fixed it by hand meanwhile
        ci.repo.commit("feature", "Fix add", "alice", Map.of(CALC, CALC_SOURCE.replace("a - b + offset", "b + a")));
        ci.repo.collaborator("writer-wes", "write");
        ci.deliver(ci.click(check.id(), check.actions().get(0).path("identifier").asText(), "writer-wes"));

        assertThat(ci.repo.pullRequests()).isEmpty();
        assertThat(CiScenario.plain(checkRunOf(ci, run).summary())).contains("Not done: the diff no longer applies to "
                + "feature: a hunk of " + CALC + " does not match the file at line 4");
    }

    /** A failed run on the branch "feature" for which the model answers with {@link #ADD_FIX}, delivered. */
    private WorkflowRun proposedFix(CiScenario ci, String sha, String explanation) {
        model.answer(answer(explanation, ADD_FIX));
        WorkflowRun run = failedRun(ci, sha, "feature", compileLog(ci));
        ci.deliver(ci.completed(run));
        return run;
    }

    @Test
    void aDiffThatDeletesAnAssertionOrTouchesGithubIsRefusedWithTheReason() {
        Map<String, String> refusals = Map.of("""
                --- a/src/main/java/demo/Calc.java
                +++ b/src/main/java/demo/Calc.java
                @@ -8,4 +8,3 @@ class Calc {
                     int twice(int a) {
                -        assert a >= 0;
                         return a + a;
                     }
                """, "the model's fix is refused: it deletes 1 assertion (assert a &gt;= 0;)", """
                --- a/.github/workflows/ci.yml
                +++ b/.github/workflows/ci.yml
                @@ -1,1 +1,2 @@
                 name: CI
                +continue-on-error: true
                """, "the model's fix is refused: it edits .github/workflows/ci.yml: a model's fix never touches .github/");
        refusals.forEach((diff, reason) -> {
            CiScenario ci = scenario("model-fix-refused").config(FIX);
            model.answer(answer("make the build pass", diff));
            WorkflowRun run = failedRun(ci, project(ci), "feature", compileLog(ci));

            ci.deliver(ci.completed(run));

            CheckRun check = checkRunOf(ci, run);
            assertThat(check.title()).contains("fix skipped");
            assertThat(CiScenario.plain(check.summary())).contains("Not done: " + reason);
            assertThat(check.actions()).as("nothing to approve").isEmpty();
            assertThat(ci.repo.pullRequests()).isEmpty();
        });
        assertThat(model.requests()).hasSize(2);
    }
}
