package dev.remediator.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.remediator.core.config.RepositoryConfig.Notify;
import dev.remediator.core.config.RepositoryConfig.NotifyOn;

class NotificationTextTest {

    private static final Notify CHANNELS = new Notify("#ci-remediation", "#platform-oncall", Set.of(NotifyOn.values()));
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private static Notification notification(NotifyOn kind, String reason, String pullUrl) {
        return new Notification(42, kind, "octo-org/api", 7, "revert", "abc1234", 5, "WRITE", "remediator", reason,
                "https://github.com/octo-org/api/runs/99", "https://remediator.example.com/dashboard/remediations/7",
                pullUrl, AT);
    }

    @Test
    void anApprovalRequestLinksToTheCheckRunAndTheDashboard() {
        NotificationText.SlackMessage message = NotificationText.slack(
                notification(NotifyOn.APPROVAL_REQUESTED, "risk 5 is above the threshold 3", null), CHANNELS);

        assertThat(message.channel()).isEqualTo("#ci-remediation");
        assertThat(message.text()).startsWith(":raised_hand: *Approval requested*: revert `abc1234` in *octo-org/api*")
                .contains("risk 5/10; needs write permission")
                .contains("<https://github.com/octo-org/api/runs/99|Check run>")
                .contains("<https://remediator.example.com/dashboard/remediations/7|Dashboard>")
                .doesNotContain("Pull request");
    }

    @Test
    void anExpiryEscalatesToTheEscalationChannelOrStaysWhenThereIsNone() {
        Notification expired = notification(NotifyOn.EXPIRED, "nobody decided within 24 hours", null);

        assertThat(NotificationText.slack(expired, CHANNELS).channel()).isEqualTo("#platform-oncall");
        assertThat(NotificationText.slack(expired, new Notify("#ci", null, Set.of())).channel()).isEqualTo("#ci");
        assertThat(NotificationText.slack(notification(NotifyOn.FAILED, "", null), CHANNELS).channel())
                .isEqualTo("#ci-remediation");
    }

    @Test
    void textFromLogsAndPeopleCannotMentionLinkOrLeakSecrets() {
        String text = NotificationText.slackText(notification(NotifyOn.FAILED,
                "<!channel> see <https://evil.example|here> & token ghp_abcdefghijklmnopqrstuvwxyz0123456789", null));

        assertThat(text).doesNotContain("<!channel>", "<https://evil", "ghp_abcdef")
                .contains("&lt;!channel&gt;", "&amp;", "***");
    }

    @Test
    void aDoneFixLinksItsPullRequest() {
        assertThat(NotificationText.slackText(notification(NotifyOn.DONE, null,
                "https://github.com/octo-org/api/pull/12"))).startsWith(":white_check_mark: *Done*")
                .contains("<https://github.com/octo-org/api/pull/12|Pull request>");
    }

    @Test
    void theWebhookBodyHasPlainFields() {
        assertThat(NotificationText.webhookBody(notification(NotifyOn.VALIDATION_FAILED, "tests failed", null)))
                .containsEntry("event", "validation_failed").containsEntry("event_id", 42L)
                .containsEntry("repository", "octo-org/api").containsEntry("reason", "tests failed")
                .containsEntry("at", "2026-12-01T10:00:00Z");
    }
}
