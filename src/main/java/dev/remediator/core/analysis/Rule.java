package dev.remediator.core.analysis;

import java.util.Objects;

/**
 * What a log line tells when a rule recognises it: the category of failure it points to, how strongly (its weight,
 * 0 to 1, which ranks the evidence), and whether such a failure would pass on a re-run.
 *
 * @param id               names the rule in the evidence, {@code ecosystem.what}, e.g. {@code maven.test-failure}
 * @param category         the failure this line points to; {@link FailureCategory#UNKNOWN} when it only says that
 *                         something failed
 * @param weight           how decisive the line is, from 0 (noise) to 1 (it alone explains the failure)
 * @param transientFailure whether a re-run would probably pass
 */
public record Rule(String id, FailureCategory category, double weight, boolean transientFailure) {

    public Rule {
        Objects.requireNonNull(category, "category");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a rule needs an id");
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must lie in [0, 1]: " + weight);
        }
    }

    /** A rule whose failures are transient exactly when its category usually is. */
    public Rule(String id, FailureCategory category, double weight) {
        this(id, category, weight, category.transientByDefault());
    }
}
