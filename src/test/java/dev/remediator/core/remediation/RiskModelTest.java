package dev.remediator.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RiskModelTest {

    private final RiskModel model = new RiskModel();

    private static RiskModel.Inputs inputs(RemediationAction action, double confidence, int files, int lines,
            List<String> protectedPaths, boolean protectedRepository, boolean outside, TrackRecord track) {
        List<String> paths = java.util.stream.IntStream.range(0, files).mapToObj(i -> "f" + i).toList();
        return new RiskModel.Inputs(action, confidence, paths, lines, protectedPaths, "main", false,
                protectedRepository, outside, track);
    }

    @Test
    void aSureRerunIsTheLowestRisk() {
        RiskScore risk = model.score(inputs(RemediationAction.RERUN, 1.0, 0, 0, List.of(), false, false, TrackRecord.NONE));
        assertThat(risk.value()).isEqualTo(1.0);
        assertThat(risk.factors()).extracting(RiskFactor::name).containsExactly("action");
    }

    @Test
    void everyFactorIsNamedAndAddsUp() {
        RiskScore risk = model.score(inputs(RemediationAction.REVERT, 0.5, 12, 700, List.of(".github/workflows/ci.yml"),
                true, true, TrackRecord.NONE));
        assertThat(risk.factors()).extracting(RiskFactor::name).containsExactly("action", "confidence", "change size",
                "protected paths", "protected repository", "outside author");
        assertThat(risk.value()).isEqualTo(10.0);
        assertThat(risk.factors().get(1).points()).isEqualTo(1.5);
    }

    @Test
    void aModelWrittenFixIsNeverScoredBelowSixWhateverSpeaksForIt() {
        RiskScore sure = model.score(inputs(RemediationAction.FIX, 1.0, 1, 2, List.of(), false, false, new TrackRecord(9, 0)));

        assertThat(sure.value()).isEqualTo(RiskModel.MODEL_FIX_FLOOR);
        assertThat(sure.factors()).extracting(RiskFactor::name).containsExactly("action", "track record",
                "written by a model");
        assertThat(model.score(inputs(RemediationAction.FIX, 0.5, 1, 2, List.of(), false, true, TrackRecord.NONE)).value())
                .as("what raises it counts").isGreaterThan(RiskModel.MODEL_FIX_FLOOR);
    }

    @Test
    void aPoorTrackRecordRaisesTheRiskAndAGoodOneLowersIt() {
        double neutral = model.score(inputs(RemediationAction.QUARANTINE, 1, 1, 1, List.of(), false, false,
                TrackRecord.NONE)).value();
        double poor = model.score(inputs(RemediationAction.QUARANTINE, 1, 1, 1, List.of(), false, false,
                new TrackRecord(1, 3))).value();
        double good = model.score(inputs(RemediationAction.QUARANTINE, 1, 1, 1, List.of(), false, false,
                new TrackRecord(5, 0))).value();
        assertThat(poor).isGreaterThan(neutral);
        assertThat(good).isLessThan(neutral);
        assertThat(model.score(inputs(RemediationAction.QUARANTINE, 1, 1, 1, List.of(), false, false,
                new TrackRecord(1, 1))).value()).as("two outcomes are too few to judge").isEqualTo(neutral);
    }

    @Test
    void factorsReadAsTheUserSeesThem() {
        assertThat(new RiskFactor("protected paths", 3, "deploy/app.yaml").toString())
                .isEqualTo("+3.0 protected paths: deploy/app.yaml");
    }
}
