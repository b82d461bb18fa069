package dev.remediator.llm;

import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.remediator.config.RemediatorConfig;
import dev.remediator.core.assist.AnswerSchema;

/**
 * The instance's language model: an OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, Ollama, vLLM,
 * LM Studio) through LangChain4j's OpenAI module over the JDK's HTTP client. One call per question, no retry (the
 * rule-based result already stands; the next failure asks again), the answer asked for as JSON of a schema.
 */
@ApplicationScoped
public class LanguageModel {

    /** A model's answer, with the tokens it cost (prompt and answer, as the provider counted them or estimated). */
    public record Answer(String text, int tokens) {
    }

    /** The provider did not answer usefully: refused (429, 4xx), failed (5xx), late, or unreadable. */
    public static final class Unavailable extends Exception {
        private final String outcome;

        Unavailable(String outcome, String reason, Throwable cause) {
            super(reason, cause);
            this.outcome = outcome;
        }

        /** For metrics: {@code rate_limited}, {@code provider_error}, {@code timeout}, {@code unreadable}. */
        public String outcome() {
            return outcome;
        }
    }

    @Inject
    RemediatorConfig config;

    private volatile ChatModel chat;

    /** Whether an endpoint and a model are set: otherwise nothing is ever sent anywhere. */
    public boolean configured() {
        return config.llm().baseUrl().isPresent() && config.llm().model().isPresent();
    }

    public String name() {
        return config.llm().model().orElse("none");
    }

    /** A rough count of the tokens a text takes (four characters each), for the budget before a call. */
    public static int estimateTokens(String text) {
        return text.length() / 4 + 1;
    }

    public Answer ask(String system, String user, AnswerSchema schema) throws Unavailable {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from(user))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
                        .jsonSchema(JsonSchema.builder().name(schema.name()).rootElement(element(schema.json())).build())
                        .build())
                .build();
        ChatResponse response;
        try {
            response = model().chat(request);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        Integer total = response.tokenUsage() == null ? null : response.tokenUsage().totalTokenCount();
        return new Answer(text, total != null ? total
                : estimateTokens(system + user) + estimateTokens(text == null ? "" : text));
    }

    private Unavailable unavailable(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RateLimitException) {
                return new Unavailable("rate_limited", "the provider refused the call for now (429, rate limited)", e);
            }
            if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
                return new Unavailable("timeout", "the provider did not answer within " + config.llm().timeout().toSeconds()
                        + " s", e);
            }
            if (cause instanceof HttpException http) {
                return new Unavailable("provider_error", "the provider answered HTTP " + http.statusCode(), e);
            }
        }
        return new Unavailable("unreadable", "the provider's answer could not be read (" + e.getClass().getSimpleName()
                + ")", e);
    }

    private ChatModel model() {
        ChatModel built = chat;
        if (built == null) {
            synchronized (this) {
                if (chat == null) {
                    RemediatorConfig.Llm llm = config.llm();
                    chat = OpenAiChatModel.builder()
                            .httpClientBuilder(new JdkHttpClientBuilder().connectTimeout(llm.timeout()).readTimeout(llm.timeout()))
                            .baseUrl(llm.baseUrl().orElseThrow())
                            .apiKey(llm.apiKey().orElse("none"))
                            .modelName(llm.model().orElseThrow())
                            .timeout(llm.timeout())
                            .maxRetries(0)
                            .temperature(0.0)
                            .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                            .strictJsonSchema(true)
                            .build();
                }
                built = chat;
            }
        }
        return built;
    }

    /** The schema's structure as LangChain4j sends it; the bounds are checked on the answer ({@link AnswerSchema}). */
    static JsonSchemaElement element(JsonNode schema) {
        String description = schema.path("description").asText(null);
        return switch (schema.path("type").asText()) {
            case "object" -> {
                JsonObjectSchema.Builder object = JsonObjectSchema.builder().description(description)
                        .additionalProperties(false);
                for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext();) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    object.addProperty(field.getKey(), element(field.getValue()));
                }
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(name -> required.add(name.asText()));
                yield object.required(required).build();
            }
            case "array" -> JsonArraySchema.builder().description(description).items(element(schema.path("items"))).build();
            case "string" -> JsonStringSchema.builder().description(description).build();
            case "number" -> JsonNumberSchema.builder().description(description).build();
            case "integer" -> JsonIntegerSchema.builder().description(description).build();
            case "boolean" -> JsonBooleanSchema.builder().description(description).build();
            default -> throw new IllegalArgumentException("a schema type the answer schemas do not use: " + schema.path("type"));
        };
    }
}
