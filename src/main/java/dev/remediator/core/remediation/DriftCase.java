package dev.remediator.core.remediation;

import dev.remediator.core.drift.DriftReport;
import dev.remediator.core.drift.ProvenanceManifest;

/**
 * Everything the planner weighs about the drift found in a pushed commit: the classification, the manifest it was
 * made against (what each node's generated files are), where the manifest lives, the branch a fix would target,
 * and the repository's policy.
 *
 * @param regenerateWorkflow the workflow a regeneration dispatches (config {@code drift.regenerate_workflow})
 */
public record DriftCase(DriftReport report, ProvenanceManifest manifest, String manifestPath, String branch,
        String regenerateWorkflow, FailureCase.Context context) {
}
