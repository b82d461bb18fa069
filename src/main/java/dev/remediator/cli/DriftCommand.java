package dev.remediator.cli;

import picocli.CommandLine.Command;

/** {@code remediator drift}: drift between specs and the code generated from them (picocli requires a subcommand). */
@Command(name = "drift", mixinStandardHelpOptions = true, subcommands = DriftScanCommand.class,
        description = "Finds drift between specs and the code generated from them.")
final class DriftCommand {
}
