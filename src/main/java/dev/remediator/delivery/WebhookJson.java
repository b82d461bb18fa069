package dev.remediator.delivery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON for webhook payloads. Jackson refuses strings over 20 million characters by default, but a payload GitHub
 * may send (up to 25 MB) can hold one, so the limit follows the payload limit.
 */
public final class WebhookJson {

    /** The largest payload GitHub sends. */
    public static final long MAX_PAYLOAD_BYTES = 25L * 1024 * 1024;

    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength((int) MAX_PAYLOAD_BYTES)
                    .build())
            .build();

    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private WebhookJson() {
    }
}
