package dev.remediator.testing.github;

/** A re-run the app asked for, and the attempt it created. */
public record Rerun(long runId, Kind kind, Long jobId, int attempt, boolean debugLogging) {

    public enum Kind {
        /** `POST .../runs/{id}/rerun`: every job again. */
        WHOLE_RUN,
        /** `POST .../runs/{id}/rerun-failed-jobs`. */
        FAILED_JOBS,
        /** `POST .../jobs/{id}/rerun`. */
        SINGLE_JOB
    }
}
