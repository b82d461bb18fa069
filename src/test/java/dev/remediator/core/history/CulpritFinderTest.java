package dev.remediator.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.remediator.core.history.CommitChange.ChangedFile;
import dev.remediator.core.history.CulpritFinder.FailureTraces;

class CulpritFinderTest {

    private final CulpritFinder finder = new CulpritFinder();

    private static CommitChange commit(String sha, String... paths) {
        List<ChangedFile> files = new ArrayList<>();
        for (String path : paths) {
            files.add(new ChangedFile(path, "modified", null, 3, 1));
        }
        return new CommitChange(sha, "change " + sha, "dev-" + sha, files);
    }

    private static FailureTraces traces(List<String> tests, List<String> locations) {
        return new FailureTraces(tests, locations);
    }

    @Test
    void theOnlyCommitBetweenGreenAndRedIsTheCulpritWithHighConfidence() {
        CommitChange only = commit("a1", "README.md");
        Culprit culprit = finder.find(List.of(only), traces(List.of(), List.of())).orElseThrow();

        assertThat(culprit.commit()).isEqualTo(only);
        assertThat(culprit.confidence()).isGreaterThanOrEqualTo(0.9);
        assertThat(culprit.candidates()).isEqualTo(1);
    }

    @Test
    void amongSeveralTheCommitThatTouchesTheFailingTestsCodeWins() {
        List<CommitChange> commits = List.of(
                commit("a1", "docs/guide.md"),
                commit("a2", "src/main/java/com/acme/Parser.java"),
                commit("a3", "build.gradle"));
        Culprit culprit = finder.find(commits, traces(List.of("com.acme.ParserTest#parsesDates"), List.of()))
                .orElseThrow();

        assertThat(culprit.commit().sha()).isEqualTo("a2");
        assertThat(culprit.reasons().get(0)).contains("Parser.java", "covers", "com.acme.ParserTest#parsesDates");
    }

    @Test
    void aLocationInAChangedFileWeighsMoreThanATestName() {
        List<CommitChange> commits = List.of(
                commit("a1", "src/test/java/com/acme/ParserTest.java"),
                commit("a2", "src/main/java/com/acme/Lexer.java"));
        Culprit culprit = finder.find(commits, traces(List.of("com.acme.ParserTest#parsesDates"),
                List.of("src/main/java/com/acme/Lexer.java"))).orElseThrow();

        assertThat(culprit.commit().sha()).isEqualTo("a2");
    }

    @Test
    void confidenceFallsAsCandidatesGrow() {
        FailureTraces traces = traces(List.of(), List.of("lib/core.py"));
        List<CommitChange> two = List.of(commit("a1", "x.txt"), commit("a2", "lib/core.py"));
        List<CommitChange> eight = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            eight.add(commit("b" + i, "other" + i + ".txt"));
        }
        eight.add(commit("b7", "lib/core.py"));

        double fromTwo = finder.find(two, traces).orElseThrow().confidence();
        double fromEight = finder.find(eight, traces).orElseThrow().confidence();
        assertThat(fromTwo).isGreaterThan(fromEight);
        assertThat(fromEight).isLessThan(0.7);
    }

    @Test
    void evidenceSharedByTwoCommitsLowersConfidence() {
        FailureTraces traces = traces(List.of(), List.of("lib/core.py"));
        double alone = finder.find(List.of(commit("a1", "x.txt"), commit("a2", "lib/core.py")), traces).orElseThrow()
                .confidence();
        double shared = finder.find(List.of(commit("a1", "lib/core.py"), commit("a2", "lib/core.py")), traces)
                .orElseThrow().confidence();
        assertThat(shared).isLessThan(alone);
    }

    @Test
    void noEvidenceAmongSeveralCommitsNamesNoOne() {
        assertThat(finder.find(List.of(commit("a1", "x.txt"), commit("a2", "y.txt")),
                traces(List.of("com.acme.ParserTest#parses"), List.of("lib/core.py")))).isEmpty();
    }

    @Test
    void tooWideAHistoryNamesNoOne() {
        List<CommitChange> many = new ArrayList<>();
        for (int i = 0; i <= CulpritFinder.MAX_CANDIDATES; i++) {
            many.add(commit("c" + i, "lib/core.py"));
        }
        assertThat(finder.find(many, traces(List.of(), List.of("lib/core.py")))).isEmpty();
        assertThat(finder.find(List.of(), traces(List.of(), List.of()))).isEmpty();
    }

    @Test
    void pythonGoAndJestTestNamesMeetTheirFiles() {
        assertThat(finder.find(List.of(commit("a1", "README.md"), commit("a2", "pkg/io/reader.py")),
                traces(List.of("tests/test_reader.py::test_reads_utf8"), List.of()))).get()
                .extracting(c -> c.commit().sha()).isEqualTo("a2");
        assertThat(finder.find(List.of(commit("a1", "README.md"), commit("a2", "internal/cache/cache.go")),
                traces(List.of("TestCache"), List.of()))).get()
                .extracting(c -> c.commit().sha()).isEqualTo("a2");
        assertThat(finder.find(List.of(commit("a1", "src/sum.test.ts"), commit("a2", "README.md")),
                traces(List.of("src/sum.test.ts > adds numbers"), List.of()))).get()
                .extracting(c -> c.commit().sha()).isEqualTo("a1");
    }
}
