package dev.remediator.core.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the commit that broke the default branch between its last green run and a red one. One commit
 * in between is the culprit with high confidence. Several are ranked by how their changed files meet the failing
 * tests and the failure's locations; confidence falls as their number grows and when the evidence does not single
 * one out.
 */
public final class CulpritFinder {

    /** Beyond this many commits the history is too wide to name one with any confidence. */
    public static final int MAX_CANDIDATES = 30;

    /** What the failure points at: normalised failing test names and repository-relative paths. */
    public record FailureTraces(List<String> failingTests, List<String> locationPaths) {
        public FailureTraces {
            failingTests = List.copyOf(failingTests);
            locationPaths = List.copyOf(locationPaths);
        }
    }

    /**
     * @param commits the commits after the last green SHA up to and including the red one, oldest first
     */
    public Optional<Culprit> find(List<CommitChange> commits, FailureTraces traces) {
        if (commits.isEmpty() || commits.size() > MAX_CANDIDATES) {
            return Optional.empty();
        }
        if (commits.size() == 1) {
            return Optional.of(new Culprit(commits.get(0), 0.9, 1,
                    List.of("the only commit between the last green run and this one")));
        }
        List<Scored> scored = new ArrayList<>();
        for (CommitChange commit : commits) {
            scored.add(score(commit, traces));
        }
        // Latest first among equals: a later commit sits closer to the red run.
        Scored best = scored.stream()
                .max(Comparator.comparingDouble(Scored::score).thenComparingInt(s -> commits.indexOf(s.commit())))
                .orElseThrow();
        double total = scored.stream().mapToDouble(Scored::score).sum();
        if (best.score() == 0) {
            return Optional.empty();
        }
        double dominance = best.score() / total;
        double confidence = round(ceiling(commits.size()) * dominance);
        List<String> reasons = new ArrayList<>(best.reasons());
        reasons.add(commits.size() + " commits since the last green run; this one explains "
                + Math.round(dominance * 100) + " % of the evidence");
        return Optional.of(new Culprit(best.commit(), confidence, commits.size(), reasons));
    }

    /** The most confidence any single commit can earn among {@code n} candidates. */
    static double ceiling(int n) {
        if (n <= 2) {
            return 0.85;
        }
        if (n <= 5) {
            return 0.75;
        }
        if (n <= 10) {
            return 0.6;
        }
        return 0.4;
    }

    private record Scored(CommitChange commit, double score, List<String> reasons) {
    }

    private static Scored score(CommitChange commit, FailureTraces traces) {
        double score = 0;
        List<String> reasons = new ArrayList<>();
        for (CommitChange.ChangedFile file : commit.files()) {
            for (String path : file.paths()) {
                for (String location : traces.locationPaths()) {
                    if (samePath(path, location)) {
                        score += 3;
                        reasons.add("changed " + path + ", where the failure points");
                    }
                }
                for (String test : traces.failingTests()) {
                    String touched = TestFileRelation.touchedBy(test, path);
                    if (touched != null) {
                        score += touched.equals(TestFileRelation.TEST_ITSELF) ? 2 : 1;
                        reasons.add("changed " + path + ", " + touched + " " + test);
                    }
                }
            }
        }
        return new Scored(commit, score, reasons.stream().distinct().limit(5).toList());
    }

    /** Logs name files from the repository root, from a module, or with a leading ./ */
    private static boolean samePath(String changed, String location) {
        String a = changed.toLowerCase(Locale.ROOT);
        String b = location.toLowerCase(Locale.ROOT).replaceFirst("^\\./", "");
        return a.equals(b) || a.endsWith("/" + b) || b.endsWith("/" + a);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
