package dev.remediator.core.remediation;

import java.util.Locale;

/** The concrete things Remediator can do about a failure or a drift, with their base risk. */
public enum RemediationAction {
    RERUN(1, false),
    CONFIRM(1, false),
    QUARANTINE(3, true),
    REVERT(4, true),
    REGENERATE(3, true),
    REBASELINE(2, true),
    /** A language model's diff: never below {@link RiskModel#MODEL_FIX_FLOOR}, always approved by a person. */
    FIX(6, true),
    MANUAL_REVIEW(0, false);

    private final double baseRisk;
    private final boolean opensPullRequest;

    RemediationAction(double baseRisk, boolean opensPullRequest) {
        this.baseRisk = baseRisk;
        this.opensPullRequest = opensPullRequest;
    }

    public double baseRisk() {
        return baseRisk;
    }

    /** Counts against the repository's daily pull request limit. */
    public boolean opensPullRequest() {
        return opensPullRequest;
    }

    /** Whether there is anything to execute: a manual review only explains. */
    public boolean executable() {
        return this != MANUAL_REVIEW;
    }

    /** As written in branch names and commands: {@code revert}, {@code quarantine}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
