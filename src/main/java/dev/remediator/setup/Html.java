package dev.remediator.setup;

/** The few HTML pages an operator sees, kept plain. */
final class Html {

    private Html() {
    }

    static String page(String title, String body) {
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%1$s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;line-height:1.5}
                pre{background:#f6f8fa;padding:1rem;overflow:auto}button{margin:.5rem 0}</style></head>
                <body><h1>%1$s</h1>%2$s</body></html>""".formatted(escape(title), body);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
