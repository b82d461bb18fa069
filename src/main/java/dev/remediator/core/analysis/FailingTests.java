package dev.remediator.core.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names of the tests that failed, in the order first seen, each once. Test frameworks name a failed test
 * several times, more or less qualified (a detail line with the package, a summary without it), so a name that is
 * only the tail of a fuller one is left out; so is a Go test whose subtest is listed, since the subtest is the one
 * that failed.
 */
final class FailingTests {

    static final int LIMIT = 1000;
    private static final String QUALIFIER_SEPARATORS = ".$:/#";

    private final Set<String> names = new LinkedHashSet<>();

    void add(String name) {
        if (name == null || names.size() >= LIMIT) {
            return;
        }
        String trimmed = name.strip();
        if (!trimmed.isEmpty()) {
            names.add(trimmed);
        }
    }

    List<String> list() {
        List<String> result = new ArrayList<>();
        for (String name : names) {
            if (names.stream().noneMatch(other -> other.length() > name.length() && coveredBy(name, other))) {
                result.add(name);
            }
        }
        return result;
    }

    private static boolean coveredBy(String name, String fuller) {
        if (fuller.startsWith(name + "/")) {
            return true;
        }
        return fuller.endsWith(name)
                && QUALIFIER_SEPARATORS.indexOf(fuller.charAt(fuller.length() - name.length() - 1)) >= 0;
    }
}
