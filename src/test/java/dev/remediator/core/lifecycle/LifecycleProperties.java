package dev.remediator.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever happens to a remediation, in whatever order, the lifecycle stays in a state its table can reach. */
class LifecycleProperties {

    @Property
    void anySequenceOfEventsLeavesAReachableState(@ForAll("events") List<RemediationEvent> events) {
        RemediationState state = RemediationState.PROPOSED;
        Set<RemediationState> reachable = reachableFrom(RemediationState.PROPOSED);
        for (RemediationEvent event : events) {
            state = event.after(state).orElse(state);
            assertThat(reachable).contains(state);
        }
    }

    @Property
    void replayingAnEventChangesNothing(@ForAll RemediationState state, @ForAll RemediationEvent event) {
        Optional<RemediationState> once = event.after(state);
        once.ifPresent(after -> assertThat(event.after(after).orElse(after)).isEqualTo(after));
    }

    @Property
    void finishedStatesOnlyTakeFacts(@ForAll RemediationState state, @ForAll RemediationEvent event) {
        if (state.finished()) {
            assertThat(event.after(state).orElse(state)).isEqualTo(state);
        }
    }

    @Property
    void humansAloneLeaveTheApprovalWait(@ForAll("events") List<RemediationEvent> events) {
        RemediationState state = RemediationState.AWAITING_APPROVAL;
        for (RemediationEvent event : events) {
            RemediationState next = event.after(state).orElse(state);
            if (state == RemediationState.AWAITING_APPROVAL && next != state) {
                assertThat(event).isIn(RemediationEvent.APPROVED_BY_HUMAN, RemediationEvent.REJECTED_BY_HUMAN,
                        RemediationEvent.APPROVAL_EXPIRED);
            }
            state = next;
        }
    }

    @Provide
    Arbitrary<List<RemediationEvent>> events() {
        return Arbitraries.of(RemediationEvent.class).list().ofMaxSize(30);
    }

    private static Set<RemediationState> reachableFrom(RemediationState start) {
        Set<RemediationState> seen = EnumSet.of(start);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (RemediationState state : EnumSet.copyOf(seen)) {
                grew |= seen.addAll(state.next());
            }
        }
        return seen;
    }
}
