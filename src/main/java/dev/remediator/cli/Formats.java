package dev.remediator.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import picocli.CommandLine.TypeConversionException;

/** The output formats of the commands, spelled in lower case on the command line. */
final class Formats {

    private Formats() {
    }

    /** The format named {@code value}, in any case; a usage error naming the formats there are otherwise. */
    static <E extends Enum<E>> E parse(Class<E> formats, String value) {
        try {
            return Enum.valueOf(formats, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String known = Arrays.stream(formats.getEnumConstants()).map(f -> f.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(" or "));
            throw new TypeConversionException("unknown format '" + value + "' (expected " + known + ")");
        }
    }
}
