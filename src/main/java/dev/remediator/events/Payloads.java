package dev.remediator.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.delivery.UnusablePayloadException;

/** Reading webhook payload values that GitHub does not always write the same way. */
final class Payloads {

    /** Some payloads carry {@code 2018-04-25 20:42:10} (no zone: UTC), most ISO 8601, some epoch seconds. */
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Payloads() {
    }

    static Instant instant(JsonNode node) {
        if (node.isNumber()) {
            return Instant.ofEpochSecond(node.asLong());
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        String text = node.asText().trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDateTime.parse(text, SPACED).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    static Boolean bool(JsonNode node) {
        return node.isBoolean() ? node.asBoolean() : null;
    }

    /** A repository's {@code owner/name}; GitHub never sends another shape, so another one fails the delivery. */
    static String fullName(JsonNode repository) {
        String fullName = repository.path("full_name").asText("");
        int slash = fullName.indexOf('/');
        if (slash <= 0 || slash == fullName.length() - 1 || fullName.indexOf('/', slash + 1) >= 0) {
            throw new UnusablePayloadException("repository full_name \"" + fullName.substring(0, Math.min(100,
                    fullName.length())) + "\" is not of the form owner/name");
        }
        return fullName;
    }

    static Long longOrNull(JsonNode node) {
        return node.isIntegralNumber() ? node.asLong() : null;
    }
}
