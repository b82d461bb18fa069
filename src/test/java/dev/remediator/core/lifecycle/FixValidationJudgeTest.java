package dev.remediator.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.remediator.core.lifecycle.FixValidation.Check;
import dev.remediator.core.lifecycle.FixValidation.State;

class FixValidationJudgeTest {

    private static final String HEAD = "0123456789abcdef";

    @Test
    void withoutProtectionEveryCheckMustPass() {
        assertThat(judge(Set.of(), check("build", "success"), check("lint", "neutral")).state()).isEqualTo(State.PASSED);
        assertThat(judge(Set.of(), check("build", "success"), check("lint", null)).state()).isEqualTo(State.PENDING);
        assertThat(judge(Set.of(), check("build", "success"), check("lint", "failure")).state()).isEqualTo(State.FAILED);
    }

    @Test
    void requiredChecksDecideAndAMissingOneIsStillToCome() {
        assertThat(judge(Set.of("build"), check("build", "success"), check("lint", "failure")).state())
                .isEqualTo(State.PASSED);
        assertThat(judge(Set.of("build", "e2e"), check("build", "success")).state()).isEqualTo(State.PENDING);
        assertThat(judge(Set.of("build"), check("build", "timed_out")).state()).isEqualTo(State.FAILED);
        assertThat(judge(Set.of("build"), check("build", "success")).checks()).singleElement()
                .extracting(Check::required).isEqualTo(true);
    }

    @Test
    void aHeadWithoutChecksIsPending() {
        assertThat(judge(Set.of()).state()).isEqualTo(State.PENDING);
    }

    @Test
    void aFailureNamesTheFailingChecks() {
        FixValidation failed = judge(Set.of(), check("build", "failure"), check("lint", "success"));
        assertThat(failed.summary()).isEqualTo("CI of the fix failed on 0123456: build (failure)");
    }

    private static FixValidation judge(Set<String> required, Check... checks) {
        return FixValidation.judge(HEAD, List.of(checks), required);
    }

    private static Check check(String name, String conclusion) {
        return new Check(name, conclusion, false);
    }
}
