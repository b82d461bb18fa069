package dev.remediator.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.github.WorkflowRun;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The read-only API over analyses, remediations and the audit trail. */
@QuarkusTest
class RemediationApiTest extends EndToEndTest {

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer test-api-token");
    }

    /** Two failed runs of a transient failure: two analyses, two re-runs with their audit trails. */
    private CiScenario twoReruns() {
        CiScenario ci = scenario("api").config("mode: auto\n");
        for (int i = 0; i < 2; i++) {
            String sha = ci.commit("Change " + i, "alice", Map.of("build.gradle", "// " + i + "\n"));
            WorkflowRun run = ci.run(sha, "main", "failure", "runner-shutdown.log");
            ci.deliver(ci.completed(run));
        }
        return ci;
    }

    @Test
    void remediationsAnalysesAndTheAuditTrailCanBeReadAndPaged() {
        CiScenario ci = twoReruns();
        String repository = ci.repo.fullName();

        JsonPath first = api().queryParam("repository", repository).queryParam("limit", 1).get("/api/remediations")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items")).hasSize(1);
        assertThat(first.getString("items[0].action")).isEqualTo("RERUN");
        assertThat(first.getString("items[0].state")).isEqualTo("DONE");
        JsonPath second = api().queryParam("repository", repository).queryParam("limit", 1)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/remediations")
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getLong("items[0].id")).isLessThan(first.getLong("items[0].id"));
        assertThat(second.getString("nextCursor")).isNull();

        long id = first.getLong("items[0].id");
        JsonPath detail = api().get("/api/remediations/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("audit.to", String.class)).containsExactly("DONE", "EXECUTING", "APPROVED", "PROPOSED");
        assertThat(detail.getList("audit.actor", String.class)).contains("policy", "remediator");
        assertThat(detail.getString("audit[0].deliveryId")).isNotBlank();

        List<String> audited = api().queryParam("remediation", id).get("/api/audit").then().statusCode(200).extract()
                .jsonPath().getList("items.to", String.class);
        assertThat(audited).hasSize(4);

        JsonPath analyses = api().queryParam("repository", repository).get("/api/analyses").then().statusCode(200)
                .extract().jsonPath();
        assertThat(analyses.getList("items.category", String.class)).containsExactly("INFRASTRUCTURE", "INFRASTRUCTURE");
    }

    @Test
    void badParametersAndUnknownThingsAreAnsweredInWords() {
        api().queryParam("repository", "nobody/nothing").get("/api/remediations").then().statusCode(404)
                .body("error", containsString("not installed on nobody/nothing"));
        api().get("/api/remediations").then().statusCode(400).body("error", containsString("owner/name"));
        api().queryParam("limit", 1000).get("/api/audit").then().statusCode(400).body("error", containsString("limit"));
        api().queryParam("cursor", "bm90LW91cnM").get("/api/audit").then().statusCode(400);
        api().get("/api/remediations/999999999999").then().statusCode(404);
        given().get("/api/audit").then().statusCode(401);
        given().get("/api;v=1/audit").then().statusCode(401);
        given().get("//api/audit").then().statusCode(401);
    }
}
