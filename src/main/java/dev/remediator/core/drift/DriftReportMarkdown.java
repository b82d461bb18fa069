package dev.remediator.core.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The drift report as Markdown, shared by the Drift check run and the command line: a heading with the verdict, a
 * table per context (nodes of each kind), a table of the drifted nodes, then for each drifted node its files,
 * ranked suggestions and notes. Text from the repository (paths, commands, globs) is escaped. A size limit
 * (a check run summary holds 65,535 characters) drops the details that do not fit and says how many.
 */
public final class DriftReportMarkdown {

    /** The most characters GitHub accepts in a check run's summary. */
    public static final int CHECK_RUN_SUMMARY_LIMIT = 65_535;

    private static final int FILES_SHOWN = 10;
    /** The cut note's numbers may grow by a few digits between the check and the cut. */
    private static final int CUT_NOTE_SLACK = 16;
    private static final String ESCAPED = "\\`*_[]<>|~&#!";

    private DriftReportMarkdown() {
    }

    public static String render(DriftReport report, DriftMode mode) {
        return render(report, mode, Integer.MAX_VALUE);
    }

    /** The report in at most {@code maxChars} characters (the heading and the context table always fit). */
    public static String render(DriftReport report, DriftMode mode, int maxChars) {
        StringBuilder out = new StringBuilder(heading(report, mode));
        out.append("| context | nodes |");
        for (DriftKind kind : DriftKind.values()) {
            out.append(' ').append(kind.name()).append(" |");
        }
        out.append("\n|---|---:|").append("---:|".repeat(DriftKind.values().length)).append('\n');
        for (Map.Entry<String, Map<DriftKind, Integer>> context : report.countsByContext().entrySet()) {
            int nodes = context.getValue().values().stream().mapToInt(Integer::intValue).sum();
            out.append("| ").append(escape(context.getKey())).append(" | ").append(nodes).append(" |");
            context.getValue().values().forEach(count -> out.append(' ').append(count).append(" |"));
            out.append('\n');
        }
        List<NodeDrift> drifted = report.drifted();
        if (drifted.isEmpty()) {
            return out.toString();
        }
        List<String> pieces = new ArrayList<>();
        pieces.add("\n| context | node | kind | confidence | spec | generated | first suggestion |\n|---|---|---|---:|---|---|---|\n");
        drifted.forEach(node -> pieces.add(tableRow(node)));
        drifted.forEach(node -> pieces.add(node(node)));
        appendWithin(out, pieces, maxChars, drifted.size());
        return out.toString();
    }

    private static String heading(DriftReport report, DriftMode mode) {
        int total = report.nodes().size();
        int drifted = report.drifted().size();
        String verdict = switch (report.verdict(mode)) {
            case CLEAN -> "No drift: " + total + (total == 1 ? " node" : " nodes") + " as recorded";
            case DRIFTED -> "Drift in " + drifted + " of " + total + " nodes";
            case FAILED -> "Drift in " + drifted + " of " + total + " nodes: failing";
        };
        return "## " + verdict + " (mode `" + mode.label() + "`)\n\n";
    }

    private static String tableRow(NodeDrift node) {
        String suggestion = node.suggestions().isEmpty() ? "" : node.suggestions().get(0).action().label()
                + (node.suggestions().get(0).autoFixable() ? " (auto-fixable)" : "");
        return "| " + escape(node.context()) + " | " + escape(node.id()) + " | **" + node.kind().name() + "** | "
                + String.format(Locale.ROOT, "%.2f", node.confidence()) + " | " + summary(node.spec(), List.of(), "changed") + " | "
                + summary(node.generated(), node.reformatted(), "edited") + " | " + suggestion + " |\n";
    }

    /** {@code 1 changed, 2 appeared}; for generated files, changes split into edited and reformatted. */
    private static String summary(FileChanges changes, List<String> reformatted, String changedLabel) {
        List<String> parts = new ArrayList<>();
        int changed = changes.changed().size() - reformatted.size();
        if (changed > 0) {
            parts.add(changed + " " + changedLabel);
        }
        if (!reformatted.isEmpty()) {
            parts.add(reformatted.size() + " reformatted");
        }
        if (!changes.added().isEmpty()) {
            parts.add(changes.added().size() + " appeared");
        }
        if (!changes.vanished().isEmpty()) {
            parts.add(changes.vanished().size() + " vanished");
        }
        return parts.isEmpty() ? "unchanged" : String.join(", ", parts);
    }

    /**
     * One node's section: a heading with its kind and confidence, its files, generator, ranked suggestions and notes.
     * Also what a drift remediation's explanation shows of its node.
     */
    public static String node(NodeDrift node) {
        StringBuilder out = new StringBuilder("\n### ").append(escape(node.context())).append(" / ").append(escape(node.id()))
                .append(": ").append(node.kind().name())
                .append(String.format(Locale.ROOT, " (confidence %.2f)\n\n", node.confidence()));
        appendFiles(out, "Spec changed", node.spec().changed());
        appendFiles(out, "Spec files appeared", node.spec().added());
        appendFiles(out, "Spec files vanished", node.spec().vanished());
        appendFiles(out, "Generated files edited", node.handEdited());
        appendFiles(out, "Generated files reformatted", node.reformatted());
        appendFiles(out, "Generated files appeared", node.generated().added());
        appendFiles(out, "Generated files vanished", node.generated().vanished());
        out.append("- Generator: ").append(escape(node.generator().name())).append(", command ")
                .append(code(node.generator().command())).append('\n');
        out.append("\nSuggestions:\n");
        for (int i = 0; i < node.suggestions().size(); i++) {
            Suggestion suggestion = node.suggestions().get(i);
            out.append(i + 1).append(". **").append(suggestion.action().label()).append("**")
                    .append(suggestion.autoFixable() ? " (auto-fixable)" : "").append(": ").append(escape(suggestion.reason())).append('\n');
        }
        if (!node.notes().isEmpty()) {
            out.append("\nNotes:\n");
            node.notes().forEach(note -> out.append("- ").append(escape(note)).append('\n'));
        }
        return out.toString();
    }

    private static void appendFiles(StringBuilder out, String label, List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        out.append("- ").append(label).append(": ");
        List<String> shown = paths.stream().limit(FILES_SHOWN).map(DriftReportMarkdown::code).toList();
        out.append(String.join(", ", shown));
        if (paths.size() > FILES_SHOWN) {
            out.append(" and ").append(paths.size() - FILES_SHOWN).append(" more");
        }
        out.append('\n');
    }

    /**
     * Appends the table header, the table rows, then the details, in order while they fit, keeping room to say how
     * much was left out.
     */
    private static void appendWithin(StringBuilder out, List<String> pieces, int maxChars, int drifted) {
        for (int i = 0; i < pieces.size(); i++) {
            int rowsShown = Math.max(0, Math.min(i - 1, drifted));
            int detailsShown = Math.max(0, i - 1 - drifted);
            String cut = "\n_Cut to fit: " + rowsShown + " of " + drifted + " drifted nodes in the table, " + detailsShown
                    + " with details; `remediator drift scan` prints the full report._\n";
            int room = i == pieces.size() - 1 ? 0 : cut.length() + CUT_NOTE_SLACK;
            if (out.length() + pieces.get(i).length() + room > maxChars) {
                out.append(cut);
                return;
            }
            out.append(pieces.get(i));
        }
    }

    /** A code span that holds any text: its fence is longer than any run of backticks inside; pipes escaped for tables. */
    static String code(String text) {
        int longestRun = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        String fence = "`".repeat(longestRun + 1);
        String padding = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + padding + text.replace("|", "\\|").replace("\n", " ") + padding + fence;
    }

    /** Plain text with every character Markdown or HTML could read as markup escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (ESCAPED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' ? ' ' : c);
        }
        return out.toString();
    }
}
