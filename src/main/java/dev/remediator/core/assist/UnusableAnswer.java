package dev.remediator.core.assist;

/** A model's answer that cannot be used (not JSON, too large, not what the schema asks): the rule-based result stands. */
public final class UnusableAnswer extends Exception {

    public UnusableAnswer(String reason) {
        super(reason);
    }
}
