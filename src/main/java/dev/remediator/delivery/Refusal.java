package dev.remediator.delivery;

/**
 * A failure that is a service's refusal with an HTTP status (GitHub's 4xx): retrying helps only when the status is one
 * that can change by itself (a timeout, a conflict, a rate limit).
 */
public interface Refusal {

    int status();
}
