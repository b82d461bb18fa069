package dev.remediator.core.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.remediator.core.config.RepositoryConfig.Notify;
import dev.remediator.core.config.RepositoryConfig.NotifyOn;
import dev.remediator.core.text.SecretMasker;
import dev.remediator.core.text.SlackText;

/** How notifications read: one Slack message each, and the JSON body of the signed webhook. */
public final class NotificationText {

    /** A Slack message for a channel (null: the incoming webhook's own channel). */
    public record SlackMessage(String channel, String text) {
    }

    private NotificationText() {
    }

    /** The message and where it goes: an expiry escalates to the escalation channel when there is one. */
    public static SlackMessage slack(Notification n, Notify where) {
        String channel = n.kind() == NotifyOn.EXPIRED && where.escalationChannel() != null ? where.escalationChannel()
                : where.slackChannel();
        return new SlackMessage(channel, slackText(n));
    }

    static String slackText(Notification n) {
        String what = SlackText.escape(n.action()) + " `" + SlackText.escape(n.target()).replace("`", "'") + "` in *"
                + SlackText.escape(n.repository()) + "*";
        String headline = switch (n.kind()) {
            case APPROVAL_REQUESTED -> ":raised_hand: *Approval requested*: " + what + ", risk "
                    + risk(n.risk()) + "/10; needs " + permission(n.approvalPermission()) + " permission.";
            case DONE -> ":white_check_mark: *Done*: " + what + ".";
            case FAILED -> ":x: *Failed*: " + what + ".";
            case EXPIRED -> ":hourglass: *Approval expired*: " + what + " waited for a decision and nobody made one.";
            case VALIDATION_FAILED -> ":warning: *The fix failed its CI*: " + what + ".";
        };
        StringBuilder text = new StringBuilder(headline);
        if (n.reason() != null && !n.reason().isBlank()) {
            text.append("\n>").append(SlackText.escape(n.reason()).replace("\n", "\n>"));
        }
        StringBuilder links = new StringBuilder();
        appendLink(links, n.checkRunUrl(), "Check run");
        appendLink(links, n.dashboardUrl(), "Dashboard");
        appendLink(links, n.pullUrl(), "Pull request");
        if (!links.isEmpty()) {
            text.append('\n').append(links);
        }
        return text.toString();
    }

    /** Remediator itself cannot do its work: said once per outage, whatever the traffic. */
    public static String critical(String component, Instant since, Instant now) {
        long minutes = Duration.between(since, now).toMinutes();
        return ":rotating_light: *Remediator cannot reach " + SlackText.escape(component) + "* for " + minutes
                + " minutes (since " + since + "): no failure is analysed or fixed until it is back.";
    }

    /** The body of the signed webhook: plain fields, reason masked (receivers escape for their own medium). */
    public static Map<String, Object> webhookBody(Notification n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", n.kind().name().toLowerCase(Locale.ROOT));
        body.put("event_id", n.eventId());
        body.put("repository", n.repository());
        Map<String, Object> remediation = new LinkedHashMap<>();
        remediation.put("id", n.remediationId());
        remediation.put("action", n.action());
        remediation.put("target", n.target());
        remediation.put("risk", n.risk());
        remediation.put("approval_permission", n.approvalPermission());
        body.put("remediation", remediation);
        body.put("actor", n.actor());
        body.put("reason", n.reason() == null ? null : SecretMasker.mask(n.reason()));
        body.put("check_run_url", n.checkRunUrl());
        body.put("dashboard_url", n.dashboardUrl());
        body.put("pull_request_url", n.pullUrl());
        body.put("at", n.at().toString());
        return body;
    }

    private static void appendLink(StringBuilder links, String url, String label) {
        if (url != null) {
            links.append(links.isEmpty() ? "" : " · ").append(SlackText.link(url, label));
        }
    }

    private static String risk(double risk) {
        return risk == Math.rint(risk) ? String.valueOf((long) risk) : String.format(Locale.ROOT, "%.1f", risk);
    }

    private static String permission(String permission) {
        return permission == null ? "write" : permission.toLowerCase(Locale.ROOT);
    }
}
