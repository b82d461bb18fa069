package dev.remediator.core.remediation;

import java.util.Arrays;
import java.util.List;

/**
 * The GitHub App's bot user, as git knows it: {@code <slug>[bot]} with GitHub's no-reply address for that user id
 * ({@code <id>+<slug>[bot]@users.noreply.github.com}), the identity GitHub itself gives the commits the app makes. Repositories that enforce the Developer Certificate of
 * Origin take a commit whose {@code Signed-off-by} trailer names its author.
 */
public record BotIdentity(String name, String email) {

    public String trailer() {
        return "Signed-off-by: " + name + " <" + email + ">";
    }

    /**
     * The message with this identity's sign-off: added to a closing block of trailers, else after a blank line; a
     * message already signed off by it is returned as it is.
     */
    public String signOff(String message) {
        String body = message.stripTrailing();
        List<String> lines = Arrays.asList(body.split("\n", -1));
        if (lines.contains(trailer())) {
            return body + "\n";
        }
        int paragraph = body.lastIndexOf("\n\n");
        boolean endsWithTrailers = paragraph > 0 && Arrays.stream(body.substring(paragraph + 2).split("\n"))
                .allMatch(line -> line.matches("[A-Za-z0-9-]+: .+"));
        return body + (endsWithTrailers ? "\n" : "\n\n") + trailer() + "\n";
    }
}
