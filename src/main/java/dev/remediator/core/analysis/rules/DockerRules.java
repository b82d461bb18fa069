package dev.remediator.core.analysis.rules;

import static dev.remediator.core.analysis.FailureCategory.CONFIGURATION;
import static dev.remediator.core.analysis.FailureCategory.UNKNOWN;
import static dev.remediator.core.analysis.rules.LineRule.when;

import java.util.List;

import dev.remediator.core.analysis.Findings;
import dev.remediator.core.analysis.LogLine;
import dev.remediator.core.analysis.Rule;
import dev.remediator.core.analysis.RuleSet;

/**
 * Docker builds with BuildKit: the step that failed ({@code => ERROR [stage 10/10] RUN ...} in the terminal's
 * progress, {@code #12 ERROR: process ... did not complete successfully} in the plain one), the box that repeats that
 * step's output ({@code > [stage 10/10] RUN ...:} to {@code ------}), which is what explains the failure, and the
 * closing {@code ERROR: failed to solve: ...}, which only repeats it. What the step's command printed inside the box
 * is read by the other rule sets too.
 */
public final class DockerRules implements RuleSet {

    static final Rule STEP_OUTPUT = new Rule("docker.step-output", UNKNOWN, 0.7);
    static final Rule STEP_FAILED = new Rule("docker.step-failed", CONFIGURATION, 0.6);
    static final Rule BUILD_FAILED = new Rule("docker.build-failed", CONFIGURATION, 0.5);

    private final LineRules lines = new LineRules(
            when(" > [", "^ > \\[[^\\]]+\\] .*:$", STEP_OUTPUT),
            when("=> ERROR [", "^\\s*=> ERROR \\[", STEP_FAILED),
            when(" ERROR: process \"", "^#\\d+ ERROR: process \".*\" did not complete successfully", STEP_FAILED),
            when("ERROR: failed to solve:", "^(?:ERROR: )?failed to solve: |^ERROR: failed to solve: ", BUILD_FAILED));

    @Override
    public List<String> keywords() {
        return lines.keywords();
    }

    @Override
    public void onLine(LogLine line, Findings findings) {
        lines.report(line, findings);
    }
}
