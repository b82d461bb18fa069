package dev.remediator.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.remediator.core.drift.ProvenanceException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that works on a checkout and its provenance manifest ({@code drift scan}, {@code provenance record}):
 * the {@code --manifest} option, the exit codes, and the one place where a failure the user can cause (bad input, a
 * file that cannot be read or written) becomes a message and code 2 instead of a stack trace. Picocli answers usage
 * errors with 2 as well; an internal error also gets 2, never the 1 that means "drift fails".
 */
abstract class DriftCheckoutCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int DRIFT_FAILS = 1;
    static final int ERROR = 2;

    static final String EXIT_CODES_HEADING = "%nExit codes:%n";
    static final String ERROR_EXIT_CODE = "2:usage error, or input that cannot be used: missing or invalid manifest, invalid glob, "
            + "a file that cannot be read or written";

    @Option(names = "--manifest", paramLabel = "PATH", defaultValue = ".remediator/provenance.json",
            description = { "The manifest, relative to the repository's root.", "Default: ${DEFAULT-VALUE}" })
    String manifestOption;

    @Spec
    CommandSpec spec;

    /** Does the command's work and returns its exit code. */
    abstract int run() throws ProvenanceException, IOException;

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (ProvenanceException e) {
            return error(e.getMessage());
        } catch (IOException e) {
            return error(describe(e));
        } catch (UncheckedIOException e) {
            return error(describe(e.getCause()));
        } catch (RuntimeException bug) {
            // code 1 means "drift fails" to a CI step: a defect must not pass for it
            bug.printStackTrace(spec.commandLine().getErr());
            return error("internal error, please report it with the trace above: " + bug);
        }
    }

    /** The manifest's path in the repository: relative, {@code /}-separated, inside it. */
    String manifestPath() throws ProvenanceException {
        Path path = Path.of(manifestOption).normalize();
        if (path.isAbsolute() || path.toString().isEmpty() || path.startsWith("..")) {
            throw new ProvenanceException("'" + manifestOption + "' must be a path inside the repository, relative to its root");
        }
        return path.toString().replace('\\', '/');
    }

    private int error(String message) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
        spec.commandLine().getErr().flush();
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
