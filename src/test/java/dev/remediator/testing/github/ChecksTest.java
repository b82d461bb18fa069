package dev.remediator.testing.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder.Action;
import org.kohsuke.github.GHCheckRunBuilder.Annotation;
import org.kohsuke.github.GHCheckRunBuilder.Output;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.HttpException;

import com.fasterxml.jackson.databind.JsonNode;

class ChecksTest extends FakeGitHubTestBase {

    @Test
    void aCheckRunWithThreeButtonsAndAnnotationsAppendedOverTwoUpdates() throws Exception {
        GHRepository hello = asInstallation().getRepository("octo-org/hello");

        GHCheckRun created = hello.createCheckRun("Remediator", firstCommit)
                .withStatus(GHCheckRun.Status.IN_PROGRESS)
                .add(new Output("TEST failure, risk 4", "Analysing").add(new Annotation("src/main/java/App.java", 1,
                        GHCheckRun.AnnotationLevel.FAILURE, "expected 2 but was 3")))
                .add(new Action("Approve", "Open the fix as a draft PR", "approve"))
                .add(new Action("Reject", "Do nothing", "reject"))
                .add(new Action("Re-analyse", "Read the logs again", "reanalyse"))
                .create();
        hello.updateCheckRun(created.getId()).add(new Output("TEST failure, risk 4", "Batch 2")
                .add(new Annotation("README.md", 1, GHCheckRun.AnnotationLevel.WARNING, "second"))).create();
        hello.updateCheckRun(created.getId()).withConclusion(GHCheckRun.Conclusion.ACTION_REQUIRED)
                .add(new Output("TEST failure, risk 4", "Awaiting approval")
                        .add(new Annotation("README.md", 1, GHCheckRun.AnnotationLevel.NOTICE, "third")))
                .create();

        CheckRun written = repo.checkRuns().get(0);
        assertThat(written.updates()).hasSize(3);
        assertThat(written.annotations()).extracting(annotation -> annotation.get("message").asText())
                .containsExactly("expected 2 but was 3", "second", "third");
        assertThat(written.actions()).extracting(action -> action.get("identifier").asText())
                .containsExactly("approve", "reject", "reanalyse");
        assertThat(written.summary()).isEqualTo("Awaiting approval");
        assertThat(written.status()).isEqualTo("completed");
        assertThat(written.conclusion()).isEqualTo("action_required");

        String token = token(java.util.Map.of("checks", org.kohsuke.github.GHPermissionType.READ));
        JsonNode annotations = Json.parse(send("GET", "/repos/octo-org/hello/check-runs/" + created.getId()
                + "/annotations", token, null).body());
        JsonNode forRef = Json.parse(send("GET", "/repos/octo-org/hello/commits/main/check-runs?check_name=Remediator",
                token, null).body());
        assertThat(annotations).hasSize(3);
        assertThat(forRef.get("total_count").asInt()).isEqualTo(1);
        assertThat(forRef.at("/check_runs/0/output/annotations_count").asInt()).isEqualTo(3);
        github.assertNoViolations();
    }

    @Test
    void aButtonLabelOfTwentyOneCharactersIsAViolation() throws Exception {
        GHRepository hello = asInstallation().getRepository("octo-org/hello");

        assertThatThrownBy(() -> hello.createCheckRun("Remediator", firstCommit)
                .add(new Action("Approve this fix now!", "Open the fix", "approve")).create())
                .isInstanceOfSatisfying(HttpException.class,
                        refused -> assertThat(refused.getResponseCode()).isEqualTo(422));

        assertThat(repo.checkRuns()).isEmpty();
        assertThat(github.violations()).singleElement()
                .satisfies(violation -> assertThat(violation.problems().toString()).contains("/actions/0/label"));
        assertThatThrownBy(github::assertNoViolations).isInstanceOf(AssertionError.class);
    }

    @Test
    void aCompletedCheckRunNeedsAConclusionAndAKnownCommit() throws Exception {
        String token = token(java.util.Map.of("checks", org.kohsuke.github.GHPermissionType.WRITE));

        var noConclusion = send("POST", "/repos/octo-org/hello/check-runs", token,
                "{\"name\": \"Drift\", \"head_sha\": \"" + firstCommit + "\", \"status\": \"completed\"}");
        var unknownCommit = send("POST", "/repos/octo-org/hello/check-runs", token,
                "{\"name\": \"Drift\", \"head_sha\": \"" + "0".repeat(40) + "\"}");

        assertThat(noConclusion.statusCode()).isEqualTo(422);
        assertThat(unknownCommit.statusCode()).isEqualTo(422);
        assertThat(repo.checkRuns()).isEmpty();
    }
}
