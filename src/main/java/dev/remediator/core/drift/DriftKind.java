package dev.remediator.core.drift;

/** How a node's generated files stand against its spec. */
public enum DriftKind {
    /** Spec and generated files as recorded. */
    NONE,
    /** The spec changed, the generated files did not (or only in formatting): regenerate. */
    CODE_STALE,
    /** The spec did not change, the generated files were edited by hand. */
    SPEC_STALE,
    /** Only the formatting or comments of generated files changed: rebaseline. */
    BENIGN,
    /** Both changed, generated files appeared or vanished, or the spec is gone: a person has to look. */
    SEMANTIC;

    public boolean failsIn(DriftMode mode) {
        return mode == DriftMode.FAIL && (this == SEMANTIC || this == SPEC_STALE);
    }
}
