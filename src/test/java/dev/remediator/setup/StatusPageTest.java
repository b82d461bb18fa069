package dev.remediator.setup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import dev.remediator.config.ProjectVersion;
import io.quarkus.test.junit.QuarkusTest;

/** {@code /} on a registered, ready instance; the unregistered and unready states are in {@code PackagedAppIT}. */
@QuarkusTest
class StatusPageTest {

    @Test
    void aRegisteredReadyInstanceSaysSoAndLinksOn() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html")).body(allOf(
                containsString("Remediator is ready"), containsString("Registered as the GitHub App"),
                containsString("Ready: webhooks are taken"), containsString("href=\"/dashboard\""),
                containsString("href=\"/q/openapi\""), containsString("href=\"/q/health\""),
                containsString("Remediator " + ProjectVersion.get()), not(containsString("Your GitHub App is running"))));
    }
}
