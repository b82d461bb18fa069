package dev.remediator.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemediationStateTest {

    @Test
    void followsTheLifecycleOfTheDesign() {
        assertThat(RemediationState.PROPOSED.canMoveTo(RemediationState.AWAITING_APPROVAL)).isTrue();
        assertThat(RemediationState.AWAITING_APPROVAL.canMoveTo(RemediationState.APPROVED)).isTrue();
        assertThat(RemediationState.APPROVED.canMoveTo(RemediationState.EXECUTING)).isTrue();
        assertThat(RemediationState.EXECUTING.canMoveTo(RemediationState.DONE)).isTrue();
        assertThat(RemediationState.EXECUTING.canMoveTo(RemediationState.FAILED)).isTrue();
        assertThat(RemediationState.AWAITING_APPROVAL.canMoveTo(RemediationState.EXPIRED)).isTrue();
    }

    @Test
    void finishedStatesStayFinishedAndApprovalCannotBeSkipped() {
        for (RemediationState finished : new RemediationState[] { RemediationState.DONE, RemediationState.REJECTED,
                RemediationState.EXPIRED, RemediationState.SKIPPED }) {
            assertThat(finished.next()).isEmpty();
        }
        assertThat(RemediationState.AWAITING_APPROVAL.canMoveTo(RemediationState.EXECUTING)).isFalse();
        assertThat(RemediationState.REJECTED.canMoveTo(RemediationState.APPROVED)).isFalse();
    }
}
