package dev.remediator.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RunAnalysisTest {

    @Test
    void jobsCancelledBecauseAnotherFailedDoNotDecideTheRun() {
        RunAnalysis run = RunAnalysis.merge(jobs(
                job(FailureCategory.CANCELLED, 0.95, false, "a"),
                job(FailureCategory.TEST, 0.9, false, "com.x.FooTest#bar")));

        assertThat(run.category()).isEqualTo(FailureCategory.TEST);
        assertThat(run.transientFailure()).isFalse();
        assertThat(run.failingTests()).containsExactly("a", "com.x.FooTest#bar");
    }

    @Test
    void aFailureThatARerunCannotFixWinsOverOneItCan() {
        RunAnalysis run = RunAnalysis.merge(jobs(
                job(FailureCategory.INFRASTRUCTURE, 0.95, true),
                job(FailureCategory.COMPILATION, 0.7, false)));

        assertThat(run.category()).isEqualTo(FailureCategory.COMPILATION);
        assertThat(run.confidence()).isEqualTo(0.7);
        assertThat(run.transientFailure()).isFalse();
    }

    @Test
    void aRunIsTransientWhenEveryJobThatDecidesItIs() {
        RunAnalysis run = RunAnalysis.merge(jobs(
                job(FailureCategory.INFRASTRUCTURE, 0.9, true),
                job(FailureCategory.TIMEOUT, 0.95, true),
                job(FailureCategory.UNKNOWN, 0.1, false)));

        assertThat(run.category()).isEqualTo(FailureCategory.TIMEOUT);
        assertThat(run.transientFailure()).isTrue();
    }

    @Test
    void aRunWithoutJobsExplainsNothing() {
        RunAnalysis run = RunAnalysis.merge(Map.of());

        assertThat(run.category()).isEqualTo(FailureCategory.UNKNOWN);
        assertThat(run.jobs()).isEmpty();
    }

    private static JobAnalysis job(FailureCategory category, double confidence, boolean transientFailure,
            String... tests) {
        return new JobAnalysis(category, confidence, transientFailure, List.of(), List.of(tests), List.of(), 1, 1);
    }

    private static Map<String, JobAnalysis> jobs(JobAnalysis... analyses) {
        Map<String, JobAnalysis> jobs = new LinkedHashMap<>();
        for (int i = 0; i < analyses.length; i++) {
            jobs.put("job " + i, analyses[i]);
        }
        return jobs;
    }
}
