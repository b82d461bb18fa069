package dev.remediator.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.config.RepositoryConfig.Mode;
import dev.remediator.core.config.RepositoryConfig.Permission;

class PolicyTest {

    private static RepositoryConfig config(Mode mode, int threshold, boolean protectedRepository, int maxPrs) {
        RepositoryConfig d = RepositoryConfig.DEFAULTS;
        return new RepositoryConfig(mode, threshold, protectedRepository, d.protectedPaths(), maxPrs, d.approval(),
                d.failures(), d.drift(), d.notifications(), d.autoMerge(), d.commits(), d.llm());
    }

    private static RiskScore risk(double points) {
        return new RiskScore(List.of(new RiskFactor("action", points, "test")));
    }

    @ParameterizedTest(name = "{0} risk {2} threshold {3} protected {4} prs {5}/{6} -> {7} ({8})")
    @CsvSource({
            "AUTO,     RERUN,      1, 3, false, 0, 5, RUN,  WRITE",
            "AUTO,     REVERT,     3, 3, false, 0, 5, RUN,  WRITE",
            "AUTO,     REVERT,   3.5, 3, false, 0, 5, ASK,  WRITE",
            "ADVISORY, RERUN,      1, 3, false, 0, 5, RUN,  WRITE",
            "ADVISORY, RERUN,      4, 3, false, 0, 5, ASK,  WRITE",
            "ADVISORY, QUARANTINE, 1, 3, false, 0, 5, ASK,  WRITE",
            "AUTO,     QUARANTINE, 3, 3, true,  0, 5, ASK,  MAINTAIN",
            "AUTO,     REVERT,     8, 9, false, 0, 5, RUN,  ADMIN",
            "AUTO,     REVERT,     2, 3, false, 5, 5, SKIP, WRITE",
            "AUTO,     RERUN,      1, 3, false, 9, 5, RUN,  WRITE",
            "AUTO,     FIX,        6,10, false, 0, 5, ASK,  WRITE",
            "AUTO,     FIX,        6,10, false, 5, 5, SKIP, WRITE" })
    void decides(Mode mode, RemediationAction action, double points, int threshold, boolean protectedRepository,
            int prsToday, int maxPrs, Policy.Verdict verdict, Permission permission) {
        Policy.Decision decision = new Policy().decide(action, risk(points), config(mode, threshold, protectedRepository,
                maxPrs), prsToday, List.of());

        assertThat(decision.verdict()).isEqualTo(verdict);
        assertThat(decision.approvalPermission()).isEqualTo(permission);
        assertThat(decision.reason()).isNotBlank();
    }

    @org.junit.jupiter.api.Test
    void anAutomaticReRunCanBeTurnedOff() {
        RepositoryConfig d = RepositoryConfig.DEFAULTS;
        RepositoryConfig asking = new RepositoryConfig(Mode.ADVISORY, 3, false, d.protectedPaths(), 5, d.approval(),
                new RepositoryConfig.Failures(List.of(), new RepositoryConfig.Rerun(true, 1, false), d.failures().revert(),
                        d.failures().quarantine()), d.drift(), d.notifications(), d.autoMerge(), d.commits(), d.llm());
        assertThat(new Policy().decide(RemediationAction.RERUN, risk(1), asking, 0, List.of()).verdict())
                .isEqualTo(Policy.Verdict.ASK);
    }

    @ParameterizedTest
    @CsvSource({ "QUARANTINE", "REVERT" })
    void protectedPathsAreNeverWritten(RemediationAction action) {
        Policy.Decision decision = new Policy().decide(action, risk(1), config(Mode.AUTO, 10, false, 5), 0,
                List.of(".github/workflows/ci.yml"));
        assertThat(decision.verdict()).isEqualTo(Policy.Verdict.SKIP);
        assertThat(decision.reason()).contains(".github/workflows/ci.yml", "by hand");
    }
}
