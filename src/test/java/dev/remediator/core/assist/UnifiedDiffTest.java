package dev.remediator.core.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    private static final String CALC = """
            package demo;

            class Calc {
                int add(int a, int b) {
                    return a - b;
                }

                int twice(int a) {
                    return a + a;
                }
            }
            """;

    private static final String FIX = """
            diff --git a/src/main/java/demo/Calc.java b/src/main/java/demo/Calc.java
            --- a/src/main/java/demo/Calc.java
            +++ b/src/main/java/demo/Calc.java
            @@ -3,5 +3,5 @@ package demo;
             class Calc {
                 int add(int a, int b) {
            -        return a - b;
            +        return a + b;
                 }
             
            """;

    @Test
    void aHunkWhoseContextMatchesChangesOnlyItsLines() throws Exception {
        UnifiedDiff diff = UnifiedDiff.parse(FIX);

        assertThat(diff.paths()).containsExactly("src/main/java/demo/Calc.java");
        assertThat(diff.linesAdded()).isEqualTo(1);
        assertThat(diff.linesRemoved()).isEqualTo(1);
        assertThat(diff.apply(Map.of("src/main/java/demo/Calc.java", CALC)))
                .containsExactly(Map.entry("src/main/java/demo/Calc.java", CALC.replace("a - b", "a + b")));
    }

    @Test
    void twoHunksApplyInOrderAndKeepTheFileWithoutItsFinalNewline() throws Exception {
        String file = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine";
        String diff = """
                --- a/list.txt
                +++ b/list.txt
                @@ -1,2 +1,2 @@
                -one
                +ONE
                 two
                @@ -8,2 +8,3 @@
                 eight
                 nine
                +ten
                \\ No newline at end of file
                """;

        assertThat(UnifiedDiff.parse(diff).apply(Map.of("list.txt", file)).get("list.txt"))
                .isEqualTo("ONE\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten");
    }

    @Test
    void contextThatDiffersFromTheFileIsRefusedWithItsLine() throws Exception {
        UnifiedDiff diff = UnifiedDiff.parse(FIX);

        assertThatThrownBy(() -> diff.apply(Map.of("src/main/java/demo/Calc.java", CALC.replace("int add", "long add"))))
                .isInstanceOf(UnifiedDiff.Refused.class)
                .hasMessage("a hunk of src/main/java/demo/Calc.java does not match the file at line 3: its context "
                        + "differs from the file at the failing commit");
    }

    @Test
    void aHunkAtAnotherLineThanItSaysIsRefusedNotSearchedFor() throws Exception {
        UnifiedDiff diff = UnifiedDiff.parse(FIX.replace("@@ -3,5 +3,5 @@", "@@ -4,5 +4,5 @@"));

        assertThatThrownBy(() -> diff.apply(Map.of("src/main/java/demo/Calc.java", CALC)))
                .isInstanceOf(UnifiedDiff.Refused.class).hasMessageContaining("does not match the file at line 4");
    }

    @Test
    void countsThatDisagreeWithTheLinesAreRefused() {
        assertThatThrownBy(() -> UnifiedDiff.parse(FIX.replace("@@ -3,5 +3,5 @@", "@@ -3,6 +3,5 @@")))
                .isInstanceOf(UnifiedDiff.Refused.class)
                .hasMessage("a hunk of src/main/java/demo/Calc.java says 6 old and 5 new lines but has 5 and 5");
    }

    @Test
    void newDeletedRenamedAndOutsideFilesAreRefused() {
        assertThatThrownBy(() -> UnifiedDiff.parse("--- /dev/null\n+++ b/New.java\n@@ -0,0 +1 @@\n+class New {}\n"))
                .hasMessage("it creates or deletes a file: a fix changes existing files only");
        assertThatThrownBy(() -> UnifiedDiff.parse("--- a/A.java\n+++ b/B.java\n@@ -1 +1 @@\n-a\n+b\n"))
                .hasMessage("it renames A.java to B.java: a fix changes files in place");
        assertThatThrownBy(() -> UnifiedDiff.parse("--- a/../etc/passwd\n+++ b/../etc/passwd\n@@ -1 +1 @@\n-a\n+b\n"))
                .hasMessage("the path a/../etc/passwd is not inside the repository");
        assertThatThrownBy(() -> UnifiedDiff.parse("just words")).hasMessage("no file changes in the diff");
    }

    @Test
    void aFileTheDiffWasNotGivenIsRefused() throws Exception {
        UnifiedDiff diff = UnifiedDiff.parse(FIX);

        assertThatThrownBy(() -> diff.apply(Map.of()))
                .hasMessage("it changes src/main/java/demo/Calc.java, a file it was not given");
    }
}
