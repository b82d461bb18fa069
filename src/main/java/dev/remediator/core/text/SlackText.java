package dev.remediator.core.text;

/**
 * Text for Slack's mrkdwn: Slack reads {@code <...>} as links and mentions ({@code <!channel>}) and {@code &} as the
 * start of an entity, so text from logs and users goes through {@link #escape}, with secrets masked first.
 */
public final class SlackText {

    private SlackText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return SecretMasker.mask(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A link with a label; a URL that could break out of the link is left out and the label stays. */
    public static String link(String url, String label) {
        if (url == null || url.isBlank() || !url.matches("https?://[^\\s<>|]+")) {
            return escape(label);
        }
        return "<" + url + "|" + escape(label).replace("|", "¦") + ">";
    }
}
