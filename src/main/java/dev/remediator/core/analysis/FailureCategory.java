package dev.remediator.core.analysis;

/**
 * Why a CI job failed, after Vassallo et al., "A Tale of CI Build Failures", and the study "Why Do GitHub Actions
 * Workflows Fail?". The category decides which remediation makes sense: only the transient kinds are worth a re-run.
 */
public enum FailureCategory {
    /** The code does not compile (including syntax errors of interpreted languages). */
    COMPILATION,
    /** A test, or the test harness around it, reported a failure. */
    TEST,
    /** Third-party packages or artifacts could not be resolved, downloaded, built or reconciled. */
    DEPENDENCY,
    /** Static analysis or formatting checks rejected the change. */
    LINT,
    /** The workflow or the build is set up wrong: permissions, refs, images, missing tools, build scripts. */
    CONFIGURATION,
    /** The environment failed: network, registries, runners, disks, rate limits. */
    INFRASTRUCTURE,
    /** A job, step or command ran out of time. */
    TIMEOUT,
    /** A process ran out of memory. */
    RESOURCE,
    /** Someone or something cancelled the run. */
    CANCELLED,
    /** Nothing in the log says why. */
    UNKNOWN;

    /** In words: {@code test failure}, {@code compilation failure}. */
    public String description() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " failure";
    }

    /** Whether a failure of this kind would usually pass on a re-run, unless a rule knows better. */
    public boolean transientByDefault() {
        return this == INFRASTRUCTURE || this == TIMEOUT;
    }
}
