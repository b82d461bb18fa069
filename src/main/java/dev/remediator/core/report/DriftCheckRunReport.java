package dev.remediator.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.remediator.core.history.CommitChange;
import dev.remediator.core.config.ConfigProblem;
import dev.remediator.core.drift.DriftKind;
import dev.remediator.core.drift.DriftMode;
import dev.remediator.core.drift.DriftReport;
import dev.remediator.core.drift.DriftVerdict;
import dev.remediator.core.drift.NodeDrift;
import dev.remediator.core.report.CheckRunReport.Annotation;
import dev.remediator.core.report.CheckRunReport.Button;
import dev.remediator.core.report.CheckRunReport.Conclusion;
import dev.remediator.core.text.MarkdownText;

/**
 * The "Drift" check run of a pushed commit: the drift report as its summary (a table per context,
 * the drifted nodes with their suggestions), the proposed remediations with their risk and state in its text,
 * annotations on the drifted files, and Approve / Reject buttons for the first remediation awaiting approval. The
 * conclusion follows the mode: {@code warn} never fails, {@code fail} fails on SEMANTIC or SPEC_STALE.
 */
public final class DriftCheckRunReport {

    public static final String NAME = "Drift";

    /**
     * What the check run shows, as stored after the classification.
     *
     * @param verdict        null when the manifest could not be used; {@code problem} then says why
     * @param reportMarkdown the report rendered by {@code DriftReportMarkdown} within the summary's limit
     * @param treeTruncated  GitHub listed the commit's tree only in part
     */
    public record Check(String headSha, String manifestPath, DriftMode mode, DriftVerdict verdict, int nodes, int drifted,
            String reportMarkdown, String problem, boolean treeTruncated, String configLocation,
            List<ConfigProblem> configProblems, List<Annotation> annotations, List<RemediationView> remediations) {

        public Check {
            configProblems = List.copyOf(configProblems);
            annotations = List.copyOf(annotations);
            remediations = List.copyOf(remediations);
        }
    }

    private DriftCheckRunReport() {
    }

    /** The summary's room left for the report itself, after the notes that may precede it. */
    public static final int REPORT_LIMIT = MarkdownText.GITHUB_LIMIT - 2_000;

    public static CheckRunReport.Rendered render(Check check) {
        // as on the Remediator check run: the remediation awaiting a decision, else the first executable one
        Optional<RemediationView> lead = awaiting(check)
                .or(() -> check.remediations().stream().filter(r -> r.action().executable()).findFirst());
        String title = title(check) + lead.map(r -> " · " + r.action().slug() + " " + CheckRunReport.state(r.state())
                + " · risk " + r.risk().formatted()).orElse("");
        return new CheckRunReport.Rendered(title, MarkdownText.truncate(summary(check), MarkdownText.GITHUB_LIMIT),
                MarkdownText.truncate(text(check), MarkdownText.GITHUB_LIMIT), conclusion(check), buttons(check),
                check.annotations());
    }

    /**
     * One annotation per drifted file that is in the commit (vanished files are not), at most
     * {@value CheckRunReport#MAX_ANNOTATIONS}: {@code failure} where the mode fails on the node's kind, {@code notice}
     * for a formatting-only change, {@code warning} otherwise.
     */
    public static List<Annotation> annotations(DriftReport report, DriftMode mode) {
        List<Annotation> annotations = new ArrayList<>();
        for (NodeDrift node : report.drifted()) {
            String level = node.kind().failsIn(mode) ? "failure" : node.kind() == DriftKind.BENIGN ? "notice" : "warning";
            String about = " (node " + node.context() + " / " + node.id() + ", " + node.kind().name() + ")";
            String advice = node.suggestions().isEmpty() ? "" : " " + node.suggestions().get(0).reason();
            List<Annotation> forNode = new ArrayList<>();
            node.spec().changed().forEach(path -> forNode.add(new Annotation(path, 1, null, level, "Spec changed" + about,
                    "This spec changed since the node's files were generated." + advice)));
            node.spec().added().forEach(path -> forNode.add(new Annotation(path, 1, null, level, "New spec file" + about,
                    "This file matches the node's spec globs but was not there when the node was generated." + advice)));
            node.handEdited().forEach(path -> forNode.add(new Annotation(path, 1, null, level,
                    "Generated file edited" + about,
                    "This generated file differs from what the generator wrote, beyond formatting." + advice)));
            node.reformatted().forEach(path -> forNode.add(new Annotation(path, 1, null, level,
                    "Generated file reformatted" + about, "Only whitespace or comments changed in this generated file." + advice)));
            node.generated().added().forEach(path -> forNode.add(new Annotation(path, 1, null, level,
                    "Unrecorded generated file" + about,
                    "This file matches the node's generated globs but the generator did not write it." + advice)));
            for (Annotation annotation : forNode) {
                if (annotations.size() == CheckRunReport.MAX_ANNOTATIONS) {
                    return annotations;
                }
                annotations.add(annotation);
            }
        }
        return annotations;
    }

    private static String title(Check check) {
        if (check.verdict() == null) {
            return "Invalid provenance manifest";
        }
        return switch (check.verdict()) {
            case CLEAN -> "No drift · " + check.nodes() + (check.nodes() == 1 ? " node" : " nodes") + " as recorded";
            case DRIFTED -> "Drift in " + check.drifted() + " of " + check.nodes() + " nodes";
            case FAILED -> "Drift in " + check.drifted() + " of " + check.nodes() + " nodes · failing";
        };
    }

    private static String summary(Check check) {
        StringBuilder out = new StringBuilder();
        if (!check.configProblems().isEmpty()) {
            out.append(CheckRunReport.configWarning(check.configLocation(), check.configProblems())).append('\n');
        }
        if (check.treeTruncated()) {
            out.append("> [!NOTE]\n> GitHub listed this commit's tree only in part (truncated): recorded files ")
                    .append("missing from the listing were taken as unchanged, so files that vanished or changed there ")
                    .append("cannot be seen.\n\n");
        }
        if (check.verdict() == null) {
            out.append("## Invalid provenance manifest\n\n").append(MarkdownText.code(check.manifestPath())).append(" at ")
                    .append(MarkdownText.code(CommitChange.shortSha(check.headSha()))).append(" cannot be used: ")
                    .append(MarkdownText.escape(check.problem())).append("\n\nFix the file, or record its nodes again with ")
                    .append("`remediator provenance record`; drift is checked again on the next push.\n");
            return out.toString();
        }
        return out.append(check.reportMarkdown()).toString();
    }

    private static String text(Check check) {
        StringBuilder out = new StringBuilder();
        List<RemediationView> executable = check.remediations().stream().filter(r -> r.action().executable()).toList();
        List<RemediationView> explained = check.remediations().stream().filter(r -> !r.action().executable()).toList();
        if (!check.remediations().isEmpty()) {
            out.append("## Remediations\n\n");
        }
        Optional<RemediationView> buttonsFor = awaiting(check);
        for (RemediationView remediation : executable) {
            String howToDecide = buttonsFor.filter(lead -> lead.id() == remediation.id()).isPresent()
                    ? "approve or reject it with the buttons above"
                    : "approve or reject it with the buttons above once the remediations before it are decided";
            out.append(CheckRunReport.remediation(remediation, howToDecide)).append('\n');
        }
        explained.forEach(remediation -> out.append(CheckRunReport.remediation(remediation)).append('\n'));
        out.append(CheckRunReport.configProblems(check.configLocation(), check.configProblems()));
        return out.toString();
    }

    private static Conclusion conclusion(Check check) {
        if (check.verdict() == null) {
            return check.mode() == DriftMode.FAIL ? Conclusion.FAILURE : Conclusion.NEUTRAL;
        }
        return switch (check.verdict()) {
            case CLEAN -> Conclusion.SUCCESS;
            case DRIFTED -> Conclusion.NEUTRAL;
            case FAILED -> Conclusion.FAILURE;
        };
    }

    private static List<Button> buttons(Check check) {
        return awaiting(check).map(lead -> CheckRunReport.decisionButtons(lead, false)).orElse(List.of());
    }

    /** GitHub allows three buttons: they serve the first remediation awaiting a decision, the others wait their turn. */
    private static Optional<RemediationView> awaiting(Check check) {
        return check.remediations().stream().filter(r -> !CheckRunReport.decisionButtons(r, false).isEmpty()).findFirst();
    }

}
