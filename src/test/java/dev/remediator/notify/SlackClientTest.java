package dev.remediator.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.remediator.core.notify.NotificationText.SlackMessage;
import dev.remediator.testing.slack.FakeSlack;

class SlackClientTest {

    private final FakeSlack slack = FakeSlack.start("#ci-remediation");

    @AfterEach
    void stop() {
        slack.close();
    }

    private SlackClient bot(Duration maxRetryAfter) {
        return new SlackClient(HttpClient.newHttpClient(), new SlackClient.Settings(Optional.of(FakeSlack.BOT_TOKEN),
                Optional.empty(), slack.apiUrl(), maxRetryAfter));
    }

    @Test
    void aBotTokenPostsToTheChannel() throws Exception {
        assertThat(bot(Duration.ofSeconds(5)).post(new SlackMessage("#ci-remediation", "hello"))).isTrue();

        assertThat(slack.messages()).containsExactly(new FakeSlack.Message("#ci-remediation", "hello",
                "chat.postMessage"));
    }

    @Test
    void anIncomingWebhookPostsToItsOwnChannel() throws Exception {
        SlackClient webhook = new SlackClient(HttpClient.newHttpClient(), new SlackClient.Settings(Optional.empty(),
                Optional.of(slack.webhookUrl()), slack.apiUrl(), Duration.ofSeconds(5)));

        assertThat(webhook.post(new SlackMessage("#ci-remediation", "hello"))).isTrue();

        assertThat(slack.messages()).extracting(FakeSlack.Message::via).containsExactly("incoming-webhook");
    }

    @Test
    void aRateLimitIsWaitedOutAsSlackAsks() throws Exception {
        slack.rateLimitNext(1, 1);
        long started = System.nanoTime();

        assertThat(bot(Duration.ofSeconds(5)).post(new SlackMessage("#ci-remediation", "hello"))).isTrue();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(slack.requests()).isEqualTo(2);
        assertThat(slack.messages()).hasSize(1);
    }

    @Test
    void aLongRateLimitIsLeftToARetryLater() {
        slack.rateLimitNext(1, 120);

        assertThatThrownBy(() -> bot(Duration.ofSeconds(5)).post(new SlackMessage("#ci-remediation", "hello")))
                .isInstanceOf(SlackClient.RateLimited.class).hasMessageContaining("120 s");
        assertThat(slack.requests()).isEqualTo(1);
        assertThat(slack.messages()).isEmpty();
    }

    @Test
    void anUnknownChannelIsRefusedForGoodAndSlackDownIsWorthRetrying() throws Exception {
        assertThat(bot(Duration.ofSeconds(5)).post(new SlackMessage("#nowhere", "hello"))).isFalse();

        slack.failNext(1);
        assertThatThrownBy(() -> bot(Duration.ofSeconds(5)).post(new SlackMessage("#ci-remediation", "hello")))
                .hasMessageContaining("503");
        assertThat(slack.messages()).isEmpty();
    }
}
