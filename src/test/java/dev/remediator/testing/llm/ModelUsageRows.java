package dev.remediator.testing.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Arranges an installation's model usage where spending a whole day's budget through calls would make a test slow. */
@ApplicationScoped
public class ModelUsageRows {

    @Inject
    EntityManager em;

    /** Records the installation's budget for today (UTC) as spent. */
    @Transactional
    public void spendToday(long installationId, long tokens) {
        em.createNativeQuery("insert into model_usage (installation_id, day, tokens, calls) "
                + "values (?1, (now() at time zone 'utc')::date, ?2, 1) "
                + "on conflict (installation_id, day) do update set tokens = excluded.tokens")
                .setParameter(1, installationId).setParameter(2, tokens).executeUpdate();
    }

    @Transactional
    public long spentToday(long installationId) {
        java.util.List<?> rows = em.createNativeQuery("select tokens from model_usage where installation_id = ?1 "
                + "and day = (now() at time zone 'utc')::date").setParameter(1, installationId).getResultList();
        return rows.stream().findFirst().map(t -> ((Number) t).longValue()).orElse(0L);
    }
}
