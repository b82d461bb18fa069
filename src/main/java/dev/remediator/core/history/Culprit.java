package dev.remediator.core.history;

import java.util.List;

/**
 * The commit that most likely broke a branch, with how sure we are and why.
 *
 * @param candidates how many commits lay between the last green run and the red one
 */
public record Culprit(CommitChange commit, double confidence, int candidates, List<String> reasons) {

    public Culprit {
        reasons = List.copyOf(reasons);
    }
}
