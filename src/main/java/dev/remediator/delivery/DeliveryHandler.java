package dev.remediator.delivery;

/**
 * One concern reacting to one kind of webhook delivery. Handlers are idempotent: a delivery whose processing was
 * interrupted runs again from the start, so each side effect must be looked up before it is made.
 */
public interface DeliveryHandler {

    /**
     * Handlers that record what a delivery says run before handlers that act on it, so that the actors see the
     * history including this delivery (a green re-run is recorded before flaky tests are looked for).
     */
    enum Stage {
        RECORD, ACT
    }

    default Stage stage() {
        return Stage.ACT;
    }

    boolean handles(Delivery delivery);

    void handle(Delivery delivery) throws Exception;

    /**
     * The delivery failed for good with {@code failure} from this handler: close what the handler started and left
     * open for users to see (a check run in progress), saying what went wrong.
     */
    default void failedForGood(Delivery delivery, Exception failure) throws Exception {
    }
}
