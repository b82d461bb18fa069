package dev.remediator.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** An instance without the app's OAuth client: the dashboard says so, and nothing else changes. */
@QuarkusTest
class DashboardWithoutSignInTest {

    @Test
    void theDashboardSaysSignInIsNotConfigured() {
        given().get("/dashboard").then().statusCode(200)
                .body(containsString("Sign-in is not configured"), containsString("REMEDIATOR_OAUTH_CLIENT_ID"),
                        not(containsString("Sign in with GitHub")));
    }

    @Test
    void pagesBehindSignInAreClosedWithoutRedirectingAnywhere() {
        given().redirects().follow(false).get("/dashboard/remediations/1").then().statusCode(401);
    }

    @Test
    void theRestOfTheAppAnswersAsBefore() {
        given().get("/q/health/live").then().statusCode(200);
        given().header("Authorization", "Bearer test-api-token").get("/api/remediations?repository=octo-org/none")
                .then().statusCode(not(401));
    }
}
