package dev.remediator.webhook;

import dev.remediator.delivery.WebhookJson;
import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * What the intake needs from a webhook body before storing it: the action and the installation and repository it
 * concerns. Read in one streaming pass that also checks that the whole body is JSON, without building a tree of a
 * payload that can weigh 25 MB.
 */
public record WebhookEnvelope(String action, Long installationId, Long repositoryId, String repositoryFullName) {

    public static final class InvalidPayloadException extends Exception {
        InvalidPayloadException(String message) {
            super(message);
        }
    }

    public static WebhookEnvelope read(byte[] body) throws InvalidPayloadException {
        try (JsonParser parser = WebhookJson.FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidPayloadException("the payload is not a JSON object");
            }
            String action = null;
            Long installationId = null;
            Long repositoryId = null;
            String repositoryFullName = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "action" -> action = value == JsonToken.VALUE_STRING ? parser.getText() : skip(parser);
                    case "installation" -> installationId = value == JsonToken.START_OBJECT ? idOf(parser, null) : skip(parser);
                    case "repository" -> {
                        if (value == JsonToken.START_OBJECT) {
                            String[] fullName = new String[1];
                            repositoryId = idOf(parser, fullName);
                            repositoryFullName = fullName[0];
                        } else {
                            skip(parser);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new InvalidPayloadException("the payload has content after its JSON object");
            }
            return new WebhookEnvelope(action, installationId, repositoryId, repositoryFullName);
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException("the payload is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidPayloadException("the payload could not be read: " + e.getMessage());
        }
    }

    /** Reads the object the parser is at, returning its numeric {@code id} and, when asked, its {@code full_name}. */
    private static Long idOf(JsonParser parser, String[] fullName) throws IOException {
        Long id = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("id") && value == JsonToken.VALUE_NUMBER_INT) {
                id = parser.getLongValue();
            } else if (fullName != null && field.equals("full_name") && value == JsonToken.VALUE_STRING) {
                fullName[0] = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return id;
    }

    private static <T> T skip(JsonParser parser) throws IOException {
        parser.skipChildren();
        return null;
    }
}
