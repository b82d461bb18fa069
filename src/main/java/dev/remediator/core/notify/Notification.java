package dev.remediator.core.notify;

import java.time.Instant;

import dev.remediator.core.config.RepositoryConfig.NotifyOn;

/**
 * Something worth telling people about a remediation, with where to look: the check run that shows it, its page on
 * the dashboard, and its pull request when it has one (each null when there is none).
 *
 * @param eventId the domain event's id: receivers of the signed webhook can drop a redelivered one
 * @param reason why it happened, in words (from people or logs: escaped when rendered)
 */
public record Notification(long eventId, NotifyOn kind, String repository, long remediationId, String action,
        String target, double risk, String approvalPermission, String actor, String reason, String checkRunUrl,
        String dashboardUrl, String pullUrl, Instant at) {
}
