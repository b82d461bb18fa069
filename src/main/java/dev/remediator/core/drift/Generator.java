package dev.remediator.core.drift;

import java.util.Objects;

/** The tool that produced a node's generated files, and the command that runs it (the regeneration command). */
public record Generator(String name, String command) {

    public Generator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
    }

    /** A generator named after the program its command runs ({@code buf} for {@code buf generate}). */
    public static Generator forCommand(String command) {
        String program = command.strip().split("\\s+", 2)[0];
        return new Generator(program.substring(program.lastIndexOf('/') + 1), command);
    }
}
