package dev.remediator.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import dev.remediator.core.drift.ProvenanceException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The exit codes of {@code drift scan} and {@code provenance record}, and the one place where a failure the user can
 * cause (bad input, a file that cannot be read or written) becomes a message and code 2 instead of a stack trace.
 * Picocli answers usage errors with 2 as well; an internal error also gets 2, never the 1 that means "drift fails".
 */
final class DriftExitCodes {

    static final int OK = 0;
    static final int DRIFT_FAILS = 1;
    static final int ERROR = 2;

    static final String HEADING = "%nExit codes:%n";
    static final String ERROR_LINE = "2:usage error, or input that cannot be used: missing or invalid manifest, invalid glob, "
            + "a file that cannot be read or written";

    private DriftExitCodes() {
    }

    interface Work {
        int run() throws ProvenanceException, IOException;
    }

    static int run(CommandSpec command, Work work) {
        try {
            return work.run();
        } catch (ProvenanceException e) {
            return error(command, e.getMessage());
        } catch (IOException e) {
            return error(command, describe(e));
        } catch (UncheckedIOException e) {
            return error(command, describe(e.getCause()));
        } catch (RuntimeException bug) {
            // code 1 means "drift fails" to a CI step: a defect must not pass for it
            bug.printStackTrace(command.commandLine().getErr());
            return error(command, "internal error, please report it with the trace above: " + bug);
        }
    }

    private static int error(CommandSpec command, String message) {
        command.commandLine().getErr().println(command.qualifiedName() + ": " + message);
        command.commandLine().getErr().flush();
        return ERROR;
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
