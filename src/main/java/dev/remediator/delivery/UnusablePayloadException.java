package dev.remediator.delivery;

/**
 * A delivery lacks what a handler needs, or holds it in a shape GitHub never sends: processing it again would fail
 * the same way, so the delivery ends at once as FAILED with this reason.
 */
public class UnusablePayloadException extends RuntimeException {

    public UnusablePayloadException(String reason) {
        super(reason);
    }
}
