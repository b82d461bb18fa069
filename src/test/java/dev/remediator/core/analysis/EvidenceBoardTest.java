package dev.remediator.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.remediator.core.analysis.EvidenceBoard.Chunk;
import dev.remediator.core.analysis.EvidenceBoard.Finding;

class EvidenceBoardTest {

    private static final Rule COMPILER = new Rule("test.compiler", FailureCategory.COMPILATION, 0.9);
    private static final Rule EXIT = new Rule("test.exit", FailureCategory.UNKNOWN, 0.2);
    private static final Rule TEST = new Rule("test.test", FailureCategory.TEST, 0.9);

    private final EvidenceBoard board = new EvidenceBoard();

    @Test
    void findingsAFewLinesApartMakeOneChunkThatTakesTheCategoryOfItsBestCategorisedFinding() {
        board.add(finding(10, COMPILER));
        board.add(finding(10 + EvidenceBoard.GAP + 1, EXIT));

        List<Chunk> chunks = board.ranked();

        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).start()).isEqualTo(10);
        assertThat(chunks.get(0).end()).isEqualTo(14);
        assertThat(chunks.get(0).best().rule()).isEqualTo(COMPILER);
        assertThat(chunks.get(0).category()).isEqualTo(FailureCategory.COMPILATION);
    }

    @Test
    void findingsFurtherApartMakeSeparateChunks() {
        board.add(finding(10, COMPILER));
        board.add(finding(10 + EvidenceBoard.GAP + 2, EXIT));

        assertThat(board.ranked()).hasSize(2);
    }

    @Test
    void aLongRunOfFindingsIsCutIntoChunksOfBoundedSpan() {
        for (int line = 1; line <= 100; line++) {
            board.add(finding(line, EXIT));
        }

        List<Chunk> chunks = board.ranked();

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.end() - chunk.start()).isLessThan(EvidenceBoard.MAX_SPAN));
    }

    @Test
    void heavierChunksComeFirstAndAmongEquallyHeavyOnesOfOneRuleTheFirst() {
        board.add(finding(10, TEST));
        board.add(finding(50, EXIT));
        board.add(finding(90, TEST));

        List<Chunk> chunks = board.ranked();

        assertThat(chunks).extracting(Chunk::start).containsExactly(10, 90, 50);
    }

    @Test
    void amongEquallyHeavyChunksOfDifferentRulesTheLaterOneComesFirst() {
        board.add(finding(10, TEST));
        board.add(finding(90, new Rule("other.test-failure", FailureCategory.TEST, TEST.weight())));

        assertThat(board.ranked()).extracting(Chunk::start).containsExactly(90, 10);
    }

    @Test
    void aReportPrintedTwiceRanksWhereItsLastCopyIs() {
        board.add(new Finding(10, 10, 10, TEST, TEST.weight(), "FAILED a"));
        board.add(new Finding(50, 50, 50, TEST, TEST.weight(), "FAILED b"));
        board.add(new Finding(90, 90, 90, TEST, TEST.weight(), "FAILED a"));

        assertThat(board.ranked()).extracting(Chunk::start).containsExactly(50, 90, 10);
    }

    @Test
    void onlyTheBestChunksAreKept() {
        for (int line = 1; line <= 10_000; line += 10) {
            board.add(finding(line, line == 5001 ? COMPILER : EXIT));
        }

        List<Chunk> chunks = board.ranked();

        assertThat(chunks).hasSizeLessThanOrEqualTo(EvidenceBoard.KEPT + 1);
        assertThat(chunks.get(0).start()).isEqualTo(5001);
    }

    private static Finding finding(int line, Rule rule) {
        return new Finding(line, line, line, rule, rule.weight(), "line " + line);
    }
}
