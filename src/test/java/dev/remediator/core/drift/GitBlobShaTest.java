package dev.remediator.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GitBlobShaTest {

    @TempDir
    Path folder;

    static Stream<Arguments> contents() {
        byte[] large = new byte[300_000]; // several read buffers
        new Random(5).nextBytes(large);
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("text", "hello\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("crlf", "a\r\nb\r\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("unicode", "é → ✓ 🙂\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("binary", large));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contents")
    void equalsWhatGitComputes(String name, byte[] content) throws Exception {
        Path file = folder.resolve(name);
        Files.write(file, content);
        String expected = git("hash-object", "--no-filters", file.toString());
        assertThat(GitBlobSha.of(content)).isEqualTo(expected);
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(GitBlobSha.of(in, content.length)).isEqualTo(expected);
        }
    }

    @Test
    void knownValueOfTheEmptyBlob() {
        assertThat(GitBlobSha.of(new byte[0])).isEqualTo("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
    }

    @Test
    void aStreamShorterThanAnnouncedIsAnError() {
        assertThatThrownBy(() -> GitBlobSha.of(new ByteArrayInputStream(new byte[3]), 4))
                .isInstanceOf(IOException.class).hasMessageContaining("4 bytes expected, 3 read");
    }

    private String git(String... args) throws Exception {
        String[] command = Stream.concat(Stream.of("git"), Stream.of(args)).toArray(String[]::new);
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
