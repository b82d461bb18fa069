package dev.remediator.core.assist;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A model-written fix that passed every check: it parses, stays within the limits, weakens no test or CI, and applies
 * exactly to the files at the failing commit. Only such a fix is proposed, and then only for a person to approve.
 *
 * @param diff        the unified diff as the model wrote it
 * @param explanation the model's own words on what it changes and why
 */
public record FixProposal(String explanation, String diff, List<String> paths, int linesAdded, int linesRemoved) {

    /** Characters a fix's answer may have. */
    static final int MAX_ANSWER = 60_000;

    public FixProposal {
        paths = List.copyOf(paths);
    }

    /** How many files and lines a fix may change. */
    public record Limits(int maxFiles, int maxLines) {
    }

    /** A fix the checks refused, with every reason. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }

    /**
     * Reads and checks a model's answer to a fix request.
     *
     * @param files the files sent, by path, as they are at the failing commit
     * @throws UnusableAnswer when the answer is not what the schema asks
     * @throws Refused        when the diff is empty, too large, weakens tests or CI, or does not apply
     */
    public static FixProposal review(String answer, Map<String, String> files, Limits limits,
            Predicate<String> protectedPath) throws UnusableAnswer, Refused {
        JsonNode json = ModelAnswers.read(answer, AnswerSchema.FIX, MAX_ANSWER);
        String diffText = json.path("diff").asText();
        if (diffText.isBlank()) {
            throw new Refused("the model found no safe fix");
        }
        UnifiedDiff diff;
        try {
            diff = UnifiedDiff.parse(diffText);
        } catch (UnifiedDiff.Refused e) {
            throw new Refused(e.getMessage());
        }
        List<String> weakening = FixGuard.refusals(diff, protectedPath);
        if (!weakening.isEmpty()) {
            throw new Refused(String.join("; ", weakening));
        }
        if (diff.files().size() > limits.maxFiles()) {
            throw new Refused("it changes " + diff.files().size() + " files, more than the " + limits.maxFiles() + " allowed");
        }
        int lines = diff.linesAdded() + diff.linesRemoved();
        if (lines > limits.maxLines()) {
            throw new Refused("it changes " + lines + " lines, more than the " + limits.maxLines() + " allowed");
        }
        try {
            diff.apply(files);
        } catch (UnifiedDiff.Refused e) {
            throw new Refused(e.getMessage());
        }
        return new FixProposal(json.path("explanation").asText().strip(), diffText, diff.paths(), diff.linesAdded(),
                diff.linesRemoved());
    }

    /** The fix as it is stored and found again: the digest of its diff. */
    public String digest() {
        return ModelPrompts.sha256(diff).substring(0, 16);
    }
}
