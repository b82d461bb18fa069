package dev.remediator.github;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.remediator.core.report.CheckRunReport;

/**
 * Remediator's check runs on GitHub, for the failure and the drift reports alike: the request bodies for creating one
 * and for drawing a rendered report on it, within GitHub's limits on annotations per request.
 */
public final class CheckRuns {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A check run's id, and whether this call created it. */
    public record Found(long id, boolean created) {
    }

    private CheckRuns() {
    }

    /**
     * The in-progress check run named {@code name} on {@code headSha} that carries {@code externalId}: looked for on
     * GitHub only when {@code resumed} (an earlier attempt may have created it and died before storing its id),
     * created otherwise.
     */
    public static Found findOrCreate(RepositoryGitHub github, boolean resumed, String name, String headSha, String externalId,
            String detailsUrl, String title, String summary) throws IOException {
        Optional<Long> created = resumed ? github.findCheckRun(headSha, name, externalId) : Optional.empty();
        if (created.isPresent()) {
            return new Found(created.get(), false);
        }
        ObjectNode body = JSON.createObjectNode().put("name", name).put("head_sha", headSha).put("external_id", externalId)
                .put("status", "in_progress").put("started_at", Instant.now().toString());
        if (detailsUrl != null) {
            body.put("details_url", detailsUrl);
        }
        body.putObject("output").put("title", title).put("summary", summary);
        return new Found(github.createCheckRun(body), true);
    }

    /**
     * Draws a rendered check run on GitHub, with its annotations only when {@code annotate} (they append, so they are
     * sent once per check run): GitHub takes 50 a request, so the first request carries the first 50 and each
     * further batch its own request.
     */
    public static void send(RepositoryGitHub github, long checkRunId, CheckRunReport.Rendered rendered, boolean annotate)
            throws IOException {
        List<CheckRunReport.Annotation> annotations = annotate ? rendered.annotations() : List.of();
        int first = Math.min(CheckRunReport.ANNOTATIONS_PER_REQUEST, annotations.size());
        github.updateCheckRun(checkRunId, checkRunBody(rendered, annotations.subList(0, first)));
        for (int from = first; from < annotations.size(); from += CheckRunReport.ANNOTATIONS_PER_REQUEST) {
            List<CheckRunReport.Annotation> batch = annotations.subList(from,
                    Math.min(from + CheckRunReport.ANNOTATIONS_PER_REQUEST, annotations.size()));
            ObjectNode body = JSON.createObjectNode();
            output(body, rendered, batch);
            github.updateCheckRun(checkRunId, body);
        }
    }

    private static ObjectNode checkRunBody(CheckRunReport.Rendered rendered, List<CheckRunReport.Annotation> annotations) {
        ObjectNode body = JSON.createObjectNode();
        if (rendered.conclusion() == null) {
            body.put("status", "in_progress");
        } else {
            body.put("status", "completed").put("conclusion", rendered.conclusion().apiValue())
                    .put("completed_at", Instant.now().toString());
        }
        output(body, rendered, annotations);
        ArrayNode actions = body.putArray("actions");
        rendered.buttons().forEach(b -> actions.addObject().put("label", b.label()).put("description", b.description())
                .put("identifier", b.identifier()));
        return body;
    }

    private static void output(ObjectNode body, CheckRunReport.Rendered rendered, List<CheckRunReport.Annotation> annotations) {
        ObjectNode output = body.putObject("output").put("title", rendered.title()).put("summary", rendered.summary())
                .put("text", rendered.text());
        if (!annotations.isEmpty()) {
            ArrayNode list = output.putArray("annotations");
            for (CheckRunReport.Annotation a : annotations) {
                ObjectNode annotation = list.addObject().put("path", a.path()).put("start_line", a.line())
                        .put("end_line", a.line()).put("annotation_level", a.level()).put("title", a.title())
                        .put("message", a.message());
                if (a.column() != null) {
                    annotation.put("start_column", a.column()).put("end_column", a.column());
                }
            }
        }
    }
}
