package dev.remediator.testing.github;

import java.util.Map;

/** A `workflow_dispatch` the app asked for: which workflow, on which ref, with which inputs. */
public record WorkflowDispatch(long workflowId, String ref, Map<String, String> inputs, long runId) {
}
