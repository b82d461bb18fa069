package dev.remediator.core.history;

/** A test shown to fail and pass without a change in between, and the runs that show it. */
public record FlakyTest(String name, double confidence, String evidence) {
}
