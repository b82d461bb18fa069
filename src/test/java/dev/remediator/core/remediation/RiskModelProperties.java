package dev.remediator.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The risk score stays on its 0-10 scale and only grows with what makes a change more dangerous. */
class RiskModelProperties {

    private final RiskModel model = new RiskModel();

    @Property
    void alwaysWithinZeroToTen(@ForAll("inputs") RiskModel.Inputs inputs) {
        assertThat(model.score(inputs).value()).isBetween(0.0, RiskScore.MAX);
    }

    @Property
    void lessConfidenceNeverLowersTheRisk(@ForAll("inputs") RiskModel.Inputs inputs,
            @ForAll @DoubleRange(min = 0, max = 1) double lower) {
        double less = Math.min(lower, inputs.confidence());
        assertThat(risk(with(inputs, less, inputs.linesChanged(), inputs.protectedPathsTouched(), inputs.outsideAuthor(),
                inputs.protectedRepository()))).isGreaterThanOrEqualTo(risk(inputs));
    }

    @Property
    void aBiggerChangeNeverLowersTheRisk(@ForAll("inputs") RiskModel.Inputs inputs,
            @ForAll @IntRange(min = 0, max = 5000) int more) {
        assertThat(risk(with(inputs, inputs.confidence(), inputs.linesChanged() + more, inputs.protectedPathsTouched(),
                inputs.outsideAuthor(), inputs.protectedRepository()))).isGreaterThanOrEqualTo(risk(inputs));
    }

    @Property
    void protectionAndOutsideAuthorsNeverLowerTheRisk(@ForAll("inputs") RiskModel.Inputs inputs) {
        assertThat(risk(with(inputs, inputs.confidence(), inputs.linesChanged(), List.of(".github/workflows/ci.yml"),
                true, true))).isGreaterThanOrEqualTo(risk(inputs));
    }

    @Property
    void aWorseTrackRecordNeverLowersTheRisk(@ForAll("inputs") RiskModel.Inputs inputs,
            @ForAll @IntRange(min = 0, max = 20) int closed) {
        TrackRecord track = inputs.trackRecord();
        RiskModel.Inputs worse = new RiskModel.Inputs(inputs.action(), inputs.confidence(), inputs.touchedPaths(),
                inputs.linesChanged(), inputs.protectedPathsTouched(), inputs.targetBranch(),
                inputs.targetBranchProtected(), inputs.protectedRepository(), inputs.outsideAuthor(),
                new TrackRecord(track.merged(), track.closedUnmerged() + closed));
        assertThat(risk(worse)).isGreaterThanOrEqualTo(risk(inputs));
    }

    @Provide
    Arbitrary<RiskModel.Inputs> inputs() {
        Arbitrary<RemediationAction> action = Arbitraries.of(RemediationAction.class);
        Arbitrary<Double> confidence = Arbitraries.doubles().between(-0.5, 1.5);
        Arbitrary<List<String>> paths = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).list().ofMaxSize(15);
        Arbitrary<Integer> lines = Arbitraries.integers().between(0, 2000);
        Arbitrary<List<String>> protectedPaths = Arbitraries.of(".github/workflows/ci.yml", "deploy/prod.yaml").list()
                .ofMaxSize(2);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Arbitrary<TrackRecord> track = Combinators.combine(Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 20)).as(TrackRecord::new);
        return Combinators.combine(action, confidence, paths, lines, protectedPaths, flag, flag, track)
                .as((a, c, p, l, pp, branchProtected, outside, t) -> new RiskModel.Inputs(a, c, p, l, pp, "main",
                        branchProtected, false, outside, t));
    }

    private double risk(RiskModel.Inputs inputs) {
        return model.score(inputs).value();
    }

    private static RiskModel.Inputs with(RiskModel.Inputs in, double confidence, int lines, List<String> protectedPaths,
            boolean outsideAuthor, boolean protectedRepository) {
        return new RiskModel.Inputs(in.action(), confidence, in.touchedPaths(), lines, protectedPaths, in.targetBranch(),
                in.targetBranchProtected(), protectedRepository, outsideAuthor, in.trackRecord());
    }
}
