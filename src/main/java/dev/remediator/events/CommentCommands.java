package dev.remediator.events;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.core.text.MarkdownText;
import dev.remediator.delivery.Delivery;
import dev.remediator.delivery.DeliveryHandler;
import dev.remediator.github.GitHubRepositories;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.flow.lifecycle.Approvals;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.store.RemediationStore;
import dev.remediator.store.RunHistoryStore;

/**
 * {@code /remediator approve|reject|retry|explain|help} in a pull request comment (DESIGN §1). Each command gets a
 * reaction on the comment (+1 done, -1 refused, confused not understood) and, but for approve and reject whose result
 * shows on the check run and the sticky comment, a reply.
 */
@ApplicationScoped
public class CommentCommands implements DeliveryHandler {

    private static final Logger LOG = Logger.getLogger(CommentCommands.class);

    /** The command must open a line; an optional remediation id (the check run's audit id) may follow. */
    private static final Pattern COMMAND = Pattern.compile("(?m)^\\s*/remediator(?:\\s+(\\S+))?(?:\\s+#?(\\d{1,18}))?\\s*$");

    static final String HELP = """
            Remediator understands these commands in a pull request comment:

            | Command | What it does | Who may |
            |---|---|---|
            | `/remediator approve [id]` | runs the remediation awaiting approval (the newest, or the audit id given) | the permission its check run names |
            | `/remediator reject [id]` | dismisses it | the same |
            | `/remediator retry` | re-runs the failed jobs of the pull request's latest failed run | write |
            | `/remediator explain` | repeats why the latest run failed and what is proposed | anyone |
            | `/remediator help` | shows this | anyone |
            """;

    @Inject
    GitHubRepositories repositories;

    @Inject
    RemediationStore remediations;

    @Inject
    RunHistoryStore history;

    @Inject
    Approvals approvals;

    @Override
    public boolean handles(Delivery delivery) {
        JsonNode payload = delivery.payload();
        return delivery.is("issue_comment", "created") && delivery.installationId() != null
                && delivery.repositoryId() != null && payload.path("issue").has("pull_request")
                && !"Bot".equals(payload.path("comment").path("user").path("type").asText())
                && COMMAND.matcher(payload.path("comment").path("body").asText()).find();
    }

    @Override
    public void handle(Delivery delivery) throws Exception {
        JsonNode payload = delivery.payload();
        Matcher command = COMMAND.matcher(payload.path("comment").path("body").asText());
        command.find();
        String verb = command.group(1) == null ? "help" : command.group(1).toLowerCase(Locale.ROOT);
        int pull = payload.path("issue").path("number").asInt();
        long commentId = payload.path("comment").path("id").asLong();
        String actor = payload.path("comment").path("user").path("login").asText();
        RepositoryGitHub github = repositories.open(delivery.installationId(), delivery.repositoryId(),
                delivery.repositoryFullName());
        Approvals.Answer answer = switch (verb) {
            case "approve", "reject" -> decide(github, delivery, verb, command.group(2), pull, actor);
            case "retry" -> retry(github, delivery.repositoryId(), pull, actor);
            case "explain" -> new Approvals.Answer(Approvals.Outcome.APPROVED, explanation(delivery.repositoryId(), pull));
            case "help" -> new Approvals.Answer(Approvals.Outcome.APPROVED, HELP);
            default -> new Approvals.Answer(null, "`/remediator " + verb + "` is not a command.\n\n" + HELP);
        };
        github.react(commentId, answer.outcome() == null ? "confused"
                : answer.outcome() == Approvals.Outcome.REFUSED ? "-1" : "+1");
        boolean shownElsewhere = (verb.equals("approve") || verb.equals("reject"))
                && answer.outcome() != Approvals.Outcome.REFUSED;
        if (!shownElsewhere) {
            github.createComment(pull, "@" + actor + " " + answer.message());
        }
        LOG.infof("/remediator %s by @%s on %s#%d: %s", verb, actor, delivery.repositoryFullName(), pull, answer.outcome());
    }

    private Approvals.Answer decide(RepositoryGitHub github, Delivery delivery, String verb, String id, int pull,
            String actor) throws Exception {
        Optional<Remediation> remediation = id == null ? remediations.latestForPull(delivery.repositoryId(), pull)
                : remediations.find(Long.parseLong(id)).filter(r -> r.repositoryId() == delivery.repositoryId());
        if (remediation.isEmpty()) {
            return new Approvals.Answer(Approvals.Outcome.REFUSED, "There is no remediation"
                    + (id == null ? " for this pull request" : " with id " + id + " in this repository") + " to " + verb + ".");
        }
        return verb.equals("approve")
                ? approvals.approve(github, delivery.installationId(), remediation.get(), actor, delivery.deliveryId())
                : approvals.reject(github, delivery.installationId(), remediation.get(), actor, delivery.deliveryId());
    }

    private Approvals.Answer retry(RepositoryGitHub github, long repositoryId, int pull, String actor) throws Exception {
        Optional<Long> run = history.latestRunOfPull(repositoryId, pull);
        if (run.isEmpty()) {
            return new Approvals.Answer(Approvals.Outcome.REFUSED, "No failed run of this pull request is known.");
        }
        return approvals.retry(github, run.get(), actor);
    }

    private String explanation(long repositoryId, int pull) {
        Optional<Long> run = history.latestRunOfPull(repositoryId, pull);
        if (run.isEmpty()) {
            return "Remediator has not analysed a failed run of this pull request.";
        }
        StringBuilder out = new StringBuilder("Run " + run.get() + ":");
        for (Remediation r : remediations.forRun(repositoryId, run.get())) {
            out.append("\n\n").append(r.explanation());
            if (r.action().executable()) {
                out.append("\n\nProposed: ").append(r.action().slug()).append(" (risk ").append(r.risk()).append("), ")
                        .append(r.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(". ")
                        .append(r.decisionReason() == null ? "" : MarkdownText.escape(r.decisionReason()) + ".");
            }
        }
        return out.toString();
    }
}
