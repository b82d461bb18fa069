package dev.remediator.testing.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHCompare;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTree;
import org.kohsuke.github.GHTreeEntry;
import org.kohsuke.github.HttpException;

import com.fasterxml.jackson.databind.JsonNode;

/** The SHAs below are what git itself gives the same content (`git hash-object`, `write-tree`, `commit-tree`). */
class GitDataTest extends FakeGitHubTestBase {

    static final String HELLO_WORLD_BLOB = "3b18e512dba79e4c8300dd08aeb37f8e728b8dad";
    static final String FIRST_TREE = "9d98b480cf04db5ae34dbd4d8e02b2e53418eb07";
    static final String EDITED_TREE = "44405670b161cde858573b63a8c5ca01f13d2926";
    static final String ROOT_COMMIT = "267db4e72c2bf3f12f93058e1cdc3a7033c1c229";

    @Test
    void blobTreeCommitRefAndCompareHaveGitsShas() throws Exception {
        GHRepository hello = asInstallation().getRepository("octo-org/hello");

        String blob = hello.createBlob().textContent("hello world\n").create().getSha();
        String baseTree = hello.getCommit(firstCommit).getTree().getSha();
        GHTree edited = hello.createTree().baseTree(baseTree).add("docs/guide.md", "hello world\n", false)
                .delete("README.md").create();
        String commit = hello.createCommit().message("Add the guide").tree(edited.getSha()).parent(firstCommit)
                .create().getSHA1();
        hello.createRef("refs/heads/guide", commit);
        GHCompare compare = hello.getCompare("main", "guide");

        assertThat(blob).isEqualTo(HELLO_WORLD_BLOB);
        assertThat(baseTree).isEqualTo(FIRST_TREE);
        assertThat(edited.getSha()).isEqualTo(EDITED_TREE);
        assertThat(repo.branchHead("guide")).contains(commit);
        assertThat(repo.file("guide", "docs/guide.md")).contains("hello world\n");
        assertThat(repo.file("guide", "README.md")).isEmpty();
        assertThat(compare.getStatus()).isEqualTo(GHCompare.Status.ahead);
        assertThat(compare.getAheadBy()).isEqualTo(1);
        assertThat(compare.getCommits()).extracting(GHCompare.Commit::getSHA1).containsExactly(commit);
        assertThat(compare.getFiles()).extracting(file -> file.getFileName() + " " + file.getStatus())
                .containsExactlyInAnyOrder("docs/guide.md added", "README.md removed");
        github.assertNoViolations();
    }

    @Test
    void aCommitWithAGivenAuthorAndDateHasTheShaGitGives() throws Exception {
        String token = token(Map.of("contents", org.kohsuke.github.GHPermissionType.WRITE));
        GHRepository hello = asInstallation(token).getRepository("octo-org/hello");
        String base = hello.getCommit(firstCommit).getTree().getSha();
        String tree = hello.createTree().baseTree(base).add("docs/guide.md", "hello world\n", false)
                .delete("README.md").create().getSha();

        var created = send("POST", "/repos/octo-org/hello/git/commits", token, """
                {"message": "Add the guide\\n", "tree": "%s",
                 "author": {"name": "Mona Octocat", "email": "octocat@github.com", "date": "2024-01-02T03:04:05+02:00"}}
                """.formatted(tree));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Json.parse(created.body()).get("sha").asText()).isEqualTo(ROOT_COMMIT);
        github.assertNoViolations();
    }

    @Test
    void theRecursiveTreeListsEveryEntryAndIsNotTruncated() throws Exception {
        GHTree tree = asInstallation().getRepository("octo-org/hello").getTreeRecursive("main", 1);

        assertThat(tree.getTree()).extracting(GHTreeEntry::getPath).containsExactly("README.md", "src", "src/main",
                "src/main/java", "src/main/java/App.java");
        assertThat(tree.isTruncated()).isFalse();
        assertThat(tree.getSha()).isEqualTo(FIRST_TREE);
    }

    @Test
    void refsMoveOnlyForwardUnlessForced() throws Exception {
        String token = token(Map.of("contents", org.kohsuke.github.GHPermissionType.WRITE));
        String second = repo.commit("main", "Second", "alice", Map.of("b.txt", "b\n"));
        GHRepository hello = asInstallation(token).getRepository("octo-org/hello");
        var topic = hello.createRef("refs/heads/topic", second);

        assertThatThrownBy(() -> topic.updateTo(firstCommit))
                .isInstanceOfSatisfying(HttpException.class, refused -> {
                    assertThat(refused.getResponseCode()).isEqualTo(422);
                    assertThat(refused.getMessage()).contains("Update is not a fast forward");
                });
        topic.updateTo(firstCommit, true);
        JsonNode ref = Json.parse(send("GET", "/repos/octo-org/hello/git/ref/heads/topic", token, null).body());
        var matching = Json.parse(send("GET", "/repos/octo-org/hello/git/matching-refs/heads/", token, null).body());
        var deleted = send("DELETE", "/repos/octo-org/hello/git/refs/heads/topic", token, null);

        assertThat(ref.at("/object/sha").asText()).isEqualTo(firstCommit);
        assertThat(matching.findValuesAsText("ref")).containsExactly("refs/heads/main", "refs/heads/topic");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(repo.refs()).doesNotContainKey("refs/heads/topic");
    }

    @Test
    void hub4jsGetRefUsesAnEndpointOutsideTheDescription() throws Exception {
        GHRepository hello = asInstallation().getRepository("octo-org/hello");

        // hub4j reads `GET /git/refs/{ref}`; GitHub's description has `GET /git/ref/{ref}` (read it with HTTP)
        assertThatThrownBy(() -> hello.getRef("heads/main")).isInstanceOf(GHFileNotFoundException.class);
        assertThat(github.violations()).singleElement()
                .satisfies(violation -> assertThat(violation.path()).endsWith("/git/refs/heads/main"));
    }

    @Test
    void protectedBranchesRefuseUpdates() throws Exception {
        String token = token(Map.of("contents", org.kohsuke.github.GHPermissionType.WRITE));
        repo.protectBranch("main");
        String second = repo.commit("topic", "Second", "alice", Map.of("b.txt", "b\n"));

        var refused = send("PATCH", "/repos/octo-org/hello/git/refs/heads/main", token,
                "{\"sha\": \"" + second + "\"}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(repo.branchHead("main")).contains(firstCommit);
    }

    @Test
    void commitsListFollowsHistoryAndFiltersByPath() throws Exception {
        repo.commit("main", "Docs", "bob", Map.of("docs/a.md", "a\n"));
        String third = repo.commit("main", "Code", "carol", Map.of("src/main/java/App.java", "class App { }\n"));
        GHRepository hello = asInstallation().getRepository("octo-org/hello");

        List<String> touchingApp = hello.queryCommits().path("src/main/java/App.java").list().toList().stream()
                .map(commit -> commit.getSHA1()).toList();
        List<String> all = hello.queryCommits().from("main").pageSize(1).list().toList().stream()
                .map(commit -> commit.getSHA1()).toList();
        var fileChanges = hello.getCommit(third).listFiles().toList();

        assertThat(touchingApp).containsExactly(third, firstCommit);
        assertThat(all).hasSize(3).startsWith(third).endsWith(firstCommit);
        assertThat(fileChanges).singleElement().satisfies(file -> {
            assertThat(file.getFileName()).isEqualTo("src/main/java/App.java");
            assertThat(file.getLinesAdded()).isEqualTo(1);
            assertThat(file.getLinesDeleted()).isEqualTo(1);
        });
        github.assertNoViolations();
    }
}
