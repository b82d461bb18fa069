package dev.remediator.cli;

import dev.remediator.config.ProjectVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of the packaged app ({@code bin/remediator}). It never boots Quarkus. {@code analyze},
 * {@code drift} and {@code provenance} run the plain-Java core with no database and no network, so that they can serve
 * in a CI step or a pre-commit hook; {@code doctor} checks an instance's database and GitHub App.
 */
@Command(name = "remediator", mixinStandardHelpOptions = true, versionProvider = RemediatorCli.Version.class,
        description = "Explains CI failures and spec drift from local files; checks an instance's setup (doctor).",
        subcommands = { CommandLine.HelpCommand.class, AnalyzeCommand.class, ProvenanceCommand.class, DriftCommand.class,
                DoctorCommand.class })
public final class RemediatorCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code; the tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return new CommandLine(new RemediatorCli()).execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] { "remediator " + ProjectVersion.get() };
        }
    }
}
