package dev.remediator.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The API document: the bearer scheme, every operation, parameter and error response described, no dev-only route. */
@QuarkusTest
class OpenApiDocumentTest {

    private static JsonNode document() throws Exception {
        return new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void everyCallNeedsTheBearerToken() throws Exception {
        JsonNode document = document();
        JsonNode scheme = document.path("components").path("securitySchemes").path("bearer");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(document.path("security").toString()).contains("bearer");
    }

    @Test
    void everyOperationParameterAndErrorIsDescribed() throws Exception {
        JsonNode document = document();
        JsonNode parameters = document.path("components").path("parameters");
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            assertThat(path.getKey()).as("dev-only routes are left out").doesNotStartWith("/replay");
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String where = operation.getKey() + " " + path.getKey();
                JsonNode op = operation.getValue();
                operations++;
                assertThat(op.path("summary").asText()).as(where).isNotBlank();
                assertThat(op.path("description").asText()).as(where).isNotBlank();
                assertThat(op.path("responses").has("401")).as(where + " answers 401").isTrue();
                op.path("responses").properties().forEach(response -> {
                    if (response.getKey().startsWith("4")) {
                        assertThat(response.getValue().path("$ref").asText()).as(where + " " + response.getKey())
                                .startsWith("#/components/responses/");
                    }
                });
                for (JsonNode parameter : op.path("parameters")) {
                    JsonNode described = parameter.has("$ref")
                            ? parameters.path(parameter.path("$ref").asText().replace("#/components/parameters/", ""))
                            : parameter;
                    assertThat(described.path("description").asText()).as(where + " " + parameter).isNotBlank();
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(8);
        document.path("components").path("responses").properties().forEach(response ->
                assertThat(response.getValue().path("description").asText()).isNotBlank());
    }
}
