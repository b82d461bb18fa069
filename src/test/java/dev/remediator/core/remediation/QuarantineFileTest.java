package dev.remediator.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuarantineFileTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "com.acme.cache.CacheTest#expiresEntries | com/acme/cache/CacheTest.java",
            "com.acme.Outer$InnerTest#works          | com/acme/Outer.java",
            "com.acme.SuiteIT                        | com/acme/SuiteIT.java",
            "tests/test_io.py::test_read[utf-8]      | tests/test_io.py::test_read[utf-8]",
            "TestCacheExpiry                         | TestCacheExpiry",
            "src/sum.test.ts > adds numbers          | src/sum.test.ts > adds numbers" })
    void writesEachTestTheWayItsRunnerReadsIt(String test, String entry) {
        assertThat(QuarantineFile.entry(test)).isEqualTo(entry);
    }

    @Test
    void aNewFileExplainsItselfAndEachEntry() {
        QuarantineFile.Update update = QuarantineFile.add(null, "com.acme.CacheTest#expires", "flaky in run 42");

        assertThat(update.changed()).isTrue();
        assertThat(update.content()).startsWith("# Tests quarantined by Remediator")
                .contains("# com.acme.CacheTest#expires: flaky in run 42\ncom/acme/CacheTest.java\n");
    }

    @Test
    void existingLinesAreKeptAndATestIsNeverAddedTwice() {
        String existing = "# ours\n**/LegacyTest.java\n";
        QuarantineFile.Update first = QuarantineFile.add(existing, "com.acme.CacheTest#expires", "flaky");
        assertThat(first.content()).startsWith(existing).endsWith("com/acme/CacheTest.java\n");

        QuarantineFile.Update second = QuarantineFile.add(first.content(), "com.acme.CacheTest#evicts", "flaky too");
        assertThat(second.changed()).isFalse();
        assertThat(second.content()).isEqualTo(first.content());
    }

    @Test
    void removingATestTakesItsCommentAndKeepsTheRest() {
        String existing = "# ours\n**/LegacyTest.java\n";
        String both = QuarantineFile.add(QuarantineFile.add(existing, "com.acme.CacheTest#expires", "flaky, issue 3")
                .content(), "tests/test_io.py::test_read", "flaky, issue 4").content();

        QuarantineFile.Update removed = QuarantineFile.remove(both, "com.acme.CacheTest#expires");

        assertThat(removed.changed()).isTrue();
        assertThat(removed.content()).isEqualTo("# ours\n**/LegacyTest.java\n# tests/test_io.py::test_read: flaky, "
                + "issue 4\ntests/test_io.py::test_read\n");
        assertThat(QuarantineFile.contains(removed.content(), "com.acme.CacheTest#expires")).isFalse();
        assertThat(QuarantineFile.remove(removed.content(), "com.acme.CacheTest#expires").changed()).isFalse();
        assertThat(QuarantineFile.remove(null, "com.acme.CacheTest#expires").changed()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "com.acme.cache.CacheTest#expires   | core/src/test/java/com/acme/cache/CacheTest.java",
            "com.acme.KotlinTest#works          | app/src/test/kotlin/com/acme/KotlinTest.kt",
            "tests/test_io.py::test_read        | tests/test_io.py",
            "src/sum.test.ts > adds numbers     | web/src/sum.test.ts",
            "TestCacheExpiry                    | -",
            "com.acme.MissingTest#gone          | -" })
    void findsTheTestsSourceFile(String test, String file) {
        java.util.List<String> paths = java.util.List.of("core/src/main/java/com/acme/cache/Cache.java",
                "core/src/test/java/com/acme/cache/CacheTest.java", "app/src/test/kotlin/com/acme/KotlinTest.kt",
                "tests/test_io.py", "web/src/sum.test.ts", "cache_test.go");
        assertThat(QuarantineFile.sourceFile(test, paths).orElse(null)).isEqualTo(file);
    }
}
