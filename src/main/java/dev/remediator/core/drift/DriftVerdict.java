package dev.remediator.core.drift;

/** The outcome of a scan in a mode: what a check run's conclusion and the command line's exit code follow. */
public enum DriftVerdict {
    /** Every node is NONE. */
    CLEAN,
    /** Some node drifted, but not in a way the mode fails on. */
    DRIFTED,
    /** Fail mode, and some node is SEMANTIC or SPEC_STALE. */
    FAILED
}
