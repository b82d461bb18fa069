package dev.remediator.core.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.assist.FixProposal;
import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.drift.DriftKind;
import dev.remediator.core.drift.DriftReportMarkdown;
import dev.remediator.core.drift.NodeDrift;
import dev.remediator.core.drift.ProvenanceNode;
import dev.remediator.core.drift.RecordedFile;
import dev.remediator.core.history.Culprit;
import dev.remediator.core.history.FlakyTest;
import dev.remediator.core.text.MarkdownText;

/**
 * Chooses the remediations that apply to a failed run or to the drift of a pushed commit, scores them and applies
 * the policy. When nothing can be done safely the plan has a {@link RemediationAction#MANUAL_REVIEW}
 * that says why and what to look at: a case is never dropped silently.
 */
public final class RemediationPlanner {

    /** A test failed and passed at the same SHA; below this it only flipped often lately. */
    static final double PROVEN_FLAKY = 0.9;

    /** Below this, a culprit is named as a suspect but not reverted. */
    static final double REVERT_CONFIDENCE = 0.6;

    /** Quarantining more tests at once hides too much; the rest is named in the explanation. */
    static final int MAX_QUARANTINES = 3;

    /** Regenerations and rebaselines proposed for one push at most; more drifted nodes go to the manual review. */
    static final int MAX_DRIFT_FIXES = 5;

    /** Nodes named one by one in a drift's manual review; the rest are counted. */
    static final int REVIEW_NODES_SHOWN = 10;

    private final RiskModel riskModel = new RiskModel();
    private final Policy policy = new Policy();

    public List<PlannedRemediation> plan(FailureCase failure) {
        RepositoryConfig config = failure.context().config();
        if (failure.fromFork()) {
            return explain(failure, "The run belongs to a pull request from a fork: Remediator never re-runs or "
                    + "changes a fork's code. " + summary(failure));
        }
        if (failure.verdict().transientFailure()) {
            return planRerun(failure, config.failures().rerun());
        }
        List<FlakyTest> proven = failure.history().flakyTests().stream()
                .filter(test -> test.confidence() >= PROVEN_FLAKY).toList();
        if (!proven.isEmpty()) {
            return planQuarantines(failure, proven);
        }
        if (failure.history().brokenTrunk().isPresent()) {
            return explain(failure, "This failure is not this change's fault: "
                    + MarkdownText.escape(failure.history().brokenTrunk().get().evidence()) + ". Fix the base branch first.");
        }
        if (failure.verdict().category() == FailureCategory.TEST && failure.onDefaultBranch()
                && failure.run().attempt() == 1 && config.failures().rerun().enabled()
                && config.failures().rerun().maxAttempts() >= 1) {
            return List.of(remediation(failure, RemediationAction.CONFIRM, "run:" + failure.run().runId(),
                    inputs(failure, RemediationAction.CONFIRM, failure.verdict().confidence(), List.of(), 0),
                    "Tests failed on " + MarkdownText.code(failure.run().headBranch()) + ": " + tests(failure.verdict().failingTests())
                            + ". One re-run of the failed jobs tells a flaky test from a real break.",
                    null));
        }
        boolean revertBranch = config.failures().revert().appliesTo(failure.run().headBranch(), failure.defaultBranch());
        Optional<Culprit> culprit = failure.history().culprit();
        // a test that only flipped often is suspected, not proven, flaky: a sure culprit is the likelier cause; and
        // a culprit that is Remediator's own merged fix is rolled back first, whatever else the run shows
        if (revertBranch && culprit.isPresent() && (culprit.get().confidence() >= REVERT_CONFIDENCE
                || failure.history().culpritFix().isPresent())) {
            return planRevert(failure, culprit.get());
        }
        if (!failure.history().flakyTests().isEmpty()) {
            return planQuarantines(failure, failure.history().flakyTests());
        }
        if (revertBranch && culprit.isPresent()) {
            return planRevert(failure, culprit.get());
        }
        return explain(failure, summary(failure) + " " + suggestion(failure));
    }

    /**
     * A language model's fix for the failure: a {@link RemediationAction#FIX} that always waits for a person, scored
     * as the change it is (never below {@link RiskModel#MODEL_FIX_FLOOR}), its diff shown in full.
     */
    public PlannedRemediation planModelFix(FailureCase failure, FixProposal fix, String model) {
        int lines = fix.linesAdded() + fix.linesRemoved();
        String explanation = "A language model (" + MarkdownText.code(model) + ") proposes this fix. Remediator checked "
                + "that it applies exactly to the files at the failing commit and weakens no test or CI; nothing else "
                + "in it was verified, and CI judges it on a draft pull request. The model says: "
                + MarkdownText.escape(fix.explanation()) + "\n\nIt changes " + lines + " line" + (lines == 1 ? "" : "s")
                + " (+" + fix.linesAdded() + " −" + fix.linesRemoved() + ") in " + tests(fix.paths()) + ":\n\n"
                + MarkdownText.codeBlock(fix.diff());
        return remediation(failure, RemediationAction.FIX, MODEL_FIX_TARGET + fix.digest(),
                inputs(failure, RemediationAction.FIX, failure.verdict().confidence(), fix.paths(), lines), explanation,
                null);
    }

    /** A model's fix that the checks refused: shown as a skipped {@link RemediationAction#FIX}, with the reason. */
    public PlannedRemediation refusedModelFix(FailureCase failure, String key, List<String> paths, String reason) {
        RiskModel.Inputs inputs = inputs(failure, RemediationAction.FIX, failure.verdict().confidence(), paths, 0);
        return new PlannedRemediation(RemediationAction.FIX, MODEL_FIX_TARGET + key, riskModel.score(inputs),
                new Policy.Decision(Policy.Verdict.SKIP, "the model's fix is refused: " + reason,
                        failure.context().config().approval().permission()),
                "A language model proposed a fix for " + tests(paths) + "; Remediator refused it, as it refuses every "
                        + "change that weakens tests or CI or does not apply exactly.",
                null);
    }

    /** A model fix's target: the digest of its diff, by which its diff is found again. */
    public static final String MODEL_FIX_TARGET = "diff:";

    /**
     * The drift of a pushed commit: a regeneration for each CODE_STALE node and a rebaseline for each
     * BENIGN one, at most {@value #MAX_DRIFT_FIXES} per push, each pull request they would open counting against
     * the daily limit; and one manual review naming every other drifted node with its first suggestion.
     */
    public List<PlannedRemediation> plan(DriftCase drift) {
        List<PlannedRemediation> planned = new ArrayList<>();
        List<NodeDrift> review = new ArrayList<>();
        int pullRequests = drift.context().pullRequestsToday();
        for (NodeDrift node : drift.report().drifted()) {
            RemediationAction action = switch (node.kind()) {
                case CODE_STALE -> RemediationAction.REGENERATE;
                case BENIGN -> RemediationAction.REBASELINE;
                default -> RemediationAction.MANUAL_REVIEW;
            };
            if (action == RemediationAction.MANUAL_REVIEW || planned.size() == MAX_DRIFT_FIXES) {
                review.add(node);
                continue;
            }
            PlannedRemediation fix = driftFix(drift, node, action, pullRequests);
            if (fix.decision().verdict() != Policy.Verdict.SKIP) {
                pullRequests++;
            }
            planned.add(fix);
        }
        if (!review.isEmpty()) {
            planned.add(explanation("nodes", manualReview(review), drift.context()));
        }
        return planned;
    }

    private PlannedRemediation driftFix(DriftCase drift, NodeDrift node, RemediationAction action, int pullRequestsToday) {
        List<String> paths = new ArrayList<>();
        String what;
        if (action == RemediationAction.REGENERATE) {
            ProvenanceNode recorded = drift.manifest().node(node.id()).orElseThrow(
                    () -> new IllegalArgumentException("the report's node " + node.id() + " is not in the manifest"));
            recorded.generated().files().stream().map(RecordedFile::path).forEach(paths::add);
            paths.addAll(node.generated().added());
            what = "Regenerating dispatches " + MarkdownText.code(drift.regenerateWorkflow()) + " on a new branch with the "
                    + "node's context and command; when the workflow has pushed its result, a draft pull request opens "
                    + "that changes only the node's generated files and the manifest.";
        } else {
            what = "Rebaselining opens a draft pull request that records the node's new hashes in "
                    + MarkdownText.code(drift.manifestPath()) + " and changes nothing else.";
        }
        paths.add(drift.manifestPath());
        RiskModel.Inputs inputs = inputs(drift.context(), action, node.confidence(), paths, 0, drift.branch(),
                drift.context().targetBranchProtected(), false);
        return remediation(drift.context(), pullRequestsToday, action, node.id(), inputs,
                what + "\n" + DriftReportMarkdown.node(node), null);
    }

    private static String manualReview(List<NodeDrift> nodes) {
        StringBuilder out = new StringBuilder(nodes.size() == 1 ? "One drifted node needs a person:\n\n"
                : nodes.size() + " drifted nodes need a person:\n\n");
        for (NodeDrift node : nodes.subList(0, Math.min(REVIEW_NODES_SHOWN, nodes.size()))) {
            out.append("- ").append(MarkdownText.code(node.context() + " / " + node.id())).append(": **")
                    .append(node.kind().name()).append("** (").append(percent(node.confidence())).append(")");
            if (node.kind() == DriftKind.CODE_STALE || node.kind() == DriftKind.BENIGN) {
                out.append(", beyond the ").append(MAX_DRIFT_FIXES).append(" fixes Remediator proposes for one push");
            }
            if (!node.suggestions().isEmpty()) {
                out.append(": ").append(MarkdownText.escape(node.suggestions().get(0).reason()));
            }
            out.append('\n');
        }
        if (nodes.size() > REVIEW_NODES_SHOWN) {
            out.append("- and ").append(nodes.size() - REVIEW_NODES_SHOWN).append(" more, listed in the report\n");
        }
        return out.toString();
    }

    private List<PlannedRemediation> planRerun(FailureCase failure, RepositoryConfig.Rerun rerun) {
        String why = "The failure looks transient (" + category(failure) + ").";
        if (!rerun.enabled()) {
            return explain(failure, why + " Re-runs are disabled in the config (`failures.rerun.enabled`).");
        }
        if (failure.run().attempt() > rerun.maxAttempts()) {
            return explain(failure, why + " The run was already re-run (this is attempt " + failure.run().attempt()
                    + ", the config allows " + rerun.maxAttempts() + "): failing again, it is more than a blip. "
                    + suggestion(failure));
        }
        int tooMany = Math.max(3, failure.totalJobs() / 2);
        if (failure.failedJobs() > tooMany) {
            return explain(failure, why + " " + failure.failedJobs() + " of " + failure.totalJobs()
                    + " jobs failed: too many for a blind re-run. " + suggestion(failure));
        }
        return List.of(remediation(failure, RemediationAction.RERUN, "run:" + failure.run().runId(),
                inputs(failure, RemediationAction.RERUN, failure.verdict().confidence(), List.of(), 0),
                why + " Re-running the " + failure.failedJobs() + " failed job" + (failure.failedJobs() == 1 ? "" : "s")
                        + " once is the cheapest fix.",
                null));
    }

    private List<PlannedRemediation> planQuarantines(FailureCase failure, List<FlakyTest> flaky) {
        RepositoryConfig.Quarantine quarantine = failure.context().config().failures().quarantine();
        String evidence = MarkdownText.escape(String.join("; ", flaky.stream().map(FlakyTest::evidence).toList()));
        if (!quarantine.enabled()) {
            return explain(failure, "Flaky: " + evidence + ". Quarantine is disabled in the config "
                    + "(`failures.quarantine.enabled`): fix or skip the test by hand.");
        }
        // a test is never proposed twice: its quarantine pull request may not be merged yet, or its trial is on
        Map<String, Integer> quarantined = failure.history().quarantined();
        List<FlakyTest> fresh = flaky.stream().filter(test -> !quarantined.containsKey(test.name())).toList();
        if (fresh.isEmpty()) {
            return explain(failure, "Flaky: " + evidence + ". Quarantined already: " + String.join(", ", flaky.stream()
                    .map(test -> MarkdownText.code(test.name()) + " (tracking issue #" + quarantined.get(test.name()) + ")")
                    .toList()) + ".");
        }
        return quarantineEach(failure, fresh, quarantine);
    }

    private List<PlannedRemediation> quarantineEach(FailureCase failure, List<FlakyTest> flaky,
            RepositoryConfig.Quarantine quarantine) {
        List<PlannedRemediation> planned = new ArrayList<>();
        for (FlakyTest test : flaky.subList(0, Math.min(MAX_QUARANTINES, flaky.size()))) {
            planned.add(remediation(failure, RemediationAction.QUARANTINE, test.name(),
                    inputs(failure, RemediationAction.QUARANTINE, test.confidence(), List.of(quarantine.file()), 1),
                    "Flaky test: " + MarkdownText.escape(test.evidence()) + ". Adding it to "
                            + MarkdownText.code(quarantine.file()) + " keeps the branch green while someone fixes it.",
                    null));
        }
        if (flaky.size() > MAX_QUARANTINES) {
            planned.addAll(explain(failure, (flaky.size() - MAX_QUARANTINES) + " more flaky tests are not quarantined "
                    + "in one go: " + tests(flaky.subList(MAX_QUARANTINES, flaky.size()).stream().map(FlakyTest::name).toList())));
        }
        return planned;
    }

    private List<PlannedRemediation> planRevert(FailureCase failure, Culprit culprit) {
        // commit titles, logins and test names come from users: escaped, and logins in code so that nobody is pinged
        String suspect = MarkdownText.code(culprit.commit().shortSha()) + " \"" + MarkdownText.escape(culprit.commit().title())
                + "\"" + (culprit.commit().authorLogin() == null ? "" : " by " + MarkdownText.code("@" + culprit.commit().authorLogin()));
        String because = MarkdownText.escape(String.join("; ", culprit.reasons()));
        if (culprit.confidence() < REVERT_CONFIDENCE) {
            return explain(failure, summary(failure) + " Suspect: " + suspect + " (" + because + "), but with "
                    + percent(culprit.confidence()) + " confidence, too little to revert it.");
        }
        if (!failure.context().config().failures().revert().enabled()) {
            return explain(failure, summary(failure) + " Likely culprit: " + suspect + " (" + because
                    + "). Reverts are disabled in the config (`failures.revert.enabled`).");
        }
        if (failure.history().revertBlocked().isPresent()) {
            return explain(failure, summary(failure) + " Likely culprit: " + suspect + ". Reverting it is refused: "
                    + MarkdownText.escape(failure.history().revertBlocked().get()) + ".");
        }
        List<String> paths = culprit.commit().files().stream().flatMap(f -> f.paths().stream()).distinct().toList();
        double confidence = Math.min(culprit.confidence(), Math.max(failure.verdict().confidence(), 0.5));
        Optional<FailureCase.MergedFix> fix = failure.history().culpritFix();
        RiskModel.Inputs inputs = inputs(failure, RemediationAction.REVERT, confidence, paths,
                culprit.commit().linesChanged());
        String rollback = "";
        if (fix.isPresent()) {
            String named = "pull request #" + fix.get().pullNumber() + " (" + fix.get().action().slug()
                    + ", audit id " + fix.get().remediationId() + ")";
            inputs = new RiskModel.Inputs(inputs.action(), inputs.confidence(), inputs.touchedPaths(),
                    inputs.linesChanged(), inputs.protectedPathsTouched(), inputs.targetBranch(),
                    inputs.targetBranchProtected(), inputs.protectedRepository(), inputs.outsideAuthor(),
                    inputs.trackRecord(), named);
            rollback = " It is the merge of Remediator's own " + named + ": rolling it back comes first.";
        }
        return List.of(remediation(failure, RemediationAction.REVERT, culprit.commit().sha(), inputs,
                summary(failure) + " Likely culprit: " + suspect + " (" + because + ")." + rollback
                        + " A draft pull request would revert it on top of "
                        + MarkdownText.code(failure.run().headBranch()) + ".",
                culprit.commit().authorLogin()));
    }

    private RiskModel.Inputs inputs(FailureCase failure, RemediationAction action, double confidence, List<String> paths,
            int lines) {
        return inputs(failure.context(), action, confidence, paths, lines,
                action == RemediationAction.QUARANTINE ? failure.defaultBranch() : failure.run().headBranch(),
                action.opensPullRequest() && failure.context().targetBranchProtected(), failure.outsideAuthor());
    }

    private static RiskModel.Inputs inputs(FailureCase.Context context, RemediationAction action, double confidence,
            List<String> paths, int lines, String targetBranch, boolean targetBranchProtected, boolean outsideAuthor) {
        RepositoryConfig config = context.config();
        List<String> protectedTouched = paths.stream().filter(ProtectedPaths.of(config)).distinct().toList();
        return new RiskModel.Inputs(action, confidence, paths, lines, protectedTouched, targetBranch,
                targetBranchProtected, config.protectedRepository(), outsideAuthor, context.trackRecord(action));
    }

    private PlannedRemediation remediation(FailureCase failure, RemediationAction action, String target,
            RiskModel.Inputs inputs, String explanation, String culpritAuthor) {
        return remediation(failure.context(), failure.context().pullRequestsToday(), action, target, inputs, explanation,
                culpritAuthor);
    }

    private PlannedRemediation remediation(FailureCase.Context context, int pullRequestsToday, RemediationAction action,
            String target, RiskModel.Inputs inputs, String explanation, String culpritAuthor) {
        RiskScore risk = riskModel.score(inputs);
        Policy.Decision decision = policy.decide(action, risk, context.config(), pullRequestsToday,
                inputs.protectedPathsTouched());
        return new PlannedRemediation(action, target, risk, decision, explanation, culpritAuthor);
    }

    private List<PlannedRemediation> explain(FailureCase failure, String explanation) {
        return List.of(explanation("run:" + failure.run().runId() + ":" + failure.run().attempt(), explanation, failure.context()));
    }

    private static PlannedRemediation explanation(String target, String explanation, FailureCase.Context context) {
        RiskScore none = new RiskScore(List.of(new RiskFactor("action", 0, "explanation only")));
        return new PlannedRemediation(RemediationAction.MANUAL_REVIEW, target, none,
                new Policy.Decision(Policy.Verdict.SKIP, "nothing to execute", context.config().approval().permission()),
                explanation, null);
    }

    private static String summary(FailureCase failure) {
        FailureCase.Verdict verdict = failure.verdict();
        String summary = "The run failed with " + category(failure) + " (" + percent(verdict.confidence()) + " confidence)";
        return verdict.failingTests().isEmpty() ? summary + "." : summary + ": " + tests(verdict.failingTests()) + ".";
    }

    private static String suggestion(FailureCase failure) {
        return switch (failure.verdict().category()) {
            case COMPILATION -> "Fix the compile errors at the annotated lines.";
            case TEST -> "Look at the failing tests; if they look unrelated to the change, `/remediator retry` "
                    + "re-runs the failed jobs to check for flakiness.";
            case DEPENDENCY -> "A dependency could not be resolved: check the versions asked for and the registry.";
            case LINT -> "Run the project's formatter or linter locally and commit the result.";
            case CONFIGURATION -> "The workflow or build setup is wrong: see the first error quoted below.";
            case INFRASTRUCTURE -> "The runner's environment failed: check the service or registry status.";
            case TIMEOUT -> "A step ran out of time: look for a hang, or raise its timeout.";
            case RESOURCE -> "A process ran out of memory: lower the parallelism or raise the limit.";
            case CANCELLED -> "The run was cancelled: nothing to fix.";
            case UNKNOWN -> "The logs do not say why: the quoted lines are the best clues.";
        };
    }

    private static String category(FailureCase failure) {
        return failure.verdict().category().description();
    }

    private static String tests(List<String> tests) {
        return MarkdownText.codeList(tests, 5);
    }

    private static String percent(double confidence) {
        return Math.round(confidence * 100) + " %";
    }
}
