package dev.remediator.core.analysis;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why a workflow run failed: the analyses of its failed jobs, merged.
 *
 * <p>The run takes the category of its most telling job. Jobs cancelled because another one failed (fail-fast) and
 * jobs whose logs explain nothing do not decide it; a failure that a re-run cannot fix wins over one it can, since
 * re-running would not make the run green. The run is transient only when every job that decides it is.
 *
 * @param jobs the analysis of each failed job, by job name, in the order given
 */
public record RunAnalysis(FailureCategory category, double confidence, boolean transientFailure,
        Map<String, JobAnalysis> jobs, List<String> failingTests, List<Location> locations) {

    public RunAnalysis {
        jobs = Collections.unmodifiableMap(new LinkedHashMap<>(jobs));
        failingTests = List.copyOf(failingTests);
        locations = List.copyOf(locations);
    }

    public static RunAnalysis merge(Map<String, JobAnalysis> jobs) {
        List<JobAnalysis> deciding = jobs.values().stream().filter(RunAnalysis::explainsFailure).toList();
        if (deciding.isEmpty()) {
            deciding = List.copyOf(jobs.values());
        }
        JobAnalysis telling = deciding.stream()
                .max(Comparator.comparing((JobAnalysis job) -> !job.transientFailure())
                        .thenComparingDouble(JobAnalysis::confidence))
                .orElse(null);
        Set<String> tests = new LinkedHashSet<>();
        Set<Location> locations = new LinkedHashSet<>();
        for (JobAnalysis job : jobs.values()) {
            tests.addAll(job.failingTests());
            locations.addAll(job.locations());
        }
        if (telling == null) {
            return new RunAnalysis(FailureCategory.UNKNOWN, 0, false, jobs, List.of(), List.of());
        }
        boolean allTransient = deciding.stream().allMatch(JobAnalysis::transientFailure);
        return new RunAnalysis(telling.category(), telling.confidence(), allTransient, jobs,
                List.copyOf(tests), List.copyOf(locations));
    }

    private static boolean explainsFailure(JobAnalysis job) {
        return job.category() != FailureCategory.UNKNOWN && job.category() != FailureCategory.CANCELLED;
    }
}
