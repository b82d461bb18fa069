package dev.remediator.flow.drift;

import dev.remediator.flow.lifecycle.PlannedRemediations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.core.config.LoadedConfig;
import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.drift.DriftClassifier;
import dev.remediator.core.drift.DriftKind;
import dev.remediator.core.drift.DriftMode;
import dev.remediator.core.drift.DriftReport;
import dev.remediator.core.drift.DriftReportJson;
import dev.remediator.core.drift.DriftReportMarkdown;
import dev.remediator.core.drift.ProvenanceException;
import dev.remediator.core.drift.ProvenanceManifest;
import dev.remediator.core.drift.ProvenanceManifestJson;
import dev.remediator.core.remediation.DriftCase;
import dev.remediator.core.remediation.FailureCase;
import dev.remediator.core.remediation.RemediationPlanner;
import dev.remediator.core.report.DriftCheckRunReport;
import dev.remediator.github.GitHubRepositories;
import dev.remediator.github.RepositoryConfigLoader;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.store.DriftReportRecord;
import dev.remediator.store.DriftStore;
import dev.remediator.store.KnownRepository;
import dev.remediator.store.RemediationStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * From a pushed commit to its drift report (DESIGN §4): the manifest at the commit, the commit's tree in one
 * recursive request, the contents of the generated files whose blob changed and nothing else, the classification,
 * the stored report, the planned remediations and the Drift check run. The nightly scan classifies the default
 * branch's head the same way, without a check run or remediations.
 */
@ApplicationScoped
public class DriftAnalysis {

    private static final Logger LOG = Logger.getLogger(DriftAnalysis.class);

    @Inject
    GitHubRepositories repositories;

    @Inject
    RepositoryConfigLoader configs;

    @Inject
    DriftReports reports;

    @Inject
    DriftStore drifts;

    @Inject
    RemediationStore store;

    @Inject
    PlannedRemediations remediations;

    @Inject
    MeterRegistry registry;

    private final RemediationPlanner planner = new RemediationPlanner();

    /** What the classification of one commit produced: the stored report, and the manifest and report when valid. */
    private record Classification(DriftReportRecord record, ProvenanceManifest manifest, DriftReport report) {
    }

    /**
     * A push to a watched branch. Without a manifest at the commit nothing is posted or stored (a counter counts it).
     *
     * @param resumed whether an earlier attempt may have begun this work (a retried delivery)
     */
    public void analysePush(PushedCommit push, LoadedConfig config, String deliveryId, boolean resumed) throws IOException {
        RepositoryGitHub github = repositories.open(push.installationId(), push.repositoryId(), push.repository());
        String manifestPath = config.config().drift().manifest();
        Optional<byte[]> manifest = github.fileBytes(manifestPath, push.sha());
        if (manifest.isEmpty()) {
            LOG.debugf("No %s in %s at %s: no drift check", manifestPath, push.repository(), push.sha());
            count("no_manifest");
            return;
        }
        reports.start(github, push, manifestPath, resumed);
        Classification classified = classify(github, push, "push", deliveryId, manifest.get(), config);
        if (classified.report() != null && !classified.report().drifted().isEmpty()) {
            plan(github, push, classified, config.config(), deliveryId);
        }
        reports.publish(github, push.sha());
        count(classified.record().verdict().toLowerCase(Locale.ROOT));
    }

    /** How the scheduled scan of one repository ended. */
    public enum ScanOutcome {
        /** Drift detection is disabled, or the branch is gone. */
        SKIPPED,
        /** No manifest at the head. */
        NO_MANIFEST,
        /** The head's drift is already stored (a push or an earlier scan). */
        UNCHANGED,
        CLEAN,
        DRIFTED,
        /** The manifest cannot be used. */
        INVALID
    }

    /** The scheduled scan of one repository: the head of its default branch, unless a report of that commit exists. */
    public ScanOutcome scan(KnownRepository repository) throws IOException {
        LoadedConfig config = configs.load(repository.installationId(), repository.id(), repository.fullName());
        if (!config.config().drift().enabled()) {
            return ScanOutcome.SKIPPED;
        }
        RepositoryGitHub github = repositories.open(repository.installationId(), repository.id(), repository.fullName());
        String branch = repository.defaultBranchOrMain();
        Optional<String> head = github.refSha(branch);
        if (head.isEmpty()) {
            return ScanOutcome.SKIPPED;
        }
        if (drifts.report(repository.id(), head.get()).isPresent()) {
            return ScanOutcome.UNCHANGED;
        }
        Optional<byte[]> manifest = github.fileBytes(config.config().drift().manifest(), head.get());
        if (manifest.isEmpty()) {
            return ScanOutcome.NO_MANIFEST;
        }
        PushedCommit commit = new PushedCommit(repository.installationId(), repository.id(), repository.fullName(), branch, branch,
                head.get());
        DriftReportRecord record = classify(github, commit, "scan", null, manifest.get(), config).record();
        return switch (record.verdict()) {
            case "INVALID" -> ScanOutcome.INVALID;
            case "CLEAN" -> ScanOutcome.CLEAN;
            default -> ScanOutcome.DRIFTED;
        };
    }

    private Classification classify(RepositoryGitHub github, PushedCommit commit, String source, String deliveryId,
            byte[] manifestBytes, LoadedConfig config) throws IOException {
        long started = System.nanoTime();
        RepositoryConfig.Drift settings = config.config().drift();
        DriftMode mode = DriftMode.valueOf(settings.mode().name());
        ProvenanceManifest manifest;
        try {
            manifest = ProvenanceManifestJson.read(new String(manifestBytes, StandardCharsets.UTF_8));
        } catch (ProvenanceException e) {
            LOG.infof("The manifest of %s at %s cannot be used: %s", commit.repository(), commit.sha(), e.getMessage());
            DriftReportRecord record = drifts.save(new DriftStore.NewReport(commit.repositoryId(), commit.sha(),
                    commit.branch(), source, deliveryId, settings.manifest(), mode.label(), "INVALID", e.getMessage(), 0, 0,
                    Map.of(), 0, false, config.location(), config.problems(), "", List.of(), millis(started), null));
            return new Classification(record, null, null);
        }
        CommitTree tree = CommitTree.of(github.tree(commit.sha()), manifest);
        if (tree.truncated()) {
            LOG.warnf("GitHub cut the tree of %s at %s: %d recorded files missing from it are taken as unchanged",
                    commit.repository(), commit.sha(), tree.assumedUnchanged().size());
        }
        DriftReport report = DriftClassifier.classify(manifest, tree.tree(), CommitContents.at(github, commit.sha()));
        long millis = millis(started);
        registry.timer("remediator.drift.classification").record(Duration.ofMillis(millis));
        Map<String, Integer> counts = new LinkedHashMap<>();
        report.counts().forEach((kind, count) -> counts.put(kind.name(), count));
        DriftReportRecord record = drifts.save(new DriftStore.NewReport(commit.repositoryId(), commit.sha(), commit.branch(),
                source, deliveryId, settings.manifest(), mode.label(), report.verdict(mode).name(), null,
                report.nodes().size(), report.drifted().size(), counts, report.filesRead(), tree.truncated(),
                config.location(), config.problems(),
                DriftReportMarkdown.render(report, mode, DriftCheckRunReport.REPORT_LIMIT),
                DriftCheckRunReport.annotations(report, mode), millis, DriftReportJson.write(report, mode)));
        LOG.infof("Drift of %s at %s: %s, %d of %d nodes drifted, %d contents read, in %d ms", commit.repository(),
                commit.sha(), record.verdict(), report.drifted().size(), report.nodes().size(), report.filesRead(), millis);
        return new Classification(record, manifest, report);
    }

    /** Stores the planned remediations of the drifted nodes, applies the policy, and executes what may run now. */
    private void plan(RepositoryGitHub github, PushedCommit push, Classification classified, RepositoryConfig config,
            String deliveryId) throws IOException {
        boolean opensPullRequest = classified.report().drifted().stream()
                .anyMatch(node -> node.kind() == DriftKind.CODE_STALE || node.kind() == DriftKind.BENIGN);
        boolean targetProtected = opensPullRequest && github.branch(push.branch())
                .map(RepositoryGitHub.Branch::protectedBranch).orElse(false);
        FailureCase.Context context = new FailureCase.Context(config,
                store.pullRequestsOpenedSince(push.repositoryId(), Instant.now().minus(Duration.ofDays(1))),
                store.trackRecords(push.repositoryId()), targetProtected);
        DriftCase drift = new DriftCase(classified.report(), classified.manifest(), config.drift().manifest(), push.branch(),
                config.drift().regenerateWorkflow(), context);
        RemediationStore.PushKey key = new RemediationStore.PushKey(push.repositoryId(), push.sha(), push.branch());
        remediations.act(github, planner.plan(drift), (planned, deadline) -> store.propose(key, planned, deadline, deliveryId),
                config, deliveryId);
    }

    private void count(String outcome) {
        registry.counter("remediator.drift.pushes", "outcome", outcome).increment();
    }

    private static long millis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
