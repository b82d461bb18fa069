package dev.remediator.delivery;

/**
 * One concern reacting to one kind of webhook delivery. Handlers are idempotent: a delivery whose processing was
 * interrupted runs again from the start, so each side effect must be looked up before it is made.
 */
public interface DeliveryHandler {

    boolean handles(Delivery delivery);

    void handle(Delivery delivery) throws Exception;
}
