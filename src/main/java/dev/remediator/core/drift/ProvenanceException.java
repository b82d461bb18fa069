package dev.remediator.core.drift;

/** Input that cannot be used for provenance or drift: an invalid manifest, glob or name. The message says what. */
public class ProvenanceException extends Exception {

    public ProvenanceException(String message) {
        super(message);
    }
}
