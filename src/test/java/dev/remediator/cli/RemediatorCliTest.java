package dev.remediator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class RemediatorCliTest {

    @Test
    void theVersionIsTheProjectsVersion() throws Exception {
        Matcher pom = Pattern.compile("<artifactId>remediator</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(pom.find()).isTrue();
        PrintStream standardOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(RemediatorCli.run("-V")).isZero();
        } finally {
            System.setOut(standardOut);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("remediator " + pom.group(1));
    }
}
