package dev.remediator.flow.drift;

import dev.remediator.flow.lifecycle.RemediationReport;
import dev.remediator.core.report.RemediationView;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.github.CheckRuns;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.remediator.core.config.ConfigProblem;
import dev.remediator.core.drift.DriftMode;
import dev.remediator.core.drift.DriftVerdict;
import dev.remediator.core.report.CheckRunReport;
import dev.remediator.core.report.DriftCheckRunReport;
import dev.remediator.core.text.MarkdownText;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.store.DriftReportRecord;
import dev.remediator.store.DriftStore;
import dev.remediator.store.FixValidationStore;
import dev.remediator.store.RemediationStore;

/**
 * What GitHub shows of a pushed commit's drift: the "Drift" check run on the commit, created once
 * the manifest is found and redrawn from the store at every change of its remediations.
 */
@ApplicationScoped
public class DriftReports implements RemediationReport {

    private static final Logger LOG = Logger.getLogger(DriftReports.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ConfigProblem>> PROBLEMS = new TypeReference<>() {
    };
    private static final TypeReference<List<CheckRunReport.Annotation>> ANNOTATIONS = new TypeReference<>() {
    };

    @Inject
    DriftStore drifts;

    @Inject
    RemediationStore remediations;

    @Inject
    FixValidationStore validations;

    /**
     * The in-progress check run, once per pushed commit: a redelivery, or a push of the same commit to another
     * branch, finds it again.
     *
     * @param resumed an earlier attempt may have created the check run and died before storing its id: look on GitHub
     */
    public long start(RepositoryGitHub github, PushedCommit push, String manifestPath, boolean resumed) throws IOException {
        Optional<Long> known = drifts.checkRun(push.repositoryId(), push.sha());
        if (known.isPresent()) {
            return known.get();
        }
        long id = CheckRuns.findOrCreate(github, resumed, DriftCheckRunReport.NAME, push.sha(),
                "remediator-drift-" + push.sha(), null, "Checking drift",
                "Comparing the pushed tree with " + MarkdownText.code(manifestPath) + "…").id();
        drifts.saveCheckRun(push.repositoryId(), push.sha(), id);
        return id;
    }

    @Override
    public boolean covers(Remediation remediation) {
        return remediation.aboutDrift();
    }

    @Override
    public void publish(RepositoryGitHub github, Remediation remediation) throws IOException {
        publish(github, remediation.subject());
    }

    /** Redraws the Drift check run of a commit from its stored report and remediations; nothing when it has none. */
    public void publish(RepositoryGitHub github, String sha) throws IOException {
        Optional<DriftReportRecord> stored = drifts.report(github.repositoryId(), sha);
        Optional<Long> checkRun = drifts.checkRun(github.repositoryId(), sha);
        if (stored.isEmpty() || checkRun.isEmpty()) {
            LOG.debugf("No Drift check run to draw for %s of %s", sha, github.fullName());
            return;
        }
        DriftReportRecord report = stored.get();
        DriftCheckRunReport.Check check = new DriftCheckRunReport.Check(sha, report.manifestPath(), DriftMode.parse(report.mode()),
                report.problem() == null ? DriftVerdict.valueOf(report.verdict()) : null, report.nodes(), report.drifted(),
                report.summary(), report.problem(), report.treeTruncated(), report.configLocation(),
                JSON.readValue(report.configProblems(), PROBLEMS), JSON.readValue(report.annotations(), ANNOTATIONS),
                remediations.forCommit(github.repositoryId(), sha).stream()
                        .map(r -> RemediationView.of(r, validations.find(r.id()).orElse(null))).toList());
        CheckRunReport.Rendered rendered = DriftCheckRunReport.render(check);
        boolean annotate = !rendered.annotations().isEmpty() && drifts.claimAnnotations(github.repositoryId(), sha);
        CheckRuns.send(github, checkRun.get(), rendered, annotate);
    }
}
