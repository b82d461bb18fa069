package dev.remediator.flow.assist;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.config.RemediatorConfig;
import dev.remediator.core.assist.AnswerSchema;
import dev.remediator.core.assist.ModelPrompts;
import dev.remediator.llm.LanguageModel;
import dev.remediator.store.ModelStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Asking the language model, within bounds: an answer cached for the same question is reused at no cost; otherwise
 * the installation's tokens for the day are reserved before the call (none left: no call, said once a day) and
 * settled after it by what the provider counted.
 */
@ApplicationScoped
public class ModelQuestions {

    private static final Logger LOG = Logger.getLogger(ModelQuestions.class);

    /** Tokens reserved for the answer besides the prompt, until the provider says what it cost. */
    static final int ANSWER_ALLOWANCE = 1_500;

    @Inject
    LanguageModel model;

    @Inject
    ModelStore store;

    @Inject
    RemediatorConfig config;

    @Inject
    MeterRegistry registry;

    /**
     * What came of a question.
     *
     * @param answer    the model's answer, or null when there is none
     * @param signature the question's signature, under which a usable answer is cached
     * @param note      why there is no answer, for people; null when there is nothing to say (the day's spent budget,
     *                  said once already)
     * @param outcome   for metrics: {@code answered}, {@code cached}, {@code budget_exhausted}, or the provider's trouble
     */
    public record Asked(String answer, boolean cached, String signature, String note, String outcome, int tokens) {
    }

    /** Log lines carry the delivery's id from the worker's context. */
    public Asked ask(long installationId, ModelStore.Kind kind, String system, String user, AnswerSchema schema) {
        String signature = ModelPrompts.signature(system, model.name(), user);
        var cached = store.cachedAnswer(signature);
        if (cached.isPresent()) {
            return new Asked(cached.get(), true, signature, null, "cached", 0);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int reserved = LanguageModel.estimateTokens(system + user) + ANSWER_ALLOWANCE;
        long budget = config.llm().dailyTokenBudget();
        if (!store.reserve(installationId, today, budget, reserved)) {
            if (!store.claimExhaustedNote(installationId, today)) {
                return new Asked(null, false, signature, null, "budget_exhausted", 0);
            }
            LOG.infof("Installation %d has spent its %d model tokens for %s: no more calls today", installationId,
                    budget, today);
            return new Asked(null, false, signature, "this installation's model budget for today (" + budget
                    + " tokens) is spent, so the model was not asked; it is asked again from midnight UTC, and this is "
                    + "said only once a day", "budget_exhausted", 0);
        }
        try {
            LanguageModel.Answer answer = model.ask(system, user, schema);
            store.settle(installationId, today, reserved, answer.tokens());
            spent(installationId, answer.tokens());
            return new Asked(answer.text(), false, signature, null, "answered", answer.tokens());
        } catch (LanguageModel.Unavailable e) {
            // the prompt was sent and may be billed: it stays counted, the answer's allowance does not
            int prompt = LanguageModel.estimateTokens(system + user);
            store.settle(installationId, today, reserved, prompt);
            spent(installationId, prompt);
            LOG.warnf("The language model did not answer (%s): %s", kind, e.getMessage());
            return new Asked(null, false, signature, e.getMessage(), e.outcome(), prompt);
        }
    }

    /** Keeps a usable answer for the next time the same question is asked. */
    public void remember(Asked asked, ModelStore.Kind kind) {
        if (!asked.cached() && asked.answer() != null) {
            store.cacheAnswer(asked.signature(), kind, model.name(), asked.answer(), asked.tokens());
        }
    }

    private void spent(long installationId, int tokens) {
        registry.counter("remediator.llm.tokens", "installation", String.valueOf(installationId)).increment(tokens);
    }
}
