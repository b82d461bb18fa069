package dev.remediator.core.report;

import java.util.List;

import dev.remediator.core.analysis.RunAnalysis;
import dev.remediator.core.assist.ModelReading;
import dev.remediator.core.config.ConfigProblem;
import dev.remediator.core.history.Culprit;

/**
 * Everything the "Remediator" check run and the sticky comment say about one failed workflow run.
 *
 * @param modelReading what the language model made of it; null when no model was asked
 */
public record RunReport(String repository, long runId, int attempt, String workflowName, String headSha,
        String headBranch, String runUrl, RunAnalysis analysis, Culprit culprit, List<RemediationView> remediations,
        List<ConfigProblem> configProblems, String configLocation, ModelReading modelReading) {

    public RunReport {
        remediations = List.copyOf(remediations);
        configProblems = List.copyOf(configProblems);
    }

    /** The remediation the report leads with: one awaiting a decision, else the first executable one. */
    public RemediationView lead() {
        return remediations.stream().filter(RemediationView::awaitingApproval).findFirst()
                .or(() -> remediations.stream().filter(r -> r.action().executable()).findFirst())
                .orElse(remediations.isEmpty() ? null : remediations.get(0));
    }
}
