package dev.remediator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code remediator provenance}: the commands that write the provenance manifest. */
@Command(name = "provenance", mixinStandardHelpOptions = true, subcommands = ProvenanceRecordCommand.class,
        description = "Writes the provenance manifest (.remediator/provenance.json) that drift detection compares against.")
final class ProvenanceCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a subcommand: record");
    }
}
