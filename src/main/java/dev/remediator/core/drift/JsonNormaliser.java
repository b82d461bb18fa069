package dev.remediator.core.drift;

/** JSON: every blank outside strings goes; strings stay as they are (key order and number spelling count). */
final class JsonNormaliser {

    private JsonNormaliser() {
    }

    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                int end = SourceScan.quotedEnd(s, i, true, true, null);
                out.append(s, i, end);
                i = end;
            } else {
                if (!Character.isWhitespace(c)) {
                    out.append(c);
                }
                i++;
            }
        }
        return out.toString();
    }
}
