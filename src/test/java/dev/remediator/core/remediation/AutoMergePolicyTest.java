package dev.remediator.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.config.RepositoryConfig.AutoMerge;
import dev.remediator.core.config.RepositoryConfig.MergeMethod;

class AutoMergePolicyTest {

    private static final RiskScore LOW = new RiskScore(List.of(new RiskFactor("action", 2, "small")));

    @Test
    void anAllowedActionAtOrUnderTheLimitMerges() {
        assertThat(decide(config(true, false), RemediationAction.QUARANTINE, LOW, List.of(".github/quarantine.txt"),
                false).enable()).isTrue();
    }

    @Test
    void refusalsSayWhy() {
        assertThat(decide(config(false, false), RemediationAction.QUARANTINE, LOW, List.of(), false).reason())
                .contains("not enabled");
        assertThat(decide(config(true, true), RemediationAction.QUARANTINE, LOW, List.of(), false).reason())
                .contains("protected");
        assertThat(decide(config(true, false), RemediationAction.REVERT, LOW, List.of(), false).reason())
                .contains("does not list revert");
        assertThat(decide(config(true, false), RemediationAction.QUARANTINE,
                new RiskScore(List.of(new RiskFactor("action", 3, "more"))), List.of(), false).reason())
                .contains("above automerge.max_risk 2");
        assertThat(decide(config(true, false), RemediationAction.QUARANTINE, LOW, List.of(".github/workflows/ci.yml"),
                false).reason()).contains("protected paths (.github/workflows/ci.yml)");
        assertThat(decide(config(true, false), RemediationAction.QUARANTINE, LOW, List.of(), true).enable()).isFalse();
        assertThat(decide(config(true, false), RemediationAction.FIX, LOW, List.of("src/Calc.java"), false))
                .isEqualTo(new AutoMergePolicy.Verdict(false, "a model-written fix is never merged without a person"));
    }

    private static AutoMergePolicy.Verdict decide(RepositoryConfig config, RemediationAction action, RiskScore risk,
            List<String> files, boolean before) {
        return AutoMergePolicy.decide(config, action, risk, files, before);
    }

    private static RepositoryConfig config(boolean enabled, boolean protectedRepository) {
        RepositoryConfig d = RepositoryConfig.DEFAULTS;
        return new RepositoryConfig(d.mode(), d.riskThreshold(), protectedRepository, d.protectedPaths(),
                d.maxPrsPerDay(), d.approval(), d.failures(), d.drift(), d.notifications(),
                new AutoMerge(enabled, List.of("quarantine", "rebaseline"), 2, MergeMethod.SQUASH), d.commits(), d.llm());
    }
}
