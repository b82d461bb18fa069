package dev.remediator.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.remediator.core.config.ConfigProblem;
import dev.remediator.core.config.RepositoryConfig.Permission;
import dev.remediator.core.drift.DriftKind;
import dev.remediator.core.drift.DriftMode;
import dev.remediator.core.drift.DriftReport;
import dev.remediator.core.drift.DriftVerdict;
import dev.remediator.core.drift.FileChanges;
import dev.remediator.core.drift.Generator;
import dev.remediator.core.drift.NodeDrift;
import dev.remediator.core.remediation.RemediationAction;
import dev.remediator.core.lifecycle.RemediationState;
import dev.remediator.core.remediation.RiskFactor;
import dev.remediator.core.remediation.RiskScore;

/** The Drift check run: conclusion per mode, title, buttons for the first remediation awaiting approval, annotations. */
class DriftCheckRunReportTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private static DriftCheckRunReport.Check check(DriftMode mode, DriftVerdict verdict, String problem,
            List<RemediationView> remediations, List<ConfigProblem> configProblems) {
        return new DriftCheckRunReport.Check(SHA, ".remediator/provenance.json", mode, verdict, 4, verdict == DriftVerdict.CLEAN ? 0 : 2,
                "## the report\n", problem, false, "octo/hello:.github/remediator.yml", configProblems, List.of(), remediations);
    }

    private static RemediationView remediation(long id, RemediationAction action, RemediationState state) {
        return new RemediationView(id, action, "pets", state, new RiskScore(List.of(new RiskFactor("action", 3, "why"))),
                "explanation " + id, "advisory mode: Remediator asks before it acts", Permission.WRITE,
                Instant.parse("2030-01-01T00:00:00Z"), null, null, null);
    }

    @ParameterizedTest(name = "{1} in {0} mode: {2}")
    @CsvSource({ "WARN, CLEAN, SUCCESS", "WARN, DRIFTED, NEUTRAL", "FAIL, DRIFTED, NEUTRAL", "FAIL, FAILED, FAILURE" })
    void theConclusionFollowsTheVerdict(DriftMode mode, DriftVerdict verdict, CheckRunReport.Conclusion conclusion) {
        assertThat(DriftCheckRunReport.render(check(mode, verdict, null, List.of(), List.of())).conclusion()).isEqualTo(conclusion);
    }

    @ParameterizedTest(name = "{0} mode: {1}")
    @CsvSource({ "WARN, NEUTRAL", "FAIL, FAILURE" })
    void anInvalidManifestFailsOnlyInFailMode(DriftMode mode, CheckRunReport.Conclusion conclusion) {
        CheckRunReport.Rendered rendered = DriftCheckRunReport.render(check(mode, null, "version 2 is newer", List.of(), List.of()));

        assertThat(rendered.conclusion()).isEqualTo(conclusion);
        assertThat(rendered.title()).isEqualTo("Invalid provenance manifest");
        assertThat(rendered.summary()).contains("cannot be used: version 2 is newer", "`0123456`");
    }

    @Test
    void theFirstRemediationAwaitingApprovalGetsTheButtonsAndLeadsTheTitle() {
        List<RemediationView> remediations = List.of(remediation(7, RemediationAction.REBASELINE, RemediationState.DONE),
                remediation(8, RemediationAction.REGENERATE, RemediationState.AWAITING_APPROVAL),
                remediation(9, RemediationAction.REBASELINE, RemediationState.AWAITING_APPROVAL),
                remediation(10, RemediationAction.MANUAL_REVIEW, RemediationState.DONE));

        CheckRunReport.Rendered rendered = DriftCheckRunReport.render(check(DriftMode.WARN, DriftVerdict.DRIFTED, null,
                remediations, List.of()));

        assertThat(rendered.title()).isEqualTo("Drift in 2 of 4 nodes · regenerate awaiting approval · risk 3.0");
        assertThat(rendered.buttons()).extracting(CheckRunReport.Button::identifier).containsExactly("approve-8", "reject-8");
        assertThat(rendered.buttons()).allSatisfy(button -> {
            assertThat(button.label().length()).isLessThanOrEqualTo(20);
            assertThat(button.description().length()).isLessThanOrEqualTo(40);
            assertThat(button.identifier().length()).isLessThanOrEqualTo(20);
        });
        assertThat(rendered.text()).contains("explanation 8", "with the buttons above, until",
                "with the buttons above once the remediations before it are decided", "No automatic fix");
        assertThat(rendered.text().indexOf("explanation 10")).as("the manual review comes last")
                .isGreaterThan(rendered.text().indexOf("explanation 9"));
    }

    @Test
    void anInvalidConfigIsSaidAboveTheReportAndDetailedBelow() {
        CheckRunReport.Rendered rendered = DriftCheckRunReport.render(check(DriftMode.WARN, DriftVerdict.DRIFTED, null,
                List.of(), List.of(new ConfigProblem("drift.mode", "expected one of warn, fail, got \"loud\""))));

        assertThat(rendered.summary()).startsWith("> [!WARNING]").contains("keeps its default, the rest applies", "## the report");
        assertThat(rendered.text().replace("\\", "")).contains("## Configuration problems", "`drift.mode`: expected", "loud");
    }

    @Test
    void annotationsNameEachDriftedFileWithALevelPerModeAndStopAtFiveHundred() {
        NodeDrift edited = new NodeDrift("pets", "api", Generator.forCommand("gen"), DriftKind.SEMANTIC, 0.8, List.of(),
                new FileChanges(List.of("api/pets.yaml"), List.of("api/new.yaml"), List.of()),
                new FileChanges(List.of("gen/A.java", "gen/B.java"), List.of("gen/C.java"), List.of("gen/Gone.java")),
                List.of("gen/B.java"), List.of());
        DriftReport report = new DriftReport(List.of(edited), 2);

        List<CheckRunReport.Annotation> failing = DriftCheckRunReport.annotations(report, DriftMode.FAIL);

        assertThat(failing).extracting(CheckRunReport.Annotation::path)
                .containsExactly("api/pets.yaml", "api/new.yaml", "gen/A.java", "gen/B.java", "gen/C.java");
        assertThat(failing).extracting(CheckRunReport.Annotation::level).containsOnly("failure");
        assertThat(DriftCheckRunReport.annotations(report, DriftMode.WARN)).extracting(CheckRunReport.Annotation::level)
                .containsOnly("warning");

        List<NodeDrift> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(new NodeDrift("n" + i, "api", Generator.forCommand("gen"), DriftKind.BENIGN, 0.95, List.of(),
                    new FileChanges(List.of(), List.of(), List.of()),
                    new FileChanges(List.of("gen/" + i + "/A.java", "gen/" + i + "/B.java", "gen/" + i + "/C.java"),
                            List.of(), List.of()),
                    List.of("gen/" + i + "/A.java", "gen/" + i + "/B.java", "gen/" + i + "/C.java"), List.of()));
        }
        List<CheckRunReport.Annotation> capped = DriftCheckRunReport.annotations(new DriftReport(many, 600), DriftMode.WARN);
        assertThat(capped).hasSize(500).extracting(CheckRunReport.Annotation::level).containsOnly("notice");
    }
}
