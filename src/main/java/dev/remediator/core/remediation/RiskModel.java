package dev.remediator.core.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores a remediation's risk as a sum of named factors that the check run shows one by one: the
 * action's own risk, how unsure the evidence is, the size of the change, protected paths and branches, the
 * repository's {@code protected} flag, an outside author or a fork, and the action's track record here.
 */
public final class RiskModel {

    /** A model-written fix is never scored below this, whatever else speaks for it. */
    public static final double MODEL_FIX_FLOOR = 6;

    /** What a remediation would change and on what grounds. */
    public record Inputs(RemediationAction action, double confidence, List<String> touchedPaths, int linesChanged,
            List<String> protectedPathsTouched, String targetBranch, boolean targetBranchProtected,
            boolean protectedRepository, boolean outsideAuthor, TrackRecord trackRecord, String undoesFix) {
        public Inputs {
            touchedPaths = List.copyOf(touchedPaths);
            protectedPathsTouched = List.copyOf(protectedPathsTouched);
        }

        public Inputs(RemediationAction action, double confidence, List<String> touchedPaths, int linesChanged,
                List<String> protectedPathsTouched, String targetBranch, boolean targetBranchProtected,
                boolean protectedRepository, boolean outsideAuthor, TrackRecord trackRecord) {
            this(action, confidence, touchedPaths, linesChanged, protectedPathsTouched, targetBranch,
                    targetBranchProtected, protectedRepository, outsideAuthor, trackRecord, null);
        }
    }

    public RiskScore score(Inputs in) {
        List<RiskFactor> factors = new ArrayList<>();
        factors.add(new RiskFactor("action", in.action().baseRisk(), describe(in.action())));
        double doubt = Math.round((1 - clamp(in.confidence())) * 3 * 10) / 10.0;
        if (doubt > 0) {
            factors.add(new RiskFactor("confidence", doubt,
                    String.format(Locale.ROOT, "the evidence is %.0f %% sure", clamp(in.confidence()) * 100)));
        }
        int files = in.touchedPaths().size();
        if (files > 10 || in.linesChanged() > 500) {
            factors.add(new RiskFactor("change size", 2, files + " files, " + in.linesChanged() + " lines"));
        } else if (files > 3 || in.linesChanged() > 100) {
            factors.add(new RiskFactor("change size", 1, files + " files, " + in.linesChanged() + " lines"));
        }
        if (!in.protectedPathsTouched().isEmpty()) {
            factors.add(new RiskFactor("protected paths", 3, String.join(", ", in.protectedPathsTouched())));
        }
        if (in.targetBranchProtected()) {
            factors.add(new RiskFactor("protected branch", 1, "the pull request targets " + in.targetBranch()
                    + ", a protected branch"));
        }
        if (in.protectedRepository()) {
            factors.add(new RiskFactor("protected repository", 2, "the repository's config sets protected: true"));
        }
        if (in.outsideAuthor()) {
            factors.add(new RiskFactor("outside author", 2, "the change comes from outside the organisation"));
        }
        if (in.undoesFix() != null) {
            // putting back what was there before Remediator's change is the safest revert there is
            factors.add(new RiskFactor("undoes Remediator's change", -1, "it reverts " + in.undoesFix()
                    + ", Remediator's own change, which broke the branch"));
        }
        TrackRecord track = in.trackRecord();
        if (track.total() >= 3) {
            double closedShare = (double) (track.closedUnmerged() + track.rolledBack()) / track.total();
            String record = track.merged() + " of " + track.total() + " earlier " + in.action().slug()
                    + " pull requests here were merged" + (track.rolledBack() == 0 ? ""
                            : ", " + track.rolledBack() + " of them rolled back");
            if (closedShare > 0.5) {
                factors.add(new RiskFactor("track record", 1.5, record));
            } else if (closedShare <= 0.2) {
                factors.add(new RiskFactor("track record", -1, record));
            }
        }
        RiskScore score = new RiskScore(factors);
        if (in.action() == RemediationAction.FIX && score.value() < MODEL_FIX_FLOOR) {
            factors.add(new RiskFactor("written by a model", MODEL_FIX_FLOOR - score.value(),
                    "a model-written change is never scored below " + (int) MODEL_FIX_FLOOR));
            score = new RiskScore(factors);
        }
        return score;
    }

    private static String describe(RemediationAction action) {
        return switch (action) {
            case RERUN, CONFIRM -> "re-running failed jobs changes no code";
            case QUARANTINE -> "skips a test until it is fixed";
            case REVERT -> "takes a commit out of the branch";
            case REGENERATE -> "replaces generated files";
            case REBASELINE -> "updates the provenance manifest only";
            case FIX -> "a language model wrote this change; CI and a person judge it";
            case MANUAL_REVIEW -> "explanation only";
        };
    }

    private static double clamp(double confidence) {
        return Math.max(0, Math.min(1, confidence));
    }
}
