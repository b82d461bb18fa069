package dev.remediator.webhook;

import dev.remediator.delivery.WebhookJson;
import java.io.IOException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * What the intake needs from a webhook body before storing it: the action and the installation and repository it
 * concerns. Read in one streaming pass that also checks that the whole body is JSON that could ever be stored and
 * processed (no NUL character, which PostgreSQL refuses in text; a repository named {@code owner/name}), without
 * building a tree of a payload that can weigh 25 MB.
 */
public record WebhookEnvelope(String action, Long installationId, Long repositoryId, String repositoryFullName) {

    private static final Pattern FULL_NAME = Pattern.compile("[^/\\s]+/[^/\\s]+");

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
                    case "action" -> action = value == JsonToken.VALUE_STRING ? checkedText(parser) : skip(parser);
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
                    default -> skipChecked(parser);
                }
            }
            if (parser.nextToken() != null) {
                throw new InvalidPayloadException("the payload has content after its JSON object");
            }
            if (repositoryFullName != null && !FULL_NAME.matcher(repositoryFullName).matches()) {
                throw new InvalidPayloadException("repository.full_name is not of the form owner/name");
            }
            return new WebhookEnvelope(action, installationId, repositoryId, repositoryFullName);
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException("the payload is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidPayloadException("the payload could not be read: " + e.getMessage());
        }
    }

    /** Reads the object the parser is at, returning its numeric {@code id} and, when asked, its {@code full_name}. */
    private static Long idOf(JsonParser parser, String[] fullName) throws IOException, InvalidPayloadException {
        Long id = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("id") && value == JsonToken.VALUE_NUMBER_INT) {
                id = parser.getLongValue();
            } else if (fullName != null && field.equals("full_name") && value == JsonToken.VALUE_STRING) {
                fullName[0] = checkedText(parser);
            } else {
                skipChecked(parser);
            }
        }
        return id;
    }

    private static <T> T skip(JsonParser parser) throws IOException, InvalidPayloadException {
        skipChecked(parser);
        return null;
    }

    /** Skips the value the parser is at, checking every name and string in it. */
    private static void skipChecked(JsonParser parser) throws IOException, InvalidPayloadException {
        int depth = 0;
        JsonToken token = parser.currentToken();
        while (true) {
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            } else if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                checkNoNul(parser);
            }
            if (depth == 0) {
                return;
            }
            token = parser.nextToken();
        }
    }

    private static String checkedText(JsonParser parser) throws IOException, InvalidPayloadException {
        checkNoNul(parser);
        return parser.getText();
    }

    private static void checkNoNul(JsonParser parser) throws IOException, InvalidPayloadException {
        char[] text = parser.getTextCharacters();
        for (int i = parser.getTextOffset(), end = i + parser.getTextLength(); i < end; i++) {
            if (text[i] == '\0') {
                throw new InvalidPayloadException("the payload holds a NUL character (\\u0000), which cannot be stored");
            }
        }
    }
}
