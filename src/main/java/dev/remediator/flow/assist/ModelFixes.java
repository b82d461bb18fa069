package dev.remediator.flow.assist;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.config.RemediatorConfig;
import dev.remediator.core.analysis.FailureCategory;
import dev.remediator.core.analysis.Location;
import dev.remediator.core.analysis.RunAnalysis;
import dev.remediator.core.assist.AnswerSchema;
import dev.remediator.core.assist.FailureBrief;
import dev.remediator.core.assist.FixProposal;
import dev.remediator.core.assist.ModelPrompts;
import dev.remediator.core.assist.ModelReading;
import dev.remediator.core.assist.UnifiedDiff;
import dev.remediator.core.assist.UnusableAnswer;
import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.core.lifecycle.RemediationState;
import dev.remediator.core.remediation.FailureCase;
import dev.remediator.core.remediation.PlannedRemediation;
import dev.remediator.core.remediation.ProtectedPaths;
import dev.remediator.core.remediation.RemediationAction;
import dev.remediator.core.remediation.RemediationPlanner;
import dev.remediator.core.remediation.RemediatorBranch;
import dev.remediator.core.remediation.RevertPlan;
import dev.remediator.core.report.PullRequestText;
import dev.remediator.flow.lifecycle.DraftPullRequests;
import dev.remediator.flow.lifecycle.ExecutionOutcome;
import dev.remediator.flow.lifecycle.RemediationActions;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.llm.LanguageModel;
import dev.remediator.store.ModelStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Model-written fixes, where the repository opted in ({@code llm.fix}): for compile, lint and test failures that
 * point at files of the repository outside protected paths, those files are read at the failing commit (bounded) and
 * the model is asked for a unified diff. A diff that passes every check ({@link FixProposal#review}) is proposed as
 * a {@link RemediationAction#FIX}, which always waits for a person; one that fails them is shown skipped, with the
 * reason. Approved, it is applied again, strictly, to the branch's head and opened as a draft pull request.
 */
@ApplicationScoped
public class ModelFixes implements RemediationActions {

    private static final Logger LOG = Logger.getLogger(ModelFixes.class);

    static final Set<FailureCategory> FIXABLE = EnumSet.of(FailureCategory.COMPILATION, FailureCategory.LINT,
            FailureCategory.TEST);

    @Inject
    LanguageModel model;

    @Inject
    ModelQuestions questions;

    @Inject
    ModelStore store;

    @Inject
    RemediatorConfig settings;

    @Inject
    DraftPullRequests pullRequests;

    @Inject
    MeterRegistry registry;

    private final RemediationPlanner planner = new RemediationPlanner();

    public boolean wanted(RepositoryConfig config) {
        return model.configured() && config.llm().fix();
    }

    /**
     * The model's fix for the failure as a planned remediation, proposed or refused; empty when there is nothing to
     * ask (not a fixable category, no file of the repository to read, a fork) or the model gave no answer.
     */
    public Optional<PlannedRemediation> propose(RepositoryGitHub github, long installationId, FailureCase failure,
            RunAnalysis analysis, FailureBrief brief, RepositoryConfig config) throws IOException {
        if (failure.fromFork() || !FIXABLE.contains(analysis.category())) {
            return Optional.empty();
        }
        Map<String, String> files = files(github, analysis, failure.run().headSha(), ProtectedPaths.of(config));
        if (files.isEmpty()) {
            return Optional.empty();
        }
        ModelQuestions.Asked asked = questions.ask(installationId, ModelStore.Kind.FIX, ModelPrompts.FIX,
                ModelPrompts.fixRequest(brief, files), AnswerSchema.FIX);
        if (asked.answer() == null) {
            count(asked.outcome());
            if (asked.note() != null) {
                // said under the model's heading, unless the explanation of the same run said something there first
                store.saveReading(github.repositoryId(), failure.run().runId(), failure.run().attempt(),
                        ModelReading.none(model.name(), "no fix from the model: " + asked.note()));
            }
            return Optional.empty();
        }
        RemediatorConfig.Llm.Fix limits = settings.llm().fix();
        try {
            FixProposal fix = FixProposal.review(asked.answer(), files,
                    new FixProposal.Limits(limits.maxFiles(), limits.maxLines()), ProtectedPaths.of(config));
            questions.remember(asked, ModelStore.Kind.FIX);
            store.saveFix(fix);
            count("proposed");
            return Optional.of(planner.planModelFix(failure, fix, model.name()));
        } catch (FixProposal.Refused e) {
            // a well-formed answer refused is refused again for free: a redelivery asks nothing
            questions.remember(asked, ModelStore.Kind.FIX);
            return Optional.of(refused(github, failure, asked, files, e.getMessage()));
        } catch (UnusableAnswer e) {
            return Optional.of(refused(github, failure, asked, files, e.getMessage()));
        }
    }

    private PlannedRemediation refused(RepositoryGitHub github, FailureCase failure, ModelQuestions.Asked asked,
            Map<String, String> files, String reason) {
        LOG.infof("A model's fix for run %d of %s is refused: %s", failure.run().runId(), github.fullName(), reason);
        count("refused");
        return planner.refusedModelFix(failure, asked.signature().substring(0, 16), List.copyOf(files.keySet()), reason);
    }

    /** The files the failure points at, at the failing commit: in the repository, outside protected paths, bounded. */
    private Map<String, String> files(RepositoryGitHub github, RunAnalysis analysis, String sha,
            Predicate<String> protectedPath) throws IOException {
        RemediatorConfig.Llm.Fix limits = settings.llm().fix();
        List<String> paths = new ArrayList<>();
        for (Location location : analysis.locations()) {
            String path = location.path();
            if (!paths.contains(path) && !path.startsWith(".github/") && !protectedPath.test(path)) {
                paths.add(path);
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (String path : paths.subList(0, Math.min(limits.maxFiles(), paths.size()))) {
            github.fileContent(path, sha).filter(content -> content.length() <= limits.maxFileChars())
                    .ifPresent(content -> files.put(path, content));
        }
        return files;
    }

    private void count(String outcome) {
        registry.counter("remediator.llm.fixes", "outcome", outcome).increment();
    }

    @Override
    public Set<RemediationAction> actions() {
        return EnumSet.of(RemediationAction.FIX);
    }

    /**
     * Applies the approved diff, strictly, to the files at the branch's current head: when they changed since the
     * failure so that the diff no longer applies, nothing is opened and the reason is said.
     */
    @Override
    public ExecutionOutcome execute(RepositoryGitHub github, Remediation remediation, RepositoryConfig config)
            throws IOException, RevertPlan.RefusedException {
        String digest = remediation.target().substring(RemediationPlanner.MODEL_FIX_TARGET.length());
        Optional<FixProposal> stored = store.fix(digest);
        if (stored.isEmpty()) {
            return new ExecutionOutcome(RemediationState.FAILED, "the model's diff " + digest + " is not stored");
        }
        FixProposal fix = stored.get();
        if (fix.paths().stream().anyMatch(ProtectedPaths.of(config))) {
            return new ExecutionOutcome(RemediationState.SKIPPED, "the diff changes protected paths (the config may have "
                    + "changed since it was proposed)");
        }
        String branch = RemediatorBranch.name(RemediationAction.FIX, remediation.headBranch(), remediation.id());
        String head = github.branchHead(remediation.headBranch());
        Map<String, String> changed;
        try {
            Map<String, String> before = new LinkedHashMap<>();
            for (String path : fix.paths()) {
                before.put(path, github.fileContent(path, head).orElse(null));
            }
            changed = UnifiedDiff.parse(fix.diff()).apply(before);
        } catch (UnifiedDiff.Refused e) {
            return new ExecutionOutcome(RemediationState.SKIPPED, "the diff no longer applies to "
                    + remediation.headBranch() + ": " + e.getMessage());
        }
        return pullRequests.open(github, remediation, config, branch, remediation.headBranch(), base -> {
            RepositoryGitHub.CommitDetails headCommit = github.commit(head);
            Map<String, RevertPlan.TreeEntry> entries = github.treeEntries(headCommit.treeSha(), changed.keySet());
            List<RevertPlan.TreeChange> tree = new ArrayList<>();
            for (Map.Entry<String, String> file : changed.entrySet()) {
                RevertPlan.TreeEntry entry = entries.get(file.getKey());
                tree.add(new RevertPlan.TreeChange(file.getKey(), entry == null ? "100644" : entry.mode(),
                        github.createBlob(file.getValue())));
            }
            return pullRequests.commit(github, config, "Apply a model's proposed fix (" + fix.paths().size() + " files, +"
                    + fix.linesAdded() + " -" + fix.linesRemoved() + ")\n\nWritten by a language model, approved by a "
                    + "person. Remediator audit id " + remediation.id() + ".\n", github.createTree(headCommit.treeSha(), tree),
                    head);
        }, PullRequestText.modelFix(remediation.headBranch(), fix.paths().size(), fix.linesAdded(), fix.linesRemoved(),
                remediation.explanation(), PullRequestText.evidenceLink(github.fullName(), remediation.runId(),
                        remediation.headSha()), remediation.risk(), remediation.id()));
    }
}
