package dev.remediator.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class KeywordMatcherTest {

    @Test
    void findsOverlappingKeywordsAndReportsTheBitsOfEach() {
        KeywordMatcher matcher = new KeywordMatcher(List.of("he", "she", "his", "hers"), List.of(1L, 2L, 4L, 8L));
        byte[] line = "ushers".getBytes(StandardCharsets.UTF_8);

        assertThat(matcher.bits(line, 0, line.length)).isEqualTo(1L | 2L | 8L);
    }

    @Test
    void marksEveryLineThatHoldsAKeywordAndNoOther() {
        List<String> keywords = List.of("ab", "bca", "cab", "aaa", "c\u25CF");
        KeywordMatcher matcher = new KeywordMatcher(keywords, List.of(1L, 1L, 1L, 1L, 1L));
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(40); i++) {
                StringBuilder line = new StringBuilder();
                for (int j = 0; j < random.nextInt(12); j++) {
                    line.append("abcx\u25CF".charAt(random.nextInt(5)));
                }
                lines.add(line.toString());
            }
            byte[] buffer = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
            int[] hits = new int[buffer.length];

            int count = matcher.prefilter(buffer, 0, buffer.length, hits);

            assertThat(linesOf(buffer, hits, count)).isEqualTo(linesHolding(lines, keywords));
            for (int k = 1; k < count; k++) {
                assertThat(hits[k]).isGreaterThan(hits[k - 1]);
            }
        }
    }

    @Test
    void refusesKeywordsThatCannotBeOnALine() {
        assertThatThrownBy(() -> new KeywordMatcher(List.of(""), List.of(1L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeywordMatcher(List.of("a\nb"), List.of(1L))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<Integer> linesOf(byte[] buffer, int[] hits, int count) {
        Set<Integer> lines = new TreeSet<>();
        for (int k = 0; k < count; k++) {
            int line = 0;
            for (int i = 0; i < hits[k]; i++) {
                line += buffer[i] == '\n' ? 1 : 0;
            }
            lines.add(line);
        }
        return lines;
    }

    private static Set<Integer> linesHolding(List<String> lines, List<String> keywords) {
        Set<Integer> holding = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (keywords.stream().anyMatch(line::contains)) {
                holding.add(i);
            }
        }
        return holding;
    }
}
