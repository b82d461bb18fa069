package dev.remediator.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import dev.remediator.core.lifecycle.LifecycleChange;
import dev.remediator.core.lifecycle.RemediationEvent;
import dev.remediator.core.lifecycle.RemediationState;
import dev.remediator.store.RemediationStore;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A state change's consumers run once each, even when the process dies between the commit and the consumer: the rows
 * a killed process leaves behind (an event committed but never published; a consumer's work claimed by the dead
 * process) are picked up by the recovery job, and the consumer runs exactly once.
 */
@QuarkusTest
class OutboxRecoveryTest {

    @Inject
    RemediationStore store;

    @Inject
    CountingConsumer consumer;

    @Inject
    EntityManager em;

    @Test
    void aChangeReachesItsConsumerOnceAfterItsCommit() {
        long remediation = awaitingApproval();

        RemediationStore.Transition rejected = store.apply(remediation, LifecycleChange.of(
                RemediationEvent.REJECTED_BY_HUMAN, CountingConsumer.ACTOR, "rejected in a test", "delivery-outbox-1"));
        long event = lastEvent(remediation);

        assertThat(rejected.applied()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.count(event) == 1);
        assertThat(consumption(event)).isEqualTo(List.of("DONE"));
    }

    @Test
    void anIllegalChangeIsRefusedInOnePlaceAndPublishesNothing() {
        long remediation = awaitingApproval();

        RemediationStore.Transition executed = store.apply(remediation, LifecycleChange.of(RemediationEvent.EXECUTED,
                CountingConsumer.ACTOR, "not approved yet", null));

        assertThat(executed.applied()).isFalse();
        assertThat(executed.refusal()).contains("AWAITING_APPROVAL cannot be EXECUTED");
        assertThat(executed.remediation().state()).isEqualTo(RemediationState.AWAITING_APPROVAL);
    }

    @Test
    void anEventCommittedByAProcessKilledBeforePublishingIsConsumedOnceAfterRecovery() {
        long remediation = awaitingApproval();
        long event = committedButNeverPublished(remediation);

        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.count(event) == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> consumer.count(event) == 1);
        assertThat(consumption(event)).isEqualTo(List.of("DONE"));
    }

    @Test
    void aConsumerRunInterruptedByAKillIsFinishedOnceByTheRecovery() {
        long remediation = awaitingApproval();
        long event = committedButNeverPublished(remediation);
        heldByAKilledProcess(event);

        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.count(event) == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> consumer.count(event) == 1);
        assertThat(consumption(event)).isEqualTo(List.of("DONE"));
    }

    /** A remediation waiting for approval, as the planner leaves one. */
    @Transactional
    long awaitingApproval() {
        long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        em.createNativeQuery("""
                insert into remediation (id, repository_id, run_id, run_attempt, head_sha, head_branch, action, target,
                    state, risk, risk_factors, explanation, decision_reason, approval_permission)
                values (?1, ?1, ?1, 1, 'abc1234', 'main', 'RERUN', 'run', 'AWAITING_APPROVAL', 1, '[]', 'why',
                    'asks', 'WRITE')""").setParameter(1, id).executeUpdate();
        return id;
    }

    /** What a process killed right after committing a change leaves: the event, never published. */
    @Transactional
    long committedButNeverPublished(long remediation) {
        return ((Number) em.createNativeQuery("""
                insert into audit_event (remediation_id, repository_id, from_state, to_state, actor, reason, event)
                values (?1, ?1, 'AWAITING_APPROVAL', 'REJECTED', ?2, 'killed before publishing', 'REJECTED_BY_HUMAN')
                returning id""").setParameter(1, remediation).setParameter(2, CountingConsumer.ACTOR).getSingleResult())
                .longValue();
    }

    /** What a process killed while its consumer ran leaves: the event published, the work claimed, the lease running out. */
    @Transactional
    void heldByAKilledProcess(long event) {
        em.createNativeQuery("update audit_event set published_at = now() where id = ?1").setParameter(1, event)
                .executeUpdate();
        em.createNativeQuery("""
                insert into event_consumption (event_id, consumer, status, attempts, lease_owner, lease_until)
                values (?1, 'counting', 'PROCESSING', 1, 'killed-host/1', now() + interval '2 seconds')""")
                .setParameter(1, event).executeUpdate();
    }

    @Transactional
    long lastEvent(long remediation) {
        return ((Number) em.createNativeQuery("select max(id) from audit_event where remediation_id = ?1")
                .setParameter(1, remediation).getSingleResult()).longValue();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<String> consumption(long event) {
        return em.createNativeQuery("select status from event_consumption where event_id = ?1 and consumer = 'counting'")
                .setParameter(1, event).getResultList();
    }
}
