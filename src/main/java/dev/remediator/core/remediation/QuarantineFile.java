package dev.remediator.core.remediation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The repository's quarantine file (config {@code failures.quarantine.file}): one excluded test per line, in the form
 * the test runner reads, each preceded by a comment saying why. Formats (see README "Quarantine file"):
 * <ul>
 * <li>Maven Surefire/Failsafe {@code excludesFile}: {@code com/acme/FooTest.java}. Surefire matches class patterns
 * there; excluding one method is not supported by every Surefire version, so the whole class is excluded and the
 * comment names the flaky method.</li>
 * <li>pytest node ids: {@code tests/test_io.py::test_read}, for {@code --deselect}.</li>
 * <li>anything else (Go, Jest, Mocha): the test's name, one per line, for {@code -skip} or a name pattern.</li>
 * </ul>
 */
public final class QuarantineFile {

    /** How a test is written in the file, from the shape of its normalised name. */
    public enum Format {
        SUREFIRE, PYTEST, NAME;

        static Format of(String test) {
            if (test.contains("::")) {
                return PYTEST;
            }
            String owner = test.contains("#") ? test.substring(0, test.indexOf('#')) : test;
            return owner.matches("[\\w$]+(\\.[\\w$]+)+") ? SUREFIRE : NAME;
        }
    }

    /** The file's new content, and whether it changed (the test may be quarantined already). */
    public record Update(String content, boolean changed, String entry) {
    }

    public static String entry(String test) {
        return switch (Format.of(test)) {
            case SUREFIRE -> {
                String owner = test.contains("#") ? test.substring(0, test.indexOf('#')) : test;
                String outer = owner.contains("$") ? owner.substring(0, owner.indexOf('$')) : owner;
                yield outer.replace('.', '/') + ".java";
            }
            case PYTEST, NAME -> test.strip();
        };
    }

    /**
     * Adds the test, keeping everything already in the file.
     *
     * @param existing the file's content, or null when it does not exist yet
     * @param reason   one line: why the test is quarantined (evidence, audit id)
     */
    public static Update add(String existing, String test, String reason) {
        String entry = entry(test);
        List<String> lines = existing == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(existing.split("\n", -1)));
        if (lines.stream().map(String::strip).anyMatch(entry::equals)) {
            return new Update(existing, false, entry);
        }
        if (existing == null) {
            lines.add("# Tests quarantined by Remediator: excluded from the build until someone fixes them.");
            lines.add("# Remove a line (and its comment) to bring the test back.");
        } else if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        lines.add(comment(test) + reason.replace('\n', ' '));
        lines.add(entry);
        return new Update(String.join("\n", lines) + "\n", true, entry);
    }

    /**
     * The test's source file among the repository's paths, from its name as its runner writes it: a JVM class's file
     * ({@code .java}, {@code .kt}, {@code .groovy}, {@code .scala}), pytest's or Jest's file; none for a bare name (Go).
     */
    public static Optional<String> sourceFile(String test, Collection<String> paths) {
        List<String> wanted = switch (Format.of(test)) {
            case SUREFIRE -> {
                String entry = entry(test);
                String stem = entry.substring(0, entry.length() - ".java".length());
                yield JVM_SOURCES.stream().map(extension -> stem + extension).toList();
            }
            case PYTEST -> List.of(test.substring(0, test.indexOf("::")).strip());
            case NAME -> test.contains(" > ") ? List.of(test.substring(0, test.indexOf(" > ")).strip()) : List.of();
        };
        return paths.stream().filter(path -> wanted.stream().anyMatch(w -> path.equals(w) || path.endsWith("/" + w)))
                .min(Comparator.comparingInt(String::length));
    }

    private static final List<String> JVM_SOURCES = List.of(".java", ".kt", ".groovy", ".scala");

    /** Whether the file (null: it does not exist) excludes the test. */
    public static boolean contains(String existing, String test) {
        return existing != null && Arrays.stream(existing.split("\n")).map(String::strip).anyMatch(entry(test)::equals);
    }

    /** Takes the test out of the file, with the comment Remediator wrote above it; everything else stays. */
    public static Update remove(String existing, String test) {
        String entry = entry(test);
        if (!contains(existing, test)) {
            return new Update(existing, false, entry);
        }
        List<String> lines = new ArrayList<>(Arrays.asList(existing.split("\n", -1)));
        int at = lines.stream().map(String::strip).toList().indexOf(entry);
        lines.remove(at);
        if (at > 0 && lines.get(at - 1).startsWith(comment(test))) {
            lines.remove(at - 1);
        }
        return new Update(String.join("\n", lines), true, entry);
    }

    private static String comment(String test) {
        return "# " + test + ": ";
    }
}
