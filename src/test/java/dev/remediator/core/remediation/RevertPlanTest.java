package dev.remediator.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.remediator.core.history.CommitChange;
import dev.remediator.core.history.CommitChange.ChangedFile;
import dev.remediator.core.remediation.RevertPlan.TreeChange;
import dev.remediator.core.remediation.RevertPlan.TreeEntry;

class RevertPlanTest {

    private static final CommitChange CULPRIT = new CommitChange("c0ffee1234", "Rework parsing", "alice", List.of(
            new ChangedFile("src/Parser.java", "modified", null, 5, 5),
            new ChangedFile("src/NewLexer.java", "added", null, 40, 0),
            new ChangedFile("src/OldLexer.java", "removed", null, 0, 30),
            new ChangedFile("src/Tokens.java", "renamed", "src/Token.java", 1, 1)));

    private static final Map<String, TreeEntry> PARENT = Map.of(
            "src/Parser.java", new TreeEntry("src/Parser.java", "100644", "aaa"),
            "src/OldLexer.java", new TreeEntry("src/OldLexer.java", "100755", "bbb"),
            "src/Token.java", new TreeEntry("src/Token.java", "100644", "ccc"));

    @Test
    void everyTouchedFileReturnsToItsParentState() throws Exception {
        RevertPlan.Plan plan = RevertPlan.plan(CULPRIT, PARENT, Set.of("README.md"), true);

        assertThat(plan.changes()).containsExactly(
                new TreeChange("src/Parser.java", "100644", "aaa"),
                new TreeChange("src/NewLexer.java", "100644", null),
                new TreeChange("src/OldLexer.java", "100755", "bbb"),
                new TreeChange("src/Tokens.java", "100644", null),
                new TreeChange("src/Token.java", "100644", "ccc"));
        assertThat(plan.commitMessage()).isEqualTo("Revert \"Rework parsing\"\n\nThis reverts commit c0ffee1234.\n");
    }

    @Test
    void refusedWhenALaterCommitTouchedTheSameFiles() {
        assertThatThrownBy(() -> RevertPlan.plan(CULPRIT, PARENT, Set.of("src/Parser.java", "docs/x.md"), true))
                .isInstanceOf(RevertPlan.RefusedException.class)
                .hasMessage("later commits changed src/Parser.java after c0ffee1");
    }

    @Test
    void refusedWhenGitHubListedOnlyPartOfTheChanges() {
        assertThatThrownBy(() -> RevertPlan.plan(CULPRIT, PARENT, Set.of(), false))
                .isInstanceOf(RevertPlan.RefusedException.class)
                .hasMessageContaining("GitHub lists only part of the files changed by c0ffee1");
    }

    @Test
    void refusedWhenTheParentLacksAFileToPutBack() {
        assertThatThrownBy(() -> RevertPlan.plan(CULPRIT, Map.of(), Set.of(), true))
                .isInstanceOf(RevertPlan.RefusedException.class)
                .hasMessageContaining("src/Parser.java is not in the parent commit's tree");
    }
}
