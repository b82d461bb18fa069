package dev.remediator.delivery;

/**
 * What a handler shows users as soon as a delivery is stored, on a light lane of its own, ahead of the heavy work
 * queued behind the workers (the "in progress" check run of a failed run). The full handling still follows and
 * finds what the first answer made; a first answer that fails is left to it.
 */
public interface FirstAnswer {

    boolean answers(Delivery delivery);

    void answer(Delivery delivery) throws Exception;
}
