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
}
