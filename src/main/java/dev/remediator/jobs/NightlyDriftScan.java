package dev.remediator.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.flow.drift.DriftAnalysis;
import dev.remediator.store.DriftStore;
import dev.remediator.store.KnownRepository;
import dev.remediator.store.JobTicks;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * The scheduled drift scan (DESIGN §8): nightly by default ({@code remediator.drift.scan-cron}), the head of the
 * default branch of every installed repository with drift detection enabled, its report stored without a check run.
 * A commit already reported (by its push or an earlier scan) costs one request. Every replica's scheduler fires;
 * one per tick scans.
 */
@ApplicationScoped
public class NightlyDriftScan {

    /** The scheduler's identity of the job, and its name among the job ticks. */
    public static final String JOB = "nightly-drift-scan";

    private static final Logger LOG = Logger.getLogger(NightlyDriftScan.class);

    @Inject
    JobTicks ticks;

    @Inject
    DriftStore drifts;

    @Inject
    DriftAnalysis drift;

    @Scheduled(identity = JOB, cron = "${remediator.drift.scan-cron:0 0 3 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scanOnSchedule(ScheduledExecution execution) {
        // every replica fires for the same planned time, which makes the tick
        if (ticks.claim(JOB, execution.getScheduledFireTime(), Duration.ofSeconds(1))) {
            scan(drifts.repositoriesToScan());
        }
    }

    /** Scans the repositories one after the other; one that cannot be scanned is named, and the others go on. */
    public DriftStore.Scan scan(List<KnownRepository> repositories) {
        long id = drifts.startScan(repositories.size());
        int[] outcomes = new int[DriftAnalysis.ScanOutcome.values().length];
        List<DriftStore.ScanProblem> problems = new ArrayList<>();
        for (KnownRepository repository : repositories) {
            try {
                outcomes[drift.scan(repository).ordinal()]++;
            } catch (Exception e) {
                LOG.warnf(e, "The drift scan of %s failed", repository.fullName());
                problems.add(new DriftStore.ScanProblem(repository.fullName(), e.getClass().getSimpleName() + ": "
                        + e.getMessage()));
            }
        }
        int clean = outcomes[DriftAnalysis.ScanOutcome.CLEAN.ordinal()];
        int drifted = outcomes[DriftAnalysis.ScanOutcome.DRIFTED.ordinal()];
        int invalid = outcomes[DriftAnalysis.ScanOutcome.INVALID.ordinal()];
        DriftStore.Scan scan = new DriftStore.Scan(id, null, null, repositories.size(), clean + drifted + invalid,
                outcomes[DriftAnalysis.ScanOutcome.UNCHANGED.ordinal()],
                outcomes[DriftAnalysis.ScanOutcome.SKIPPED.ordinal()] + outcomes[DriftAnalysis.ScanOutcome.NO_MANIFEST.ordinal()],
                drifted, invalid, problems.size(), problems);
        drifts.finishScan(scan);
        LOG.infof("Drift scan %d: %d repositories, %d scanned (%d drifted, %d invalid), %d unchanged, %d skipped, %d failed",
                id, scan.repositories(), scan.scanned(), drifted, invalid, scan.unchanged(), scan.skipped(), scan.failed());
        return drifts.scan(id).orElseThrow();
    }
}
