package dev.remediator.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.remediator.core.assist.FixProposal;
import dev.remediator.core.assist.ModelExplanation;
import dev.remediator.core.assist.ModelReading;

/**
 * What the language model was asked and answered: the answers cached by failure signature, the tokens each
 * installation spent per day, the reading shown on each run's check run, and the fixes it proposed.
 */
@ApplicationScoped
public class ModelStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    public enum Kind {
        EXPLAIN, FIX
    }

    @Transactional
    public Optional<String> cachedAnswer(String signature) {
        return em.createNativeQuery("select answer from model_answer where signature = ?1").setParameter(1, signature)
                .getResultList().stream().findFirst().map(String.class::cast);
    }

    @Transactional
    public void cacheAnswer(String signature, Kind kind, String model, String answer, int tokens) {
        em.createNativeQuery("insert into model_answer (signature, kind, model, answer, tokens) values (?1, ?2, ?3, ?4, ?5) "
                + "on conflict (signature) do nothing").setParameter(1, signature).setParameter(2, kind.name())
                .setParameter(3, model).setParameter(4, answer).setParameter(5, tokens).executeUpdate();
    }

    /**
     * Reserves {@code tokens} of the installation's budget for the day before a call: false, and nothing reserved,
     * when they do not fit. Concurrent calls cannot overspend: the check and the reservation are one update.
     */
    @Transactional
    public boolean reserve(long installationId, LocalDate day, long budget, int tokens) {
        em.createNativeQuery("insert into model_usage (installation_id, day) values (?1, ?2) on conflict do nothing")
                .setParameter(1, installationId).setParameter(2, day).executeUpdate();
        return em.createNativeQuery("update model_usage set tokens = tokens + ?3, calls = calls + 1 "
                + "where installation_id = ?1 and day = ?2 and tokens + ?3 <= ?4")
                .setParameter(1, installationId).setParameter(2, day).setParameter(3, tokens).setParameter(4, budget)
                .executeUpdate() == 1;
    }

    /** Replaces a reservation by what the call cost. */
    @Transactional
    public void settle(long installationId, LocalDate day, int reserved, int spent) {
        em.createNativeQuery("update model_usage set tokens = greatest(0, tokens + ?3) where installation_id = ?1 and day = ?2")
                .setParameter(1, installationId).setParameter(2, day).setParameter(3, spent - reserved).executeUpdate();
    }

    /** True for the one caller that is to say that the day's budget is spent; later ones stay silent. */
    @Transactional
    public boolean claimExhaustedNote(long installationId, LocalDate day) {
        return em.createNativeQuery("update model_usage set exhausted_said = true "
                + "where installation_id = ?1 and day = ?2 and not exhausted_said")
                .setParameter(1, installationId).setParameter(2, day).executeUpdate() == 1;
    }

    /** Tokens an installation spent on the language model on one UTC day, in so many calls. */
    public record DailyTokens(long installationId, LocalDate day, long tokens, int calls) {
    }

    /**
     * What the language model did since a time: readings shown on check runs (asked for, and served from the cache),
     * and the tokens each installation spent per day.
     */
    public record Usage(long explanations, long cachedExplanations, List<DailyTokens> tokens) {
    }

    /** For one repository (its installation's tokens), or every one when {@code repositoryId} is null. */
    @Transactional
    public Usage usage(Long repositoryId, Instant since) {
        Object[] readings = (Object[]) em.createNativeQuery("""
                select count(*) filter (where explanation is not null and not cached),
                       count(*) filter (where explanation is not null and cached)
                from model_reading where created_at >= ?1 and (cast(?2 as bigint) is null or repository_id = ?2)""")
                .setParameter(1, since).setParameter(2, repositoryId).getSingleResult();
        List<?> rows = em.createNativeQuery("""
                select installation_id, day, tokens, calls from model_usage
                where day >= cast(?1 as date) and (cast(?2 as bigint) is null
                    or installation_id = (select installation_id from repository where id = ?2))
                order by day, installation_id""")
                .setParameter(1, LocalDate.ofInstant(since, ZoneOffset.UTC)).setParameter(2, repositoryId).getResultList();
        return new Usage(((Number) readings[0]).longValue(), ((Number) readings[1]).longValue(), rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new DailyTokens(((Number) r[0]).longValue(), NativeRows.date(r[1]),
                    ((Number) r[2]).longValue(), ((Number) r[3]).intValue());
        }).toList());
    }

    /** The first reading saved for a run attempt stays: a redelivery finds it and asks nothing again. */
    @Transactional
    public void saveReading(long repositoryId, long runId, int attempt, ModelReading reading) {
        em.createNativeQuery("insert into model_reading (repository_id, run_id, run_attempt, model, explanation, cached, "
                + "note) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing")
                .setParameter(1, repositoryId).setParameter(2, runId).setParameter(3, attempt)
                .setParameter(4, reading.model()).setParameter(5, json(reading.explanation()))
                .setParameter(6, reading.cached()).setParameter(7, reading.note()).executeUpdate();
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<ModelReading> reading(long repositoryId, long runId, int attempt) {
        List<?> rows = em.createNativeQuery("select model, explanation, cached, note from model_reading "
                + "where repository_id = ?1 and run_id = ?2 and run_attempt = ?3")
                .setParameter(1, repositoryId).setParameter(2, runId).setParameter(3, attempt).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            try {
                ModelExplanation explanation = columns[1] == null ? null
                        : JSON.readValue((String) columns[1], ModelExplanation.class);
                return new ModelReading(explanation, (String) columns[0], (Boolean) columns[2], (String) columns[3]);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored model reading that is not ours", e);
            }
        });
    }

    @Transactional
    public void saveFix(FixProposal fix) {
        em.createNativeQuery("insert into model_fix (digest, explanation, diff, paths, lines_added, lines_removed) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing").setParameter(1, fix.digest())
                .setParameter(2, fix.explanation()).setParameter(3, fix.diff()).setParameter(4, String.join("\n", fix.paths()))
                .setParameter(5, fix.linesAdded()).setParameter(6, fix.linesRemoved()).executeUpdate();
    }

    @Transactional
    public Optional<FixProposal> fix(String digest) {
        List<?> rows = em.createNativeQuery("select explanation, diff, paths, lines_added, lines_removed from model_fix "
                + "where digest = ?1").setParameter(1, digest).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new FixProposal((String) columns[0], (String) columns[1], Arrays.asList(((String) columns[2]).split("\n")),
                    ((Number) columns[3]).intValue(), ((Number) columns[4]).intValue());
        });
    }

    private static String json(ModelExplanation explanation) {
        try {
            return explanation == null ? null : JSON.writeValueAsString(explanation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a model explanation is plain data", e);
        }
    }
}
