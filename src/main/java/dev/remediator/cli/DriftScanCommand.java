package dev.remediator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.remediator.core.drift.DriftClassifier;
import dev.remediator.core.drift.DriftMode;
import dev.remediator.core.drift.DriftReport;
import dev.remediator.core.drift.DriftReportJson;
import dev.remediator.core.drift.DriftReportMarkdown;
import dev.remediator.core.drift.DriftVerdict;
import dev.remediator.core.drift.GlobSet;
import dev.remediator.core.drift.ProvenanceException;
import dev.remediator.core.drift.ProvenanceManifest;
import dev.remediator.core.drift.ProvenanceNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code remediator drift scan}: classifies every node of a checkout's manifest, for a CI step or a pre-commit hook. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Classifies every node of the provenance manifest against the files in DIR.",
                "Kinds: NONE, CODE_STALE (spec changed: regenerate), SPEC_STALE (generated files edited by hand), BENIGN "
                        + "(only formatting or comments changed: rebaseline) or SEMANTIC (both changed, or generated files "
                        + "appeared or vanished), each with a confidence and ranked suggestions." },
        exitCodeListHeading = DriftCheckoutCommand.EXIT_CODES_HEADING,
        exitCodeList = { "0:no drift, or drift that the mode does not fail on (warn mode never fails)",
                "1:fail mode, and a node is SEMANTIC or SPEC_STALE", DriftCheckoutCommand.ERROR_EXIT_CODE })
final class DriftScanCommand extends DriftCheckoutCommand {

    enum Format {
        JSON,
        MARKDOWN
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "The repository's root (default: the current folder).")
    Path dir;

    @Option(names = "--context", arity = "1..*", paramLabel = "C", description = "Scan only the nodes of these contexts.")
    List<String> contexts = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown", converter = FormatConverter.class,
            description = "json or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "warn", converter = ModeConverter.class,
            description = "warn (never fails) or fail (exit code 1 on SEMANTIC or SPEC_STALE) (default: ${DEFAULT-VALUE}).")
    DriftMode mode;

    @Override
    int run() throws ProvenanceException, IOException {
        String manifestFile = manifestPath();
        DriftCheckout checkout = DriftCheckout.open(dir);
        String text = checkout.readText(manifestFile).orElseThrow(() -> new ProvenanceException("no provenance manifest at "
                + manifestFile + " in " + dir + "; write one with 'remediator provenance record' after a generation run"));
        ProvenanceManifest manifest = DriftCheckout.parseManifest(manifestFile, text);
        if (!contexts.isEmpty()) {
            manifest = manifest.inContexts(contexts);
        }
        List<GlobSet> globs = new ArrayList<>();
        for (ProvenanceNode node : manifest.nodes()) {
            globs.add(node.spec().globs());
            globs.add(node.generated().globs());
        }
        DriftReport report = DriftClassifier.classify(manifest, checkout.tree(globs), checkout);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.JSON ? DriftReportJson.write(report, mode) : DriftReportMarkdown.render(report, mode));
        out.flush();
        return report.verdict(mode) == DriftVerdict.FAILED ? DRIFT_FAILS : OK;
    }

    static final class ModeConverter implements ITypeConverter<DriftMode> {
        @Override
        public DriftMode convert(String value) {
            try {
                return DriftMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Formats.parse(Format.class, value);
        }
    }
}
