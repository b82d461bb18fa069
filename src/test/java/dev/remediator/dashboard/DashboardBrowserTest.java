package dev.remediator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import dev.remediator.testing.Browser;
import dev.remediator.drift.DriftScenario;
import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.RemediationRows;
import dev.remediator.loop.LoopSteps;
import dev.remediator.testing.github.CheckRun;
import dev.remediator.testing.github.Issue;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The dashboard in a real browser (Debian's headless chromium) against the app and the fake GitHub: signing in with
 * GitHub, seeing only one's own repositories, approving as a writer, being refused as a reader, a forged form, and
 * signing out.
 */
@QuarkusTest
@TestProfile(DashboardProfile.class)
class DashboardBrowserTest extends EndToEndTest {

    private static Browser browser;

    @Inject
    RemediationRows remediations;

    @TestHTTPResource("/dashboard")
    URL dashboard;

    private CiScenario mine;
    private CiScenario theirs;
    private long revert;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void aRevertAwaitsApprovalInMyRepositoryAndAnotherInSomeoneElses() {
        browser.driver.manage().deleteAllCookies();
        mine = brokenMain("mine");
        mine.repo.collaborator("writer-wes", "write").collaborator("reader-rita", "read");
        theirs = brokenMain("theirs");
        theirs.repo.collaborator("someone-else", "admin");
        revert = remediations.awaitingApproval(mine.repo.id());
    }

    private CiScenario brokenMain(String name) {
        CiScenario ci = scenario(name);
        String parent = ci.commit("Add profiler metadata", "alice",
                Map.of("torch/csrc/profiler/kineto_metadata.cpp", "int metadata() { return 1; }\n"));
        ci.deliver(ci.completed(ci.run(parent, "main", "success", "runner-shutdown.log")));
        String culprit = ci.commit("Report tensor sizes", "bob",
                Map.of("torch/csrc/profiler/kineto_metadata.cpp", "int metadata() { return addMetadata(size); }\n"));
        ci.deliver(ci.completed(ci.run(culprit, "main", "failure", "cpp-compile-error.log")));
        return ci;
    }

    private void signInAs(String login) {
        github.signInBrowser(login);
        browser.driver.get(dashboard.toString());
        browser.driver.findElement(By.id("sign-in")).click();
        assertThat(browser.text()).contains("@" + login, "Overview");
    }

    private void openRevert() {
        browser.driver.get(dashboard + "/remediations/" + revert);
    }

    private CheckRun checkRun(CiScenario ci) {
        return ci.repo.checkRuns().stream().filter(run -> "Remediator".equals(run.name())).findFirst().orElseThrow();
    }

    @Test
    void signingInShowsOnlyMyRepositoriesAndSigningOutEndsTheSession() {
        signInAs("writer-wes");

        assertThat(browser.driver.findElement(By.id("repositories")).getText())
                .contains(mine.repo.fullName()).doesNotContain(theirs.repo.fullName());
        assertThat(browser.text()).contains("revert", "Awaiting approval");

        browser.driver.get(dashboard + "/repositories/" + theirs.repo.fullName());
        assertThat(browser.text()).contains("GitHub does not let you see it").doesNotContain("revert");

        browser.driver.get(dashboard + "/repositories/" + mine.repo.fullName());
        assertThat(browser.text()).contains("Recent failed runs", "compilation", "revert");
        onAPhoneNothingIsWiderThanTheScreen();

        browser.driver.findElement(By.id("sign-out")).click();
        browser.await(By.id("sign-in"));
        assertThat(browser.driver.findElements(By.id("sign-in"))).hasSize(1);
        assertThat(browser.driver.manage().getCookies()).noneMatch(cookie -> cookie.getName().startsWith("q_session"));
    }

    /** Wide tables scroll in their own box; the page itself never scrolls sideways at 390 px. */
    private void onAPhoneNothingIsWiderThanTheScreen() {
        Dimension desktop = browser.driver.manage().window().getSize();
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String page : new String[] { "", "/repositories/" + mine.repo.fullName(), "/remediations/" + revert }) {
                browser.driver.get(dashboard + page);
                assertThat(((Number) browser.driver.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                        .intValue()).as("sideways scroll on %s", page).isLessThanOrEqualTo(0);
            }
        } finally {
            browser.driver.manage().window().setSize(desktop);
        }
    }

    @Test
    void aWriterApprovesAndTheRevertRuns() {
        signInAs("writer-wes");
        openRevert();

        browser.driver.findElement(By.id("approve")).click();

        assertThat(browser.await(By.id("answer")).getText()).contains("Approved by @writer-wes");
        assertThat(mine.repo.pullRequests()).singleElement()
                .satisfies(pull -> assertThat(pull.title()).startsWith("fix(ci): revert"));
        assertThat(browser.driver.findElement(By.id("timeline")).getText()).contains("approved by @writer-wes");
        assertThat(checkRun(mine).conclusion()).isNotEqualTo("action_required");

        // the pull request's CI is followed from now on, and the repository's page says so
        browser.driver.get(dashboard + "/repositories/" + mine.repo.fullName());
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            browser.driver.navigate().refresh();
            assertThat(browser.driver.findElement(By.cssSelector("td .validation-PENDING")).getText()).isEqualTo("pending");
        });
    }

    @Test
    void aReaderIsRefusedWithTheReasonAndNothingRuns() {
        signInAs("reader-rita");
        openRevert();

        browser.driver.findElement(By.id("approve")).click();

        assertThat(browser.await(By.id("answer")).getText())
                .contains("@reader-rita cannot approve this revert: it takes write permission");
        assertThat(browser.driver.findElement(By.id("state")).getText()).isEqualTo("awaiting approval");
        assertThat(mine.repo.pullRequests()).isEmpty();
    }

    @Test
    void everySafeDriftFixIsApprovedWithOneClickEachChecked() {
        DriftScenario drift = DriftScenario.create(github, rows, "safe-fixes", null);
        drift.ci.repo.collaborator("writer-wes", "write");
        drift.push("Format the generated code", Map.of(DriftScenario.PETS, DriftScenario.PETS_REFORMATTED));
        signInAs("writer-wes");
        browser.driver.get(dashboard + "/repositories/" + drift.ci.repo.fullName());

        browser.driver.findElement(By.id("approve-safe-fixes")).click();

        assertThat(browser.await(By.className("answer")).getText()).as("the page after approving").contains("Approved by");
        assertThat(browser.text()).containsPattern("rebaseline \\S+: Approved by @writer-wes");
        assertThat(drift.ci.repo.pullRequests()).singleElement()
                .satisfies(pull -> assertThat(pull.title()).startsWith("fix(drift): rebaseline"));
        assertThat(browser.driver.findElements(By.id("approve-safe-fixes"))).isEmpty();
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        signInAs("writer-wes");
        openRevert();

        // what another site's page would send with the user's cookies: the same form, without the token
        browser.driver.executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = '/dashboard/remediations/' + arguments[0] + '/approve';
                form.innerHTML = '<input type="hidden" name="anything" value="1">';
                document.body.appendChild(form);
                form.submit();""", revert);

        assertThat(browser.driver.findElements(By.id("answer"))).isEmpty();
        openRevert();
        assertThat(browser.driver.findElement(By.id("state")).getText()).isEqualTo("awaiting approval");
        assertThat(mine.repo.pullRequests()).isEmpty();
    }

    @Test
    void aQuarantinedTestShowsItsOwnerItsTrackingIssueAndWhenItExpires() {
        CiScenario ci = scenario("quarantined").config("mode: auto\nrisk_threshold: 2\n");
        ci.repo.collaborator("writer-wes", "write").collaborator("olga", "write");
        ci.commit("Add the test and its owner", "alice", Map.of(LoopSteps.FLAKY_SOURCE, "class SimpleLoggerTest {}\n",
                ".github/CODEOWNERS", "/src/test/ @olga\n"));
        LoopSteps.Fix fix = LoopSteps.approvedQuarantine(ci);
        ci.deliver(LoopSteps.merged(ci, fix.pull(), ci.commit("Merge the quarantine", "olga", Map.of(".github/quarantine.txt",
                ci.repo.file(fix.pull().headRef(), ".github/quarantine.txt").orElseThrow()))));
        await().atMost(Duration.ofSeconds(20)).until(() -> "QUARANTINED".equals(remediations.quarantineState(fix.id())));
        Issue issue = ci.repo.issues().stream().filter(i -> i.labels().contains("flaky-test")).findFirst().orElseThrow();

        signInAs("writer-wes");
        browser.driver.get(dashboard + "/repositories/" + ci.repo.fullName());

        String row = browser.await(By.id("quarantined-tests")).getText();
        assertThat(row).contains(LoopSteps.FLAKY, "@olga", "quarantined", "#" + issue.number())
                .containsPattern("quarantined \\d{4}-\\d{2}-\\d{2} #");
    }
}
