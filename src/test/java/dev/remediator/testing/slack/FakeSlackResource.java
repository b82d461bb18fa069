package dev.remediator.testing.slack;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs a {@link FakeSlack} (channels {@code #ci-remediation}, {@code #platform-oncall}, {@code #remediator-alerts})
 * for a test profile and points the app's bot token and API at it.
 */
public class FakeSlackResource implements QuarkusTestResourceLifecycleManager {

    private static FakeSlack slack;

    @Override
    public Map<String, String> start() {
        slack = FakeSlack.start("#ci-remediation", "#platform-oncall", "#remediator-alerts");
        return Map.of("remediator.slack.bot-token", FakeSlack.BOT_TOKEN, "remediator.slack.api-url", slack.apiUrl(),
                "remediator.slack.critical-channel", "#remediator-alerts");
    }

    /** The fake of the running profile. */
    public static FakeSlack slack() {
        return slack;
    }

    @Override
    public void stop() {
        if (slack != null) {
            slack.close();
        }
    }
}
