package dev.remediator.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PathGlobTest {

    static Stream<Arguments> matching() {
        return Stream.of(
                Arguments.of("api/pet.yaml", "api/pet.yaml", true),
                Arguments.of("api/pet.yaml", "api/pet.yml", false),
                Arguments.of("api/*.yaml", "api/pet.yaml", true),
                Arguments.of("api/*.yaml", "api/v2/pet.yaml", false),
                Arguments.of("gen/**", "gen/a/b/c.go", true),
                Arguments.of("gen/**", "gen", false),
                Arguments.of("gen/", "gen/a.go", true),
                Arguments.of("gen/**/*.go", "gen/a.go", true),
                Arguments.of("gen/**/*.go", "gen/x/y/a.go", true),
                Arguments.of("gen/**/*.go", "gen/x/a.ts", false),
                Arguments.of("**/*.pb.go", "a/b/c.pb.go", true),
                Arguments.of("**/*.pb.go", "c.pb.go", true),
                Arguments.of("gen/?.go", "gen/a.go", true),
                Arguments.of("gen/?.go", "gen/ab.go", false),
                Arguments.of("gen/[ab].go", "gen/b.go", true),
                Arguments.of("gen/[!ab].go", "gen/b.go", false),
                Arguments.of("gen/[!ab].go", "gen/c.go", true),
                Arguments.of("gen/*.{ts,js}", "gen/a.js", true),
                Arguments.of("gen/*.{ts,js}", "gen/a.css", false),
                Arguments.of("gen/a+b(1).go", "gen/a+b(1).go", true),
                Arguments.of("gen/\\*.go", "gen/*.go", true),
                Arguments.of("gen/\\*.go", "gen/a.go", false));
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @MethodSource("matching")
    void matchesLikeAGitGlob(String glob, String path, boolean matches) throws ProvenanceException {
        assertThat(PathGlob.parse(glob).matches(path)).isEqualTo(matches);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", "empty"),
                Arguments.of("/api/x.yaml", "drop the leading '/'"),
                Arguments.of("api//x.yaml", "empty path segment"),
                Arguments.of("../x.yaml", "'.' and '..'"),
                Arguments.of("gen/a**.go", "whole path segment"),
                Arguments.of("gen/[ab.go", "unclosed"),
                Arguments.of("gen/{a,b.go", "unclosed"),
                Arguments.of("gen/a\\", "lone backslash"));
    }

    @ParameterizedTest(name = "''{0}'': {1}")
    @MethodSource("invalid")
    void invalidGlobsAreExplained(String glob, String problem) {
        assertThatThrownBy(() -> PathGlob.parse(glob)).isInstanceOf(ProvenanceException.class)
                .hasMessageContaining("invalid glob '" + glob + "'").hasMessageContaining(problem);
    }

    @Test
    void aSetTakesWhatAnInclusionMatchesAndNoExclusionDoes() throws ProvenanceException {
        GlobSet set = GlobSet.of(List.of("gen/**", "!gen/**/README.md", "gen/a/**"));
        PathIndex paths = PathIndex.of(List.of("api/x.yaml", "gen/a/README.md", "gen/a/b.go", "gen/c.go", "gen", "genx/d.go"));
        assertThat(set.select(paths)).containsExactly("gen/a/b.go", "gen/c.go");
        assertThat(set.patterns()).containsExactly("!gen/**/README.md", "gen/**", "gen/a/**");
        assertThat(set.matches("gen/a/README.md")).isFalse();
    }

    @Test
    void aSetNeedsAnInclusion() {
        assertThatThrownBy(() -> GlobSet.of(List.of("!gen/**"))).isInstanceOf(ProvenanceException.class)
                .hasMessageContaining("no glob that is not an exclusion");
    }

    @Test
    void aGlobLooksOnlyUnderItsLiteralFolder() throws ProvenanceException {
        assertThat(PathGlob.parse("gen/api/**/*.go").literalPrefix()).isEqualTo("gen/api/");
        assertThat(PathGlob.parse("gen/api/x.go").literalPrefix()).isEqualTo("gen/api/");
        assertThat(PathGlob.parse("*.go").literalPrefix()).isEmpty();
        assertThat(PathGlob.parse("gen/\\*/x").literalPrefix()).isEqualTo("gen/");
    }
}
