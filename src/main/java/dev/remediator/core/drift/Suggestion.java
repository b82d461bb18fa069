package dev.remediator.core.drift;

/**
 * One suggested action for a node, with why and how.
 *
 * @param autoFixable whether Remediator may carry it out itself (regenerate a stale node, rebaseline a benign one)
 */
public record Suggestion(SuggestedAction action, boolean autoFixable, String reason) {
}
