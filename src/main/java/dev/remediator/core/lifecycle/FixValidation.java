package dev.remediator.core.lifecycle;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a fix's pull request is proven by CI: the checks on its head, judged as branch protection would. With
 * required checks, every required check must have passed (a missing one is still to come); without branch
 * protection, every check on the head must have passed. A check still running keeps it {@code PENDING}, and so does a
 * head with no check at all yet.
 */
public record FixValidation(State state, String headSha, List<Check> checks) {

    public enum State {
        PENDING, PASSED, FAILED
    }

    /**
     * One check on the head: a check run or a commit status.
     *
     * @param conclusion null while it runs; GitHub's check run conclusions, statuses mapped onto them
     */
    public record Check(String name, String conclusion, boolean required) {

        public boolean finished() {
            return conclusion != null;
        }

        public boolean passed() {
            return PASSING.contains(conclusion);
        }
    }

    private static final Set<String> PASSING = Set.of("success", "neutral", "skipped");

    public FixValidation {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(headSha, "headSha");
        checks = List.copyOf(checks);
    }

    public static FixValidation pending(String headSha) {
        return new FixValidation(State.PENDING, headSha, List.of());
    }

    /**
     * Judges the checks found on {@code headSha}; {@code required} are the base branch's required checks, empty
     * without branch protection.
     */
    public static FixValidation judge(String headSha, List<Check> found, Set<String> required) {
        List<Check> checks = found.stream()
                .map(c -> new Check(c.name(), c.conclusion(), required.contains(c.name()))).toList();
        List<Check> deciding = required.isEmpty() ? checks : checks.stream().filter(Check::required).toList();
        boolean failed = deciding.stream().anyMatch(c -> c.finished() && !c.passed());
        Set<String> present = deciding.stream().map(Check::name).collect(Collectors.toSet());
        boolean complete = !deciding.isEmpty() && present.containsAll(required)
                && deciding.stream().allMatch(Check::finished);
        State state = failed ? State.FAILED : complete ? State.PASSED : State.PENDING;
        return new FixValidation(state, headSha, checks);
    }

    public boolean decided() {
        return state != State.PENDING;
    }

    /** The checks that failed, for the reason people read. */
    public List<Check> failures() {
        return checks.stream().filter(c -> c.finished() && !c.passed()).toList();
    }

    /** One line for the audit trail and the reports. */
    public String summary() {
        String head = headSha.substring(0, Math.min(7, headSha.length()));
        return switch (state) {
            case PENDING -> "CI of the fix is running on " + head;
            case PASSED -> "CI of the fix passed on " + head + " (" + checks.stream().filter(Check::passed).count()
                    + " checks)";
            case FAILED -> "CI of the fix failed on " + head + ": " + failures().stream()
                    .map(c -> c.name() + " (" + c.conclusion() + ")").collect(Collectors.joining(", "));
        };
    }
}
