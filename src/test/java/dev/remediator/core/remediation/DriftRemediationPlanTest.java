package dev.remediator.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.drift.DriftKind;
import dev.remediator.core.drift.DriftReport;
import dev.remediator.core.drift.FileChanges;
import dev.remediator.core.drift.Generator;
import dev.remediator.core.drift.GlobSet;
import dev.remediator.core.drift.NodeDrift;
import dev.remediator.core.drift.ProvenanceManifest;
import dev.remediator.core.drift.ProvenanceNode;
import dev.remediator.core.drift.RecordedFile;
import dev.remediator.core.drift.SuggestedAction;
import dev.remediator.core.drift.Suggestion;
import dev.remediator.core.drift.TrackedFiles;
import dev.remediator.core.remediation.Policy.Verdict;

/** The planner's drift remediations: one per fixable node, one manual review for the rest, each decided by the policy. */
class DriftRemediationPlanTest {

    private static final String MANIFEST = ".remediator/provenance.json";
    private static final String BLOB = "0123456789abcdef0123456789abcdef01234567";

    private static RepositoryConfig config(RepositoryConfig.Mode mode, List<String> protectedPaths, int maxPrs) {
        RepositoryConfig d = RepositoryConfig.DEFAULTS;
        return new RepositoryConfig(mode, d.riskThreshold(), false, protectedPaths, maxPrs, d.approval(), d.failures(),
                d.drift(), d.notifications(), d.autoMerge(), d.commits(), d.llm());
    }

    /** A node of context {@code api} with {@code generated} files under gen/{id}/. */
    private static ProvenanceNode node(String id, int generated) {
        try {
            List<RecordedFile> files = new ArrayList<>();
            for (int i = 0; i < generated; i++) {
                files.add(new RecordedFile("gen/" + id + "/File" + i + ".java", BLOB, "java/1:" + "0".repeat(64)));
            }
            return new ProvenanceNode(id, "api", Generator.forCommand("gen " + id),
                    new TrackedFiles(GlobSet.of(List.of("api/" + id + ".yaml")), List.of(new RecordedFile("api/" + id + ".yaml", BLOB, null))),
                    new TrackedFiles(GlobSet.of(List.of("gen/" + id + "/**")), files));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static NodeDrift drift(String id, DriftKind kind) {
        FileChanges none = new FileChanges(List.of(), List.of(), List.of());
        FileChanges spec = kind == DriftKind.CODE_STALE || kind == DriftKind.SEMANTIC
                ? new FileChanges(List.of("api/" + id + ".yaml"), List.of(), List.of()) : none;
        FileChanges generated = kind == DriftKind.CODE_STALE || kind == DriftKind.NONE ? none
                : new FileChanges(List.of("gen/" + id + "/File0.java"), List.of(), List.of());
        List<String> reformatted = kind == DriftKind.BENIGN ? List.of("gen/" + id + "/File0.java") : List.of();
        SuggestedAction first = switch (kind) {
            case CODE_STALE -> SuggestedAction.REGENERATE;
            case BENIGN -> SuggestedAction.REBASELINE;
            case SPEC_STALE -> SuggestedAction.UPDATE_SPEC;
            default -> SuggestedAction.MANUAL_REVIEW;
        };
        List<Suggestion> suggestions = kind == DriftKind.NONE ? List.of()
                : List.of(new Suggestion(first, kind == DriftKind.CODE_STALE || kind == DriftKind.BENIGN, "why " + id));
        return new NodeDrift(id, "api", Generator.forCommand("gen " + id), kind, 0.95, suggestions, spec, generated,
                reformatted, List.of());
    }

    private static List<PlannedRemediation> plan(RepositoryConfig config, int prsToday, Map<String, DriftKind> kinds,
            int generatedFiles) {
        List<ProvenanceNode> nodes = new ArrayList<>();
        List<NodeDrift> drifts = new ArrayList<>();
        kinds.forEach((id, kind) -> {
            nodes.add(node(id, generatedFiles));
            drifts.add(drift(id, kind));
        });
        DriftCase drift = new DriftCase(new DriftReport(drifts, 0), new ProvenanceManifest(nodes), MANIFEST, "main",
                "regenerate.yml", new FailureCase.Context(config, prsToday, Map.of(), false));
        return new RemediationPlanner().plan(drift);
    }

    private static final RepositoryConfig AUTO = config(RepositoryConfig.Mode.AUTO, List.of(".github/workflows/**"), 5);

    @Test
    void aStaleNodeIsRegeneratedAndABenignOneRebaselined() {
        List<PlannedRemediation> plan = plan(AUTO, 0, Map.of("pets", DriftKind.CODE_STALE), 2);

        assertThat(plan).singleElement().satisfies(regenerate -> {
            assertThat(regenerate.action()).isEqualTo(RemediationAction.REGENERATE);
            assertThat(regenerate.target()).isEqualTo("pets");
            assertThat(regenerate.explanation()).contains("`regenerate.yml`", "### api / pets: CODE_STALE", "why pets");
            assertThat(regenerate.risk().factors()).extracting(RiskFactor::name).doesNotContain("change size");
            assertThat(regenerate.decision().verdict()).as("3 for the action and 0.2 for the doubt: above 3").isEqualTo(Verdict.ASK);
        });
        assertThat(plan(AUTO, 0, Map.of("pets", DriftKind.BENIGN), 2)).singleElement().satisfies(rebaseline -> {
            assertThat(rebaseline.action()).isEqualTo(RemediationAction.REBASELINE);
            assertThat(rebaseline.explanation()).contains("`" + MANIFEST + "`");
            assertThat(rebaseline.decision().verdict()).as("2.2 is within the threshold of 3 in auto mode").isEqualTo(Verdict.RUN);
        });
    }

    @Test
    void aRegenerationOfManyFilesIsRiskier() {
        PlannedRemediation regenerate = plan(AUTO, 0, Map.of("pets", DriftKind.CODE_STALE), 12).get(0);

        assertThat(regenerate.risk().factors()).filteredOn(factor -> factor.name().equals("change size"))
                .singleElement().satisfies(factor -> assertThat(factor.points()).isEqualTo(2));
    }

    @Test
    void nodesThatNeedAPersonShareOneManualReview() {
        List<PlannedRemediation> plan = plan(AUTO, 0, Map.of("edited", DriftKind.SPEC_STALE, "both", DriftKind.SEMANTIC,
                "fine", DriftKind.NONE), 1);

        assertThat(plan).singleElement().satisfies(review -> {
            assertThat(review.action()).isEqualTo(RemediationAction.MANUAL_REVIEW);
            assertThat(review.target()).isEqualTo("nodes");
            assertThat(review.decision().verdict()).isEqualTo(Verdict.SKIP);
            assertThat(review.explanation()).startsWith("2 drifted nodes need a person").contains("`api / edited`",
                    "SPEC_STALE", "why edited", "`api / both`", "SEMANTIC").doesNotContain("fine");
        });
    }

    @Test
    void aCleanReportPlansNothing() {
        assertThat(plan(AUTO, 0, Map.of("pets", DriftKind.NONE), 1)).isEmpty();
    }

    @Test
    void theManifestUnderProtectedPathsStopsARebaseline() {
        RepositoryConfig guarded = config(RepositoryConfig.Mode.AUTO, List.of(".remediator/**"), 5);

        PlannedRemediation rebaseline = plan(guarded, 0, Map.of("pets", DriftKind.BENIGN), 1).get(0);

        assertThat(rebaseline.decision().verdict()).isEqualTo(Verdict.SKIP);
        assertThat(rebaseline.decision().reason()).contains("protected paths", MANIFEST);
    }

    @Test
    void theDailyLimitCountsThePullRequestsOfThisPlanToo() {
        List<PlannedRemediation> plan = plan(config(RepositoryConfig.Mode.ADVISORY, List.of(), 3), 2,
                Map.of("a", DriftKind.BENIGN, "b", DriftKind.BENIGN), 1);

        assertThat(plan).extracting(p -> p.decision().verdict()).containsExactly(Verdict.ASK, Verdict.SKIP);
        assertThat(plan.get(1).decision().reason()).contains("daily limit of 3");
    }

    @Test
    void atMostFiveFixesAPushTheRestGoToTheReview() {
        Map<String, DriftKind> kinds = new LinkedHashMap<>();
        for (int i = 1; i <= 7; i++) {
            kinds.put("node" + i, DriftKind.CODE_STALE);
        }

        List<PlannedRemediation> plan = plan(config(RepositoryConfig.Mode.ADVISORY, List.of(), 100), 0, kinds, 1);

        assertThat(plan).extracting(PlannedRemediation::action).containsExactly(RemediationAction.REGENERATE,
                RemediationAction.REGENERATE, RemediationAction.REGENERATE, RemediationAction.REGENERATE,
                RemediationAction.REGENERATE, RemediationAction.MANUAL_REVIEW);
        assertThat(plan.get(5).explanation()).contains("`api / node6`", "`api / node7`",
                "beyond the 5 fixes Remediator proposes for one push");
    }
}
