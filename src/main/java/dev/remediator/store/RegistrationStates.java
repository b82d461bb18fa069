package dev.remediator.store;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The one-time {@code state} values the registration page hands to GitHub's manifest flow, against cross-site
 * forgery of its callback. In the database, so that the callback may land on any replica.
 */
@ApplicationScoped
public class RegistrationStates {

    @Inject
    EntityManager em;

    /** Records a state issued at {@code now}, and forgets those issued before {@code staleBefore}. */
    @Transactional
    public void issue(String state, Instant now, Instant staleBefore) {
        em.createNativeQuery("delete from registration_state where issued_at < ?1").setParameter(1, staleBefore)
                .executeUpdate();
        em.createNativeQuery("insert into registration_state (state, issued_at) values (?1, ?2)").setParameter(1, state)
                .setParameter(2, now).executeUpdate();
    }

    /** True once, for a state issued at or after {@code notBefore}: redeeming forgets it, expired or not. */
    @Transactional
    public boolean redeem(String state, Instant notBefore) {
        return em.createNativeQuery("delete from registration_state where state = ?1 returning issued_at", Instant.class)
                .setParameter(1, state).getResultList().stream().anyMatch(issued -> !((Instant) issued).isBefore(notBefore));
    }
}
