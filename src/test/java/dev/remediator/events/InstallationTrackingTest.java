package dev.remediator.events;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.remediator.store.Installation;
import dev.remediator.store.InstalledRepository;
import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.Webhooks;
import io.quarkus.test.junit.QuarkusTest;

/** The installation and repository tables follow GitHub's events; deliveries for removed ones are ignored. */
@QuarkusTest
class InstallationTrackingTest extends EndToEndTest {

    @Inject
    Lookup lookup;

    /** Reads rows in a transaction of their own. */
    @jakarta.enterprise.context.ApplicationScoped
    static class Lookup {
        @Transactional
        Installation installation(long id) {
            return Installation.findById(id);
        }

        @Transactional
        InstalledRepository repository(long id) {
            return InstalledRepository.findById(id);
        }
    }

    private String deliver(WebhookPayload payload) {
        String id = Webhooks.newDeliveryId();
        Webhooks.send(payload.event(), id, payload.bytes()).then().statusCode(200);
        rows.awaitFinished(id);
        return id;
    }

    @Test
    void installationsAndTheirRepositoriesAreKeptCurrentAndRemovedOnesIgnored() {
        long installation = CiScenario.nextId();
        long repository = CiScenario.nextId();
        WebhookPayload created = WebhookPayload.example("installation/created.payload.json").installation(installation);
        created.at("installation").put("id", installation).with("account").put("login", "octo-org");
        ((ObjectNode) created.body().path("repositories").get(0)).put("id", repository).put("full_name", "octo-org/api");
        deliver(created);

        assertThat(lookup.installation(installation).accountLogin).isEqualTo("octo-org");
        assertThat(lookup.installation(installation).removedAt).isNull();
        assertThat(lookup.repository(repository).fullName).isEqualTo("octo-org/api");

        WebhookPayload removed = WebhookPayload.example("installation_repositories/removed.payload.json")
                .installation(installation);
        ((ObjectNode) removed.body().path("repositories_removed").get(0)).put("id", repository).put("full_name", "octo-org/api");
        deliver(removed);
        assertThat(lookup.repository(repository).removedAt).isNotNull();

        WebhookPayload push = WebhookPayload.example("push/with-installation.payload.json").installation(installation)
                .repository(repository, "octo-org/api");
        String ignoredPush = deliver(push);
        assertThat(rows.byDeliveryId(ignoredPush)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("status", "IGNORED");
            assertThat((String) row.get("status_reason")).contains("octo-org/api was removed from the installation");
        });

        WebhookPayload deleted = WebhookPayload.example("installation/deleted.payload.json").installation(installation);
        deleted.at("installation").with("account").put("login", "octo-org");
        deliver(deleted);
        assertThat(lookup.installation(installation).removedAt).isNotNull();

        WebhookPayload otherRepository = WebhookPayload.example("push/with-installation.payload.json")
                .installation(installation).repository(CiScenario.nextId(), "octo-org/web");
        assertThat(rows.byDeliveryId(deliver(otherRepository))).singleElement()
                .satisfies(row -> assertThat((String) row.get("status_reason")).contains("was removed"));
    }
}
