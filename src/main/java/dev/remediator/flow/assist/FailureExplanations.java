package dev.remediator.flow.assist;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.core.analysis.RunAnalysis;
import dev.remediator.core.assist.AnswerSchema;
import dev.remediator.core.assist.FailureBrief;
import dev.remediator.core.assist.ModelExplanation;
import dev.remediator.core.assist.ModelPrompts;
import dev.remediator.core.assist.ModelReading;
import dev.remediator.core.assist.UnusableAnswer;
import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.history.Culprit;
import dev.remediator.llm.LanguageModel;
import dev.remediator.store.ModelStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A model's reading of an analysed failure, for the check run, where the repository opted in ({@code llm.explain})
 * and the instance has a model. It is stored once per run attempt, and whatever goes wrong (the provider, the answer,
 * the budget) leaves the rule-based result alone, with a note.
 */
@ApplicationScoped
public class FailureExplanations {

    private static final Logger LOG = Logger.getLogger(FailureExplanations.class);

    /** Characters of log lines a model reads at most, over all jobs. */
    static final int MAX_LOG_CHARS = 12_000;

    @Inject
    LanguageModel model;

    @Inject
    ModelQuestions questions;

    @Inject
    ModelStore store;

    @Inject
    MeterRegistry registry;

    /** Whether the model is to read this repository's failures. */
    public boolean wanted(RepositoryConfig config) {
        return model.configured() && config.llm().explain();
    }

    /** The brief of a failure: what a model may read of it. */
    public static FailureBrief brief(String workflow, RunAnalysis analysis, Map<String, List<String>> failedSteps,
            Culprit culprit) {
        return FailureBrief.of(workflow, analysis, failedSteps, culprit, MAX_LOG_CHARS);
    }

    public void explain(long installationId, long repositoryId, long runId, int attempt, FailureBrief brief) {
        if (store.reading(repositoryId, runId, attempt).isPresent()) {
            return;
        }
        ModelQuestions.Asked asked = questions.ask(installationId, ModelStore.Kind.EXPLAIN, ModelPrompts.EXPLAIN,
                brief.json(), AnswerSchema.EXPLANATION);
        ModelReading reading;
        String outcome = asked.outcome();
        if (asked.answer() == null) {
            reading = asked.note() == null ? null : ModelReading.none(model.name(), asked.note());
        } else {
            try {
                reading = ModelReading.of(ModelExplanation.read(asked.answer(), brief), model.name(), asked.cached());
                questions.remember(asked, ModelStore.Kind.EXPLAIN);
            } catch (UnusableAnswer e) {
                LOG.warnf("The language model's reading of run %d is unusable: %s", runId, e.getMessage());
                reading = ModelReading.none(model.name(), e.getMessage());
                outcome = "unusable";
            }
        }
        registry.counter("remediator.llm.explanations", "outcome", outcome).increment();
        if (reading != null) {
            store.saveReading(repositoryId, runId, attempt, reading);
        }
    }
}
