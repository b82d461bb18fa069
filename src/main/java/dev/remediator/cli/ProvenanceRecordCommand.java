package dev.remediator.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.remediator.core.drift.Generator;
import dev.remediator.core.drift.GlobSet;
import dev.remediator.core.drift.NodeDefinition;
import dev.remediator.core.drift.ProvenanceException;
import dev.remediator.core.drift.ProvenanceManifest;
import dev.remediator.core.drift.ProvenanceManifestJson;
import dev.remediator.core.drift.ProvenanceNode;
import dev.remediator.core.drift.ProvenanceRecorder;
import dev.remediator.core.drift.RepositoryTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code remediator provenance record}: writes or updates one node after a generation run. */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Records one node of the provenance manifest after a generation run.",
                "It writes the git blob SHA of each spec and generated file (as git computes them, so they equal the "
                        + "commit's tree) and the normalised-text hash of each generated file. An existing node with the "
                        + "same id is replaced; the others are kept.",
                "Run it at the repository's root after the generator, and commit the manifest with the generated files. "
                        + "Quote the globs, so that the shell leaves them alone." },
        exitCodeListHeading = DriftCheckoutCommand.EXIT_CODES_HEADING,
        exitCodeList = { "0:the node was recorded (or was already up to date)", DriftCheckoutCommand.ERROR_EXIT_CODE })
final class ProvenanceRecordCommand extends DriftCheckoutCommand {

    @Option(names = "--context", required = true, paramLabel = "C", description = "The node's context: a group of nodes, "
            + "e.g. one API. Letters, digits, '.', '_', '-'.")
    String context;

    @Option(names = "--id", paramLabel = "ID", description = "The node's id, unique in the manifest (default: the context).")
    String id;

    @Option(names = "--command", required = true, paramLabel = "CMD", description = "The command that generated the files; "
            + "Remediator runs it again to regenerate them.")
    String command;

    @Option(names = "--generator", paramLabel = "NAME", description = "The generator's name (default: the command's program).")
    String generatorName;

    @Option(names = "--spec", required = true, arity = "1..*", paramLabel = "GLOB", description = "Globs of the spec files, "
            + "relative to the repository's root ('**' spans folders; '!GLOB' excludes).")
    List<String> specGlobs;

    @Option(names = "--generated", required = true, arity = "1..*", paramLabel = "GLOB", description = "Globs of the "
            + "generated files; files that later appear under them or vanish are drift.")
    List<String> generatedGlobs;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".", description = "The repository's root (default: the current folder).")
    Path dir;

    @Override
    int run() throws ProvenanceException, IOException {
        GlobSet specFiles = GlobSet.of(specGlobs);
        GlobSet generatedFiles = GlobSet.of(generatedGlobs);
        Generator generator = generatorName == null ? Generator.forCommand(command) : new Generator(generatorName, command);
        NodeDefinition definition = NodeDefinition.of(id == null ? context : id, context, generator, specFiles, generatedFiles);
        String manifestFile = manifestPath();
        if (specFiles.matches(manifestFile) || generatedFiles.matches(manifestFile)) {
            throw new ProvenanceException("the globs also match the manifest " + manifestFile + "; leave it out with '!" + manifestFile + "'");
        }
        DriftCheckout checkout = DriftCheckout.open(dir);
        Optional<String> before = checkout.readText(manifestFile);
        ProvenanceManifest manifest = before.isPresent() ? DriftCheckout.parseManifest(manifestFile, before.get()) : ProvenanceManifest.empty();
        RepositoryTree tree = checkout.tree(List.of(specFiles, generatedFiles));
        ProvenanceNode node = ProvenanceRecorder.record(definition, tree, checkout, manifest.node(definition.id()).orElse(null));
        String after = ProvenanceManifestJson.write(manifest.withNode(node));
        boolean unchanged = before.isPresent() && before.get().equals(after);
        if (!unchanged) {
            checkout.writeText(manifestFile, after);
        }
        spec.commandLine().getOut().printf("%s node '%s' (context %s): %d spec and %d generated files in %s%n",
                unchanged ? "Unchanged" : "Recorded", node.id(), node.context(), node.spec().files().size(),
                node.generated().files().size(), manifestFile);
        return OK;
    }
}
