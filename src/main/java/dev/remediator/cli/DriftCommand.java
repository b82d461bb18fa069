package dev.remediator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code remediator drift}: drift between specs and the code generated from them. */
@Command(name = "drift", mixinStandardHelpOptions = true, subcommands = DriftScanCommand.class,
        description = "Finds drift between specs and the code generated from them.")
final class DriftCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a subcommand: scan");
    }
}
