package dev.remediator.testing.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.GHRateLimit;

class FaultsTest extends FakeGitHubTestBase {

    static final String REPOSITORY = "/repos/octo-org/hello";

    @Test
    void failNextAnswersTheNextRequestsWithTheStatus() throws Exception {
        String token = token(Map.of("metadata", GHPermissionType.READ));
        github.faults().failNext(502, 2);

        assertThat(send("GET", REPOSITORY, token, null).statusCode()).isEqualTo(502);
        assertThat(send("GET", REPOSITORY, token, null).statusCode()).isEqualTo(502);
        assertThat(send("GET", REPOSITORY, token, null).statusCode()).isEqualTo(200);
    }

    @Test
    void failNextCanAimAtSomePathsOnly() throws Exception {
        String token = token(Map.of("metadata", GHPermissionType.READ, "contents", GHPermissionType.READ));
        github.faults().failNext(500, 1, ".*/branches/.*");

        assertThat(send("GET", REPOSITORY, token, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", REPOSITORY + "/branches/main", token, null).statusCode()).isEqualTo(500);
        assertThat(send("GET", REPOSITORY + "/branches/main", token, null).statusCode()).isEqualTo(200);
    }

    @Test
    void latencyDelaysEveryRequest() throws Exception {
        String token = token(Map.of("metadata", GHPermissionType.READ));
        github.faults().latency(Duration.ofMillis(300));

        long started = System.nanoTime();
        send("GET", REPOSITORY, token, null);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void thePrimaryRateLimitRefusesUntilTheResetWhichRateLimitReports() throws Exception {
        String token = token(Map.of("metadata", GHPermissionType.READ));
        github.faults().primaryRateLimit(Duration.ofMinutes(10));

        HttpResponse<String> refused = send("GET", REPOSITORY, token, null);
        GHRateLimit limit = asInstallation(token).getRateLimit();

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("x-ratelimit-remaining")).contains("0");
        assertThat(Long.parseLong(refused.headers().firstValue("x-ratelimit-reset").orElseThrow()))
                .isGreaterThan(github.clock().instant().getEpochSecond() + 500);
        assertThat(refused.body()).contains("API rate limit exceeded for installation ID 42");
        assertThat(limit.getCore().getRemaining()).isZero();

        github.advanceTime(Duration.ofMinutes(11));
        assertThat(send("GET", REPOSITORY, token, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aSecondaryRateLimitAsksToRetryAfterSomeSeconds() throws Exception {
        String token = token(Map.of("metadata", GHPermissionType.READ));
        github.faults().secondaryRateLimit(429, Duration.ofSeconds(30));

        HttpResponse<String> refused = send("GET", REPOSITORY, token, null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.headers().firstValue("retry-after").orElseThrow())).isBetween(29, 31);
        assertThat(refused.body()).contains("secondary rate limit");
        github.advanceTime(Duration.ofSeconds(31));
        assertThat(send("GET", REPOSITORY, token, null).statusCode()).isEqualTo(200);
    }

    @Test
    void gitHubCanBeTakenDownAndBroughtBack() throws Exception {
        String token = token(Map.of("metadata", GHPermissionType.READ));

        github.faults().takeDown(503);
        assertThat(send("GET", REPOSITORY, token, null).statusCode()).isEqualTo(503);
        assertThat(send("GET", "/rate_limit", token, null).statusCode()).isEqualTo(503);
        github.faults().bringBack();
        assertThat(send("GET", REPOSITORY, token, null).statusCode()).isEqualTo(200);
    }

    @Test
    void everyResponseCarriesGitHubsHeadersAndEveryRequestIsRecorded() throws Exception {
        String token = token(Map.of("metadata", GHPermissionType.READ));

        HttpResponse<String> first = send("GET", REPOSITORY, token, null);
        HttpResponse<String> second = send("GET", REPOSITORY + "?per_page=5", token, null);

        assertThat(first.headers().firstValue("content-type")).contains("application/json; charset=utf-8");
        assertThat(first.headers().firstValue("x-github-request-id")).isPresent()
                .isNotEqualTo(second.headers().firstValue("x-github-request-id"));
        assertThat(first.headers().firstValue("x-ratelimit-limit")).contains("5000");
        int remainingAfterFirst = Integer.parseInt(first.headers().firstValue("x-ratelimit-remaining").orElseThrow());
        assertThat(second.headers().firstValue("x-ratelimit-remaining"))
                .contains(String.valueOf(remainingAfterFirst - 1));
        assertThat(github.requests("repos/get")).hasSize(2).allSatisfy(request -> {
            assertThat(request.status()).isEqualTo(200);
            assertThat(request.caller().kind()).isEqualTo(Caller.Kind.INSTALLATION);
            assertThat(request.caller().token().repositoryIds()).containsExactly(REPOSITORY_ID);
        });
        assertThat(github.requests("repos/get").get(1).query()).containsEntry("per_page", java.util.List.of("5"));
    }

    @Test
    void hub4jReadsTheRateLimitEndpoint() throws Exception {
        GHRateLimit limit = asInstallation().getRateLimit();

        assertThat(limit.getCore().getLimit()).isEqualTo(5000);
        assertThat(limit.getCore().getRemaining()).isBetween(4990, 5000);
        assertThat(limit.getSearch().getLimit()).isEqualTo(30);
        github.assertNoViolations();
    }
}
