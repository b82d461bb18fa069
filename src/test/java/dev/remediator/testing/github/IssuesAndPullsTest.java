package dev.remediator.testing.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.ReactionContent;

class IssuesAndPullsTest extends FakeGitHubTestBase {

    static final String FIX_BRANCH = "remediator/revert/ci-1a2b3c4d";

    @Test
    void aDraftPullRequestFromABranchBuiltByTheApp() throws Exception {
        repo.commit(FIX_BRANCH, "Revert \"Break the build\"", "remediator[bot]", Map.of("README.md", "# hi\n"));
        GHRepository hello = asInstallation().getRepository("octo-org/hello");

        GHPullRequest pull = hello.createPullRequest("fix(ci): revert \"Break the build\"", FIX_BRANCH, "main",
                "What, why, evidence", false, true);

        assertThat(pull.isDraft()).isTrue();
        assertThat(pull.getHead().getRef()).isEqualTo(FIX_BRANCH);
        assertThat(repo.pullRequests()).singleElement().satisfies(written -> {
            assertThat(written.isDraft()).isTrue();
            assertThat(written.issue().author()).isEqualTo("remediator[bot]");
            assertThat(written.baseRef()).isEqualTo("main");
        });
        assertThat(hello.queryPullRequests().head("octo-org:" + FIX_BRANCH).base("main").state(GHIssueState.OPEN)
                .list().toList()).extracting(GHPullRequest::getNumber).containsExactly(pull.getNumber());
        assertThat(pull.listFiles().toList()).extracting(file -> file.getFilename()).containsExactly("README.md");

        assertThatThrownBy(() -> hello.createPullRequest("again", FIX_BRANCH, "main", "", false, true))
                .isInstanceOfSatisfying(HttpException.class, refused -> {
                    assertThat(refused.getResponseCode()).isEqualTo(422);
                    assertThat(refused.getMessage()).contains("A pull request already exists");
                });
        assertThatThrownBy(() -> hello.createPullRequest("missing", "no-such-branch", "main", "", false, true))
                .isInstanceOfSatisfying(HttpException.class,
                        refused -> assertThat(refused.getResponseCode()).isEqualTo(422));
        github.assertNoViolations();
    }

    @Test
    void aPullRequestFromAForkShowsTheForkAsItsHead() throws Exception {
        String forkCommit = repo.commit("fork-work", "Change from a fork", "mallory", Map.of("x.txt", "x\n"));
        repo.pullRequestFromFork(12, "mallory/hello", "patch-1", forkCommit, "main");

        GHPullRequest pull = asInstallation().getRepository("octo-org/hello").getPullRequest(12);

        assertThat(pull.getHead().getRepository().getFullName()).isEqualTo("mallory/hello");
        assertThat(pull.getHead().getRepository().isFork()).isTrue();
        assertThat(pull.getHead().getSha()).isEqualTo(forkCommit);
        github.assertNoViolations();
    }

    @Test
    void aStickyCommentIsEditedInPlaceAndCommandsGetReactions() throws Exception {
        repo.commit("feature", "Feature", "carol", Map.of("f.txt", "f\n"));
        repo.pullRequest(7, "feature", "main", "carol");
        IssueComment command = repo.comment(7, "carol", "/remediator approve");
        GHRepository hello = asInstallation().getRepository("octo-org/hello");

        GHIssueComment sticky = hello.getIssue(7).comment("<!-- remediator -->\nAnalysing");
        sticky.update("<!-- remediator -->\nTEST failure in AppTest#adds");
        hello.getIssue(7).getComments().stream().filter(comment -> comment.getId() == command.id()).findFirst()
                .orElseThrow().createReaction(ReactionContent.EYES);
        hello.getIssue(7).addLabels("remediator", "auto-generated");

        assertThat(repo.comments(7)).hasSize(2);
        IssueComment written = repo.comments(7).get(1);
        assertThat(written.author()).isEqualTo("remediator[bot]");
        assertThat(written.bodies()).containsExactly("<!-- remediator -->\nAnalysing",
                "<!-- remediator -->\nTEST failure in AppTest#adds");
        assertThat(repo.reactions()).singleElement().satisfies(reaction -> {
            assertThat(reaction.commentId()).isEqualTo(command.id());
            assertThat(reaction.content()).isEqualTo("eyes");
        });
        assertThat(repo.issues().get(0).labels()).containsExactlyInAnyOrder("remediator", "auto-generated");
        github.assertNoViolations();
    }

    @Test
    void labelsAreCreatedOnceAndReadBack() throws Exception {
        String token = token(Map.of("issues", GHPermissionType.WRITE));
        String label = "{\"name\": \"remediator\", \"color\": \"5319e7\", \"description\": \"Opened by Remediator\"}";

        assertThat(send("POST", "/repos/octo-org/hello/labels", token, label).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/repos/octo-org/hello/labels", token, label).statusCode()).isEqualTo(422);
        assertThat(send("GET", "/repos/octo-org/hello/labels/remediator", token, null).body())
                .contains("\"color\":\"5319e7\"");
        assertThat(send("GET", "/repos/octo-org/hello/labels/nope", token, null).statusCode()).isEqualTo(404);
    }

    @Test
    void collaboratorPermissionGivesPermissionAndRole() throws Exception {
        repo.collaborator("alice", "maintain").privateRepository(true);
        String token = token(Map.of("metadata", GHPermissionType.READ));

        var alice = Json.parse(send("GET", "/repos/octo-org/hello/collaborators/alice/permission", token, null).body());
        var stranger = Json.parse(send("GET", "/repos/octo-org/hello/collaborators/zed/permission", token, null)
                .body());

        assertThat(alice.get("permission").asText()).isEqualTo("write");
        assertThat(alice.get("role_name").asText()).isEqualTo("maintain");
        assertThat(stranger.get("permission").asText()).isEqualTo("none");
        assertThat(asInstallation(token).getRepository("octo-org/hello").getPermission("alice"))
                .isEqualTo(GHPermissionType.WRITE);
        github.assertNoViolations();
    }
}
