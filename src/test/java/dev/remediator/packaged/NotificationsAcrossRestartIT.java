package dev.remediator.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.CiScenario;
import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.slack.FakeSlack;

/**
 * Notifications come from the outbox, so a message Slack could not take before the process died is sent by the next
 * process, once, and a redelivery of the webhook that caused it after the restart sends nothing more. The expiry's
 * escalation, which no webhook causes, is sent once too.
 */
class NotificationsAcrossRestartIT extends PackagedAppTest {

    private static final String NOTIFY = """
            notify:
              slack: { channel: "#ci-remediation", escalation_channel: "#platform-oncall" }
              on: [approval_requested, done, failed, expired]
            """;

    @Test
    void eachMessageIsSentOnceAcrossARestartAndARedelivery() throws Exception {
        try (FakeSlack slack = FakeSlack.start("#ci-remediation", "#platform-oncall", "#remediator-alerts")) {
            CiScenario ci = CiScenario.create(github, null, "notify-restart").config(NOTIFY);
            String parent = ci.commit("Add metadata", "alice", Map.of("src/meta.cpp", "int metadata() { return 1; }\n"));
            String culprit = ci.commit("Report sizes", "bob", Map.of("src/meta.cpp", "int metadata() { return m(s); }\n"));
            WebhookPayload green = ci.completed(ci.run(parent, "main", "success", "runner-shutdown.log"));
            WebhookPayload red = ci.completed(ci.run(culprit, "main", "failure", "cpp-compile-error.log"));
            Map<String, String> settings = Map.of("remediator.slack.bot-token", FakeSlack.BOT_TOKEN,
                    "remediator.slack.api-url", slack.apiUrl(), "remediator.public-url", "https://remediator.example.com",
                    "remediator.outbox.recovery-interval", "1s", "remediator.approval.expiry-interval", "1s");

            // Slack is down while the approval is requested; the process dies before it comes back
            slack.failNext(10_000);
            PackagedApp app = PackagedApp.registered(github, settings).start();
            String redDelivery;
            try {
                String greenDelivery = deliver(app, green);
                await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(status(greenDelivery)));
                redDelivery = deliver(app, red);
                await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(status(redDelivery)));
                await().atMost(Duration.ofSeconds(30)).until(() -> slack.requests() > 0);
                app.kill();
            } finally {
                app.close();
            }
            assertThat(slack.messages()).as("nothing got through while Slack was down").isEmpty();

            slack.failNext(0);
            try (PackagedApp restarted = app.start()) {
                await().atMost(Duration.ofSeconds(90)).until(() -> slack.messages().size() == 1);
                deliver(restarted, red, redDelivery);
                deliver(restarted, red);
                Thread.sleep(3_000);
                assertThat(slack.messages()).singleElement().satisfies(message -> {
                    assertThat(message.channel()).isEqualTo("#ci-remediation");
                    assertThat(message.text()).startsWith(":raised_hand: *Approval requested*: revert");
                });

                expireApprovals(ci.repo.id());
                await().atMost(Duration.ofSeconds(60)).until(() -> slack.messages().size() == 2);
                Thread.sleep(3_000);
            }
            List<FakeSlack.Message> messages = slack.messages();
            assertThat(messages).hasSize(2);
            assertThat(messages.get(1).channel()).isEqualTo("#platform-oncall");
            assertThat(messages.get(1).text()).startsWith(":hourglass: *Approval expired*");
        }
    }
}
