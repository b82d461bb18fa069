package dev.remediator.core.drift;

/**
 * XML: comments go; inside tags, blanks between attributes shrink to one and those around {@code =} and before
 * {@code >} go, while attribute values stay as they are; text between tags is trimmed with inner blanks shrunk to
 * one, and blank-only text goes; CDATA sections stay as they are.
 */
final class XmlNormaliser {

    private XmlNormaliser() {
    }

    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("<!--", i)) {
                i = SourceScan.after(s, i + 4, "-->");
            } else if (s.startsWith("<![CDATA[", i)) {
                int end = SourceScan.after(s, i, "]]>");
                out.append(s, i, end);
                i = end;
            } else if (s.charAt(i) == '<') {
                i = tag(s, i, out);
            } else {
                int end = s.indexOf('<', i);
                end = end < 0 ? s.length() : end;
                String text = s.substring(i, end).strip().replaceAll("\\s+", " ");
                out.append(text);
                i = end;
            }
        }
        return out.toString();
    }

    /** Copies the tag (or declaration) at {@code i} with its blanks folded; returns the index after its {@code >}. */
    private static int tag(String s, int i, StringBuilder out) {
        boolean blank = false;
        int depth = 0; // a DOCTYPE's internal subset: [ ... ] may hold '>'
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (Character.isWhitespace(c)) {
                blank = true;
                j++;
                continue;
            }
            boolean closes = c == '>' && depth == 0;
            if (blank && !closes && c != '=' && c != '/' && c != '?' && out.charAt(out.length() - 1) != '=') {
                out.append(' ');
            }
            blank = false;
            if (c == '"' || c == '\'') {
                int end = SourceScan.quotedEnd(s, j, false, true, null);
                out.append(s, j, end);
                j = end;
                continue;
            }
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            out.append(c);
            j++;
            if (closes) {
                break;
            }
        }
        return j;
    }
}
