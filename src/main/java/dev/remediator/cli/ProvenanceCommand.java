package dev.remediator.cli;

import picocli.CommandLine.Command;

/** {@code remediator provenance}: the commands that write the provenance manifest (picocli requires one of them). */
@Command(name = "provenance", mixinStandardHelpOptions = true, subcommands = ProvenanceRecordCommand.class,
        description = "Writes the provenance manifest (.remediator/provenance.json) that drift detection compares against.")
final class ProvenanceCommand {
}
