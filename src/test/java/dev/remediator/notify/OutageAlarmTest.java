package dev.remediator.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.slack.FakeSlack;
import dev.remediator.testing.slack.FakeSlackResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** GitHub unreachable for the outage threshold raises one critical message in Slack, not one per probe. */
@QuarkusTest
@TestProfile(OutageAlarmTest.QuickOutages.class)
class OutageAlarmTest extends EndToEndTest {

    /** Probes every second; two seconds of failures make an outage. */
    public static class QuickOutages implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("remediator.notify.outage-probe-interval", "1s", "remediator.notify.outage-after", "2s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeSlackResource.class));
        }
    }

    @Test
    void gitHubDownForTheThresholdRaisesOneCriticalMessage() throws InterruptedException {
        FakeSlack slack = FakeSlackResource.slack();
        slack.clear();
        github.faults().takeDown(503);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !slack.messages().isEmpty());
            Thread.sleep(3_000);

            assertThat(slack.messages()).singleElement().satisfies(message -> {
                assertThat(message.channel()).isEqualTo("#remediator-alerts");
                assertThat(message.text()).startsWith(":rotating_light: *Remediator cannot reach GitHub*");
            });
        } finally {
            github.faults().bringBack();
        }
    }
}
