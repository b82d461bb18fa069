package dev.remediator.store;

import java.time.Instant;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Makes a scheduled job run once per tick across replicas: every replica's scheduler fires, the first to record the
 * tick runs the job, the others see the tick taken.
 */
@ApplicationScoped
public class JobTicks {

    @Inject
    EntityManager em;

    /** True for the one caller that claims this job's tick: the period of length {@code every} that holds now. */
    @Transactional
    public boolean claim(String job, Instant now, Duration every) {
        long period = Math.max(1, every.getSeconds());
        Instant tick = Instant.ofEpochSecond(now.getEpochSecond() / period * period);
        return em.createNativeQuery("insert into job_tick (job, tick) values (?1, ?2) on conflict do nothing")
                .setParameter(1, job).setParameter(2, tick).executeUpdate() == 1;
    }

    /** Ticks are only needed until every replica has fired for them. */
    @Transactional
    public int forgetBefore(Instant before) {
        return em.createNativeQuery("delete from job_tick where tick < ?1").setParameter(1, before).executeUpdate();
    }
}
