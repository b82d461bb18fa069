package dev.remediator.api;

import static dev.remediator.drift.DriftScenario.PETS;
import static dev.remediator.drift.DriftScenario.PETS_EDITED;
import static dev.remediator.drift.DriftScenario.PETS_REFORMATTED;
import static dev.remediator.drift.DriftScenario.PETS_TEXT;
import static dev.remediator.drift.DriftScenario.SPEC;
import static dev.remediator.drift.DriftScenario.SPEC_CHANGED;
import static dev.remediator.drift.DriftScenario.SPEC_TEXT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.remediator.drift.DriftScenario;
import dev.remediator.testing.EndToEndTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The drift REST API: refused without the token, a repository's report by context, one node, history by pages. */
@QuarkusTest
class DriftApiTest extends EndToEndTest {

    /** The token the test profile configures (remediator.api.token). */
    private static final String TOKEN = "test-api-token";

    private DriftScenario drift;
    /** The pushed commits, oldest first: each has a report. */
    private final List<String> pushed = new ArrayList<>();

    @BeforeEach
    void fivePushes() {
        drift = DriftScenario.create(github, rows, "api", null);
        pushed.add(drift.push("Format", Map.of(PETS, PETS_REFORMATTED)));
        pushed.add(drift.push("Unformat", Map.of(PETS, PETS_TEXT)));
        pushed.add(drift.push("Add the /pets path", Map.of(SPEC, SPEC_CHANGED)));
        pushed.add(drift.push("Revert the spec", Map.of(SPEC, SPEC_TEXT)));
        pushed.add(drift.push("Edit the client", Map.of(PETS, PETS_EDITED)));
    }

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + TOKEN);
    }

    private String repository() {
        return "/api/drift/repositories/" + drift.ci.repo.fullName();
    }

    @Test
    void everyCallWithoutTheRightTokenIsRefused() {
        for (String path : List.of(repository(), repository() + "/history", "/api/drift/scan", "/api/no-such-thing")) {
            given().get(path).then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"))
                    .body("error", containsString("missing bearer token"));
            given().header("Authorization", "Bearer not-" + TOKEN).get(path).then().statusCode(401)
                    .body("error", equalTo("wrong bearer token"));
            given().auth().preemptive().basic("user", TOKEN).get(path).then().statusCode(401);
        }
        api().get(repository()).then().statusCode(200);
    }

    @Test
    void theLatestReportIsGivenPerContext() {
        JsonPath report = api().get(repository()).then().statusCode(200).extract().jsonPath();

        assertThat(report.getString("repository")).isEqualTo(drift.ci.repo.fullName());
        assertThat(report.getString("report.sha")).isEqualTo(pushed.get(4));
        assertThat(report.getString("report.verdict")).isEqualTo("DRIFTED");
        assertThat(report.getString("report.source")).isEqualTo("push");
        assertThat(report.getInt("report.counts.SPEC_STALE")).isEqualTo(1);
        assertThat(report.getList("contexts.context")).containsExactly("api");
        assertThat(report.getInt("contexts[0].nodes")).isEqualTo(1);
        assertThat(report.getMap("contexts[0].counts")).containsEntry("SPEC_STALE", 1).containsEntry("NONE", 0);
        assertThat(report.getList("contexts[0].drifted.id")).containsExactly("pets");
        assertThat(report.getList("contexts[0].drifted.kind")).containsExactly("SPEC_STALE");
    }

    @Test
    void oneNodeInFullOrInSummary() {
        JsonPath full = api().get(repository() + "/nodes/pets").then().statusCode(200).extract().jsonPath();
        assertThat(full.getString("kind")).isEqualTo("SPEC_STALE");
        assertThat(full.getString("suggestion.action")).isEqualTo("update_spec");
        assertThat(full.getList("drift.generated.handEdited")).containsExactly(PETS);

        JsonPath summary = api().queryParam("summary", true).get(repository() + "/nodes/pets").then().statusCode(200)
                .extract().jsonPath();
        assertThat(summary.getString("kind")).isEqualTo("SPEC_STALE");
        assertThat(summary.getString("suggestion.action")).isEqualTo("update_spec");
        assertThat(summary.getMap("drift")).isNull();

        long codeStale = api().queryParam("limit", 3).get(repository() + "/history").then().extract().jsonPath()
                .getLong("reports[2].id");
        api().queryParam("report", codeStale).get(repository() + "/nodes/pets").then().statusCode(200)
                .body("kind", equalTo("CODE_STALE")).body("report.sha", equalTo(pushed.get(2)));
        api().get(repository() + "/nodes/no-such-node").then().statusCode(404).body("error", containsString("no-such-node"));
    }

    @Test
    void historyPagesFollowTheirCursorsInAStableOrder() {
        List<String> shas = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = api().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(repository() + "/history").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("reports")).hasSizeLessThanOrEqualTo(2);
            shas.addAll(page.getList("reports.sha"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        List<String> newestFirst = new ArrayList<>(pushed);
        Collections.reverse(newestFirst);
        assertThat(shas).containsExactlyElementsOf(newestFirst);
        assertThat(api().queryParam("limit", 100).get(repository() + "/history").then().extract().jsonPath()
                .getList("reports.sha")).isEqualTo(shas);
        api().queryParam("limit", 5).get(repository() + "/history").then().body("nextCursor", nullValue());
    }

    @Test
    void badParametersAndUnknownRepositoriesAreSaid() {
        api().queryParam("limit", 0).get(repository() + "/history").then().statusCode(400)
                .body("error", containsString("limit must be from 1 to 100"));
        api().queryParam("limit", "ten").get(repository() + "/history").then().statusCode(400)
                .body("error", containsString("whole number"));
        api().queryParam("cursor", "bm90LWEtY3Vyc29y").get(repository() + "/history").then().statusCode(400)
                .body("error", containsString("cursor"));
        api().get("/api/drift/repositories/octo-org/not-installed-here").then().statusCode(404)
                .body("error", containsString("not installed"));
    }

    @Test
    void theScanStatusSaysWhenTheScanRunsAndWhatItDidLast() {
        JsonPath status = api().get("/api/drift/scan").then().statusCode(200).extract().jsonPath();
        assertThat(status.getString("schedule")).as("the test profile turns the schedule off").isEqualTo("off");
        assertThat(status.getString("nextRun")).isNull();
    }
}
