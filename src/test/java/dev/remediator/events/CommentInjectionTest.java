package dev.remediator.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.github.IssueComment;
import io.quarkus.test.junit.QuarkusTest;

/** Text a commenter controls comes back inert: no team or user is notified by Remediator's reply. */
@QuarkusTest
class CommentInjectionTest extends EndToEndTest {

    @Test
    void anUnknownVerbInBackticksMentionsNoTeam() {
        CiScenario ci = scenario("mentions");
        ci.commit("Initial", "alice", Map.of("README.md", "# mentions\n"));
        ci.repo.pullRequest(3, "main", "main", "alice");

        ci.deliver(ci.comment(3, "mallory", "/remediator `@octo-org/admins`"));

        IssueComment reply = ci.repo.comments(3).stream().filter(c -> c.author().endsWith("[bot]")).findFirst()
                .orElseThrow();
        // a code span ends at the first run of exactly as many backticks as opened it
        String outsideCode = reply.body().replaceAll("(`+)(?!`).*?(?<!`)\\1(?!`)", "");
        assertThat(reply.body()).contains("is not a command");
        assertThat(Pattern.compile("(?<![\\w`])@octo-org/admins").matcher(outsideCode).find())
                .as("a live team mention in %s", reply.body()).isFalse();
    }
}
