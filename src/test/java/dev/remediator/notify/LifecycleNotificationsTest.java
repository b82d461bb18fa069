package dev.remediator.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.remediator.drift.DriftScenario;
import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.RemediationRows;
import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.github.CheckRun;
import dev.remediator.testing.slack.FakeSlack;
import dev.remediator.testing.slack.FakeSlackResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Slack hears of an approval request, an expiry (in the escalation channel) and a failure from the lifecycle's
 * outbox, each once, however often GitHub delivers the webhook that caused it.
 */
@QuarkusTest
@TestProfile(LifecycleNotificationsTest.WithSlack.class)
class LifecycleNotificationsTest extends EndToEndTest {

    private static final String NOTIFY = """
            notify:
              slack: { channel: "#ci-remediation", escalation_channel: "#platform-oncall" }
              on: [approval_requested, done, failed, expired]
            """;

    public static class WithSlack implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("remediator.public-url", "https://remediator.example.com");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeSlackResource.class));
        }
    }

    @Inject
    RemediationRows remediations;

    private FakeSlack slack;

    @BeforeEach
    void emptySlack() {
        slack = FakeSlackResource.slack();
        slack.clear();
    }

    private List<FakeSlack.Message> messagesAbout(String repository) {
        return slack.messages().stream().filter(message -> message.text().contains(repository)).toList();
    }

    @Test
    void anApprovalRequestIsPostedOnceWithItsLinksAndItsExpiryEscalates() throws InterruptedException {
        CiScenario ci = scenario("notify").config(NOTIFY);
        String parent = ci.commit("Add metadata", "alice", Map.of("src/meta.cpp", "int metadata() { return 1; }\n"));
        ci.deliver(ci.completed(ci.run(parent, "main", "success", "runner-shutdown.log")));
        String culprit = ci.commit("Report sizes", "bob", Map.of("src/meta.cpp", "int metadata() { return m(s); }\n"));
        WebhookPayload red = ci.completed(ci.run(culprit, "main", "failure", "cpp-compile-error.log"));
        String delivery = ci.deliver(red);
        // GitHub's redelivery (the same id) and a duplicate (a new id) of the same webhook
        ci.deliver(red, delivery).then().statusCode(200);
        ci.deliver(red);

        await().atMost(Duration.ofSeconds(20)).until(() -> !messagesAbout(ci.repo.fullName()).isEmpty());
        Thread.sleep(2_000);
        CheckRun check = ci.repo.checkRuns().stream().filter(c -> c.headSha().equals(culprit)).findFirst().orElseThrow();
        long revert = remediations.awaitingApproval(ci.repo.id());
        assertThat(messagesAbout(ci.repo.fullName())).singleElement().satisfies(message -> {
            assertThat(message.channel()).isEqualTo("#ci-remediation");
            assertThat(message.text()).startsWith(":raised_hand: *Approval requested*: revert")
                    .contains("/" + ci.repo.fullName() + "/runs/" + check.id() + "|Check run>")
                    .contains("<https://remediator.example.com/dashboard/remediations/" + revert + "|Dashboard>");
        });

        remediations.makeApprovalOverdue(revert);

        await().atMost(Duration.ofSeconds(20)).until(() -> messagesAbout(ci.repo.fullName()).size() == 2);
        Thread.sleep(2_000);
        assertThat(messagesAbout(ci.repo.fullName())).hasSize(2).last().satisfies(message -> {
            assertThat(message.channel()).isEqualTo("#platform-oncall");
            assertThat(message.text()).startsWith(":hourglass: *Approval expired*");
        });
    }

    @Test
    void aFailedRegenerationIsPostedOnce() throws InterruptedException {
        DriftScenario drift = DriftScenario.create(github, rows, "notify-failure", NOTIFY);
        drift.ci.repo.collaborator("writer-wes", "write");
        String pushed = drift.push("Change the spec", Map.of(DriftScenario.SPEC, DriftScenario.SPEC_CHANGED));
        CheckRun check = drift.driftCheck(pushed).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> !messagesAbout(drift.ci.repo.fullName()).isEmpty());

        // no regeneration workflow in this repository: the approved regeneration fails
        WebhookPayload click = drift.ci.click(check.id(), "Drift", check.actions().get(0).path("identifier").asText(),
                "writer-wes");
        String delivery = drift.ci.deliver(click);
        drift.ci.deliver(click, delivery).then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> messagesAbout(drift.ci.repo.fullName()).size() == 2);
        Thread.sleep(2_000);
        assertThat(messagesAbout(drift.ci.repo.fullName())).extracting(FakeSlack.Message::text)
                .satisfiesExactly(
                        request -> assertThat(request).startsWith(":raised_hand: *Approval requested*: regenerate"),
                        failure -> assertThat(failure).startsWith(":x: *Failed*: regenerate"));
    }
}
