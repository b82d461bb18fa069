package dev.remediator.flow.drift;

import dev.remediator.flow.lifecycle.ExecutionOutcome;
import dev.remediator.flow.lifecycle.DraftPullRequests;
import dev.remediator.flow.lifecycle.RemediationActions;
import dev.remediator.core.report.RemediationView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.core.history.CommitChange;
import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.drift.DriftClassifier;
import dev.remediator.core.drift.DriftKind;
import dev.remediator.core.drift.ProvenanceException;
import dev.remediator.core.drift.ProvenanceManifest;
import dev.remediator.core.drift.ProvenanceManifestJson;
import dev.remediator.core.drift.ProvenanceNode;
import dev.remediator.core.drift.ProvenanceRecorder;
import dev.remediator.core.remediation.RemediationAction;
import dev.remediator.core.lifecycle.RemediationState;
import dev.remediator.core.remediation.RemediatorBranch;
import dev.remediator.core.remediation.RevertPlan;
import dev.remediator.core.report.PullRequestText;
import dev.remediator.core.text.MarkdownText;
import dev.remediator.github.GitHubApiException;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.store.RemediationStore;

/**
 * Carries out the remediations of drift. A regeneration dispatches the repository's regeneration
 * workflow on a fresh branch from the pushed commit and waits; once the workflow has pushed to that branch, the draft
 * pull request opens, but only if the workflow changed nothing besides the node's generated files and the manifest.
 * A rebaseline opens a draft that records the node's new hashes in the manifest and changes nothing else.
 */
@ApplicationScoped
public class DriftFixes implements RemediationActions {

    /** Files of a refused regeneration named in the refusal; the rest are counted. */
    private static final int FILES_NAMED = 5;

    @Inject
    RemediationStore store;

    @Inject
    DraftPullRequests pullRequests;

    @Override
    public Set<RemediationAction> actions() {
        return EnumSet.of(RemediationAction.REGENERATE, RemediationAction.REBASELINE);
    }

    @Override
    public ExecutionOutcome execute(RepositoryGitHub github, Remediation remediation, RepositoryConfig config)
            throws IOException {
        return remediation.action() == RemediationAction.REGENERATE ? regenerate(github, remediation, config)
                : rebaseline(github, remediation, config);
    }

    /**
     * Dispatches the workflow, or (resumed by the workflow's push) opens the draft. {@link RemediationState#EXECUTING}
     * while the workflow has not pushed yet.
     */
    private ExecutionOutcome regenerate(RepositoryGitHub github, Remediation remediation, RepositoryConfig config)
            throws IOException {
        String workflow = config.drift().regenerateWorkflow();
        ProvenanceNode node;
        try {
            Optional<ProvenanceNode> found = node(github, config, remediation.subject(), remediation.target());
            if (found.isEmpty()) {
                return new ExecutionOutcome(RemediationState.SKIPPED, "the node " + remediation.target()
                        + " is not in the manifest at " + CommitChange.shortSha(remediation.subject()) + " any more");
            }
            node = found.get();
        } catch (ProvenanceException e) {
            return new ExecutionOutcome(RemediationState.SKIPPED, "the manifest at " + CommitChange.shortSha(remediation.subject())
                    + " cannot be used: " + e.getMessage());
        }
        String branch = RemediatorBranch.name(RemediationAction.REGENERATE, node.context(), remediation.id());
        Optional<String> head = github.refSha(branch);
        if (head.isPresent() && !head.get().equals(remediation.subject())) {
            return openRegenerated(github, remediation, config, node, branch, head.get());
        }
        String waiting = "dispatched " + workflow + " on the branch " + branch + "; the draft pull request opens when "
                + "the workflow pushes its result to that branch";
        if (head.isPresent() && remediation.dispatchedAt() != null) {
            return new ExecutionOutcome(RemediationState.EXECUTING, waiting);
        }
        if (!github.workflowExists(workflow)) {
            return new ExecutionOutcome(RemediationState.FAILED, "the regeneration workflow " + workflow
                    + " does not exist in " + github.fullName() + " (config drift.regenerate_workflow): add it, then "
                    + "approve again");
        }
        if (!store.reservePullRequest(remediation.id(), remediation.repositoryId(), branch, config.maxPrsPerDay())) {
            return new ExecutionOutcome(RemediationState.SKIPPED, "the daily limit of " + config.maxPrsPerDay()
                    + " pull requests is reached");
        }
        if (head.isEmpty()) {
            github.createBranch(branch, remediation.subject());
        }
        try {
            github.dispatchWorkflow(workflow, branch, Map.of("context", node.context(), "command", node.generator().command()));
        } catch (GitHubApiException e) {
            if (!e.unprocessable() && !e.notFound()) {
                throw e;
            }
            return new ExecutionOutcome(RemediationState.FAILED, "GitHub refused to dispatch " + workflow + " on "
                    + branch + " (" + e.status() + "): the workflow needs an on: workflow_dispatch trigger with the "
                    + "inputs context and command; fix it, then approve again");
        }
        store.recordDispatch(remediation.id());
        return new ExecutionOutcome(RemediationState.EXECUTING, waiting);
    }

    /** The draft of what the workflow pushed, or a refusal naming the files it had no business changing. */
    private ExecutionOutcome openRegenerated(RepositoryGitHub github, Remediation remediation, RepositoryConfig config,
            ProvenanceNode node, String branch, String head) throws IOException {
        JsonNode before = github.tree(remediation.subject());
        JsonNode after = github.tree(head);
        if (before.path("truncated").asBoolean() || after.path("truncated").asBoolean()) {
            return new ExecutionOutcome(RemediationState.FAILED, "GitHub listed the trees of " + branch + " only in part, "
                    + "so Remediator cannot check that the workflow changed only the node's files; nothing was opened");
        }
        Map<String, String> was = entries(before);
        Map<String, String> now = entries(after);
        TreeSet<String> changed = new TreeSet<>();
        was.forEach((path, entry) -> {
            if (!entry.equals(now.get(path))) {
                changed.add(path);
            }
        });
        now.keySet().stream().filter(path -> !was.containsKey(path)).forEach(changed::add);
        List<String> outside = changed.stream().filter(path -> !path.equals(config.drift().manifest())
                && !node.generated().globs().matches(path)).toList();
        if (!outside.isEmpty()) {
            return new ExecutionOutcome(RemediationState.FAILED, "refused: the workflow changed " + outside.size()
                    + (outside.size() == 1 ? " file" : " files") + " outside the node's generated files and the manifest ("
                    + String.join(", ", outside.subList(0, Math.min(FILES_NAMED, outside.size())))
                    + (outside.size() > FILES_NAMED ? " and " + (outside.size() - FILES_NAMED) + " more" : "")
                    + "); nothing was opened. Fix the workflow, delete the branch " + branch + ", then approve again");
        }
        PullRequestText.Text text = PullRequestText.regenerate(node.context(), node.id(), config.drift().regenerateWorkflow(),
                remediation.explanation(), evidenceLink(github, remediation), RemediationView.of(remediation).risk(),
                remediation.id());
        return pullRequests.open(github, remediation, config, branch, remediation.headBranch(), base -> {
            throw new GitHubApiException(404, "GET", "branch " + branch, "the regeneration branch is gone");
        }, text);
    }

    /**
     * A draft recording the node's current hashes on top of the branch's head, after checking that the node is still
     * BENIGN there: a hand edit made since must not be accepted by a rebaseline.
     */
    private ExecutionOutcome rebaseline(RepositoryGitHub github, Remediation remediation, RepositoryConfig config)
            throws IOException {
        String base = remediation.headBranch();
        String manifestPath = config.drift().manifest();
        String head = github.branchHead(base);
        ProvenanceManifest manifest;
        ProvenanceNode node;
        try {
            Optional<ProvenanceManifest> found = manifest(github, manifestPath, head);
            if (found.isEmpty() || found.get().node(remediation.target()).isEmpty()) {
                return new ExecutionOutcome(RemediationState.SKIPPED, "the node " + remediation.target() + " is not in "
                        + manifestPath + " at the head of " + base + " any more");
            }
            manifest = found.get();
            node = manifest.node(remediation.target()).get();
        } catch (ProvenanceException e) {
            return new ExecutionOutcome(RemediationState.SKIPPED, manifestPath + " at the head of " + base
                    + " cannot be used: " + e.getMessage());
        }
        ProvenanceManifest alone = new ProvenanceManifest(List.of(node));
        CommitTree tree = CommitTree.of(github.tree(head), alone);
        if (tree.truncated()) {
            return new ExecutionOutcome(RemediationState.SKIPPED, "GitHub listed the tree of " + base + " only in part, "
                    + "so the node cannot be recorded again from it; run remediator provenance record in a checkout");
        }
        CommitContents contents = CommitContents.remembering(github, head);
        DriftKind kind = DriftClassifier.classify(alone, tree.tree(), contents).nodes().get(0).kind();
        if (kind != DriftKind.BENIGN) {
            return new ExecutionOutcome(RemediationState.SKIPPED, "the node " + node.id() + " is " + kind + " at the head of "
                    + base + " now, not BENIGN: " + (kind == DriftKind.NONE ? "nothing to rebaseline"
                    : "rebaselining would hide that change; the next Drift check run shows it"));
        }
        String updated;
        try {
            updated = ProvenanceManifestJson.write(manifest.withNode(ProvenanceRecorder.record(node.definition(),
                    tree.tree(), contents, node)));
        } catch (ProvenanceException e) {
            return new ExecutionOutcome(RemediationState.SKIPPED, "the node " + node.id() + " cannot be recorded again: "
                    + e.getMessage());
        }
        String branch = RemediatorBranch.name(RemediationAction.REBASELINE, node.context(), remediation.id());
        return pullRequests.open(github, remediation, config, branch, base, ignored -> {
            String blob = github.createBlob(updated);
            String newTree = github.createTree(github.commit(head).treeSha(),
                    List.of(new RevertPlan.TreeChange(manifestPath, "100644", blob)));
            return pullRequests.commit(github, config, "Rebaseline drift node " + node.id() + "\n\nOnly formatting or "
                    + "comments changed in its generated files.\nRemediator audit id " + remediation.id() + ".\n", newTree,
                    head);
        }, PullRequestText.rebaseline(node.context(), node.id(), manifestPath, remediation.explanation(),
                evidenceLink(github, remediation), RemediationView.of(remediation).risk(), remediation.id()));
    }

    private static Optional<ProvenanceNode> node(RepositoryGitHub github, RepositoryConfig config, String sha, String id)
            throws IOException, ProvenanceException {
        Optional<ProvenanceManifest> manifest = manifest(github, config.drift().manifest(), sha);
        return manifest.isEmpty() ? Optional.empty() : manifest.get().node(id);
    }

    private static Optional<ProvenanceManifest> manifest(RepositoryGitHub github, String path, String sha)
            throws IOException, ProvenanceException {
        Optional<byte[]> text = github.fileBytes(path, sha);
        return text.isEmpty() ? Optional.empty()
                : Optional.of(ProvenanceManifestJson.read(new String(text.get(), StandardCharsets.UTF_8)));
    }

    /** Path to mode and SHA of every entry of a recursive tree listing: a mode change counts as a change. */
    private static Map<String, String> entries(JsonNode listing) {
        Map<String, String> entries = new HashMap<>();
        listing.path("tree").forEach(entry -> {
            if (!"tree".equals(entry.path("type").asText())) {
                entries.put(entry.path("path").asText(), entry.path("mode").asText() + " " + entry.path("sha").asText());
            }
        });
        return entries;
    }

    private static String evidenceLink(RepositoryGitHub github, Remediation remediation) {
        return "the Drift check run on " + MarkdownText.code(CommitChange.shortSha(remediation.subject())) + " of " + github.fullName();
    }

}
