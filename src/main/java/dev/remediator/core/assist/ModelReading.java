package dev.remediator.core.assist;

/**
 * What the check run says of the language model for one run: its reading of the failure, or why there is none
 * (the provider refused or timed out, the answer was unusable, the day's token budget is spent).
 *
 * @param explanation null when there is none
 * @param cached      the reading was asked for an earlier run with the same failure, and not paid for again
 * @param note        why there is no reading, or what to know about it; null when there is nothing to say
 */
public record ModelReading(ModelExplanation explanation, String model, boolean cached, String note) {

    public static ModelReading of(ModelExplanation explanation, String model, boolean cached) {
        return new ModelReading(explanation, model, cached, null);
    }

    public static ModelReading none(String model, String note) {
        return new ModelReading(null, model, false, note);
    }
}
