package dev.remediator.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BotIdentityTest {

    private static final BotIdentity BOT = new BotIdentity("remediator[bot]", "41898282+remediator[bot]@users.noreply.github.com");
    private static final String TRAILER = "Signed-off-by: remediator[bot] <41898282+remediator[bot]@users.noreply.github.com>";

    @Test
    void theTrailerFollowsTheBodyAfterABlankLine() {
        assertThat(BOT.signOff("Quarantine flaky test X\n\nRemediator audit id 7.\n"))
                .isEqualTo("Quarantine flaky test X\n\nRemediator audit id 7.\n\n" + TRAILER + "\n");
        assertThat(BOT.signOff("Revert \"x\"")).isEqualTo("Revert \"x\"\n\n" + TRAILER + "\n");
    }

    @Test
    void anExistingTrailerBlockGetsTheLineAndASignedMessageStaysAsItIs() {
        String coAuthored = "Fix\n\nBody.\n\nCo-authored-by: A <a@example.com>\n";
        assertThat(BOT.signOff(coAuthored)).isEqualTo("Fix\n\nBody.\n\nCo-authored-by: A <a@example.com>\n" + TRAILER + "\n");
        String signed = BOT.signOff(coAuthored);
        assertThat(BOT.signOff(signed)).isEqualTo(signed);
    }
}
