package dev.remediator.core.drift;

/** Text of no known language: each line trimmed with inner blanks shrunk to one, blank lines dropped. */
final class PlainTextNormaliser {

    private PlainTextNormaliser() {
    }

    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (String line : s.split("\n", -1)) {
            String folded = line.strip().replaceAll("\\s+", " ");
            if (!folded.isEmpty()) {
                out.append(folded).append('\n');
            }
        }
        return out.toString();
    }
}
