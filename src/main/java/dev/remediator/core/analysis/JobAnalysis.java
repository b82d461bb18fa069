package dev.remediator.core.analysis;

import java.util.List;

/**
 * Why one job failed, as far as its log tells.
 *
 * @param category         the kind of failure
 * @param confidence       how sure the analysis is of the category, 0 to 1
 * @param transientFailure whether the failure looks like it would pass on a re-run
 * @param evidence         the line ranges that explain the failure, best first
 * @param failingTests     normalised names of the tests that failed ({@code package.Class#method}, {@code path::test},
 *                         a Jest or Mocha title, a Go test name, ...)
 * @param locations        places in the repository the failure points at
 * @param lines            lines read
 * @param bytes            bytes read
 */
public record JobAnalysis(FailureCategory category, double confidence, boolean transientFailure,
        List<Evidence> evidence, List<String> failingTests, List<Location> locations, long lines, long bytes) {

    public JobAnalysis {
        evidence = List.copyOf(evidence);
        failingTests = List.copyOf(failingTests);
        locations = List.copyOf(locations);
    }

    /** Whether the log shows that at least one test failed. */
    public boolean testsFailed() {
        return category == FailureCategory.TEST || !failingTests.isEmpty();
    }
}
