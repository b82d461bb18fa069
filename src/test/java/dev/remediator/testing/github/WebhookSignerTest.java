package dev.remediator.testing.github;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void signsAsGitHubsDocumentationShows() {
        // the example of GitHub's "Validating webhook deliveries" page
        WebhookSigner signer = new WebhookSigner("It's a Secret to Everybody");

        assertThat(signer.signature("Hello, World!"))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }
}
