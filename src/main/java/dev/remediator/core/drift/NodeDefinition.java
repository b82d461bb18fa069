package dev.remediator.core.drift;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a node is, before any file is recorded: its id (unique in the manifest), its context (a group of nodes,
 * e.g. one API), its generator, and the globs of its spec and generated files. Ids and contexts name branches
 * ({@code remediator/regenerate/<context>-...}), so they are restricted to letters, digits, '.', '_' and '-'.
 */
public record NodeDefinition(String id, String context, Generator generator, GlobSet spec, GlobSet generated) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public NodeDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(generated, "generated");
    }

    /** A definition whose names are checked; the message of the exception says which one is wrong and why. */
    public static NodeDefinition of(String id, String context, Generator generator, GlobSet spec, GlobSet generated)
            throws ProvenanceException {
        checkName("context", context);
        checkName("id", id);
        if (generator.name().isBlank() || generator.command().isBlank()) {
            throw new ProvenanceException("the generator of node '" + id + "' needs a name and a command");
        }
        return new NodeDefinition(id, context, generator, spec, generated);
    }

    private static void checkName(String field, String value) throws ProvenanceException {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new ProvenanceException("invalid " + field + " '" + value + "': use 1 to 100 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
    }
}
