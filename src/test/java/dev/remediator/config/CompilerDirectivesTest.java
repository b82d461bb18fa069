package dev.remediator.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompilerDirectivesTest {

    /** A mistake in the file would leave every replica compiling as before, with only a warning to say so. */
    @Test
    void theJvmTakesTheAppsDirectives() throws Exception {
        int added = CompilerDirectives.add();
        try {
            assertThat(added).isEqualTo(2);
            assertThat(String.valueOf(CompilerDirectives.diagnosticCommand("compilerDirectivesPrint")))
                    .contains("dev/remediator/core/*.*");
        } finally {
            // this test's JVM is not the app's: it compiles as before once they are gone
            for (int i = 0; i < added; i++) {
                CompilerDirectives.diagnosticCommand("compilerDirectivesRemove");
            }
        }
    }
}
