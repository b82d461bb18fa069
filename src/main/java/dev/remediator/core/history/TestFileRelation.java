package dev.remediator.core.history;

import java.util.Locale;

/**
 * Relates normalised test names ({@code com.acme.FooTest#bar}, {@code tests/test_foo.py::test_bar},
 * {@code src/foo.test.ts > adds}, {@code TestFoo}) to the files that hold or concern them.
 */
final class TestFileRelation {

    static final String TEST_ITSELF = "which holds the failing test";
    static final String CODE_UNDER_TEST = "which the failing test covers";

    private TestFileRelation() {
    }

    /** How a changed file relates to a failing test, or null when it does not. */
    static String touchedBy(String test, String path) {
        String file = fileName(path);
        String base = stripExtension(file);
        String testFile = testFile(test);
        if (testFile != null && (path.endsWith(testFile) || testFile.endsWith("/" + file) || testFile.equals(file))) {
            return TEST_ITSELF;
        }
        String testClass = testClass(test);
        if (testClass == null) {
            return null;
        }
        if (testClass.equalsIgnoreCase(base)) {
            return TEST_ITSELF;
        }
        String subject = subjectOf(testClass);
        return subject != null && subject.equalsIgnoreCase(base) ? CODE_UNDER_TEST : null;
    }

    /** The file named in the test id, for path-based ids ({@code tests/test_x.py::t}, {@code src/a.test.ts > t}). */
    private static String testFile(String test) {
        int separator = test.indexOf("::");
        if (separator < 0) {
            separator = test.indexOf(" > ");
        }
        if (separator > 0) {
            String file = test.substring(0, separator).trim();
            return file.contains("/") || file.contains(".") ? file : null;
        }
        return null;
    }

    /** The simple class (or Go test function) a test belongs to. */
    private static String testClass(String test) {
        if (testFile(test) != null) {
            return stripExtension(fileName(testFile(test)));
        }
        String owner = test.contains("#") ? test.substring(0, test.indexOf('#')) : test;
        owner = owner.contains("$") ? owner.substring(0, owner.indexOf('$')) : owner;
        String simple = owner.substring(owner.lastIndexOf('.') + 1).trim();
        return simple.isEmpty() ? null : simple;
    }

    /** {@code FooTest} covers {@code Foo}; {@code test_foo} covers {@code foo}; {@code TestFoo} covers {@code foo}. */
    private static String subjectOf(String testClass) {
        String lower = testClass.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] { "tests", "test", "it", "spec", "_test" }) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                return testClass.substring(0, testClass.length() - suffix.length()).replaceAll("[._-]$", "");
            }
        }
        for (String prefix : new String[] { "test_", "test" }) {
            if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
                return testClass.substring(prefix.length());
            }
        }
        return null;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String stripExtension(String file) {
        String name = file;
        // foo.test.ts and foo.spec.js: the test's subject is foo
        for (String suffix : new String[] { ".test", ".spec" }) {
            int at = name.indexOf(suffix + ".");
            if (at > 0) {
                return name.substring(0, at) + suffix.replace('.', '_');
            }
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
