package dev.remediator.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemediatorBranchTest {

    @Test
    void namesFollowTheDesignAndAreStablePerRemediation() {
        String name = RemediatorBranch.name(RemediationAction.REVERT, "c0ffee1", 17);
        assertThat(name).matches("remediator/revert/c0ffee1-[0-9a-f]{8}");
        assertThat(RemediatorBranch.name(RemediationAction.REVERT, "c0ffee1", 17)).isEqualTo(name);
        assertThat(RemediatorBranch.name(RemediationAction.REVERT, "c0ffee1", 18)).isNotEqualTo(name);
    }

    @Test
    void contextsBecomeSafeBranchNameParts() {
        assertThat(RemediatorBranch.name(RemediationAction.QUARANTINE, "com.acme.CacheTest#expires Entries", 1))
                .startsWith("remediator/quarantine/com.acme.cachetest-expires-entries-");
        assertThat(RemediatorBranch.name(RemediationAction.REGENERATE, "..", 1)).startsWith("remediator/regenerate/change-");
    }

    @Test
    void recognisesItsOwnBranchesAndRefs() {
        assertThat(RemediatorBranch.isOwn("remediator/revert/abc-12345678")).isTrue();
        assertThat(RemediatorBranch.isOwn("refs/heads/remediator/revert/abc-12345678")).isTrue();
        assertThat(RemediatorBranch.isOwn("main")).isFalse();
        assertThat(RemediatorBranch.isOwn("refs/heads/feature/remediator/x")).isFalse();
        assertThat(RemediatorBranch.isOwn(null)).isFalse();
    }
}
