package dev.remediator.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The document at {@code /q/openapi} is the API's: only the paths under {@code /api} (not the pages people open, nor
 * the extension's dev-mode replay), whose operations and responses are described in {@code META-INF/openapi.yaml};
 * this adds the parameters' descriptions, one meaning per name across the API.
 */
public class ApiDocumentFilter implements OASFilter {

    static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("owner", "The repository's owner (organisation or user)."),
            Map.entry("name", "The repository's name."),
            Map.entry("repository", "The repository, as owner/name."),
            Map.entry("ref", "A branch; the repository's default branch when absent."),
            Map.entry("node", "The node's id in the provenance manifest."),
            Map.entry("report", "A drift report's id (from the history); the latest report when absent."),
            Map.entry("summary", "true keeps the kind, the confidence and the first suggestion only."),
            Map.entry("limit", "Items per page, 1 to 100 (default 20)."),
            Map.entry("cursor", "The nextCursor of the previous page; absent for the first page."),
            Map.entry("state", "Only remediations in this state (PROPOSED, AWAITING_APPROVAL, APPROVED, EXECUTING, DONE, ...)."),
            Map.entry("action", "Only remediations of this action (RERUN, CONFIRM, QUARANTINE, REVERT, REGENERATE, ...)."),
            Map.entry("id", "The remediation's id."),
            Map.entry("remediation", "Only this remediation's changes (its id)."),
            Map.entry("actor", "Only the changes this GitHub login made."),
            Map.entry("days", "How many days back the figures reach, 1 to 366 (default 30)."));

    @Override
    public void filterOpenAPI(OpenAPI document) {
        if (document.getPaths() != null && document.getPaths().getPathItems() != null) {
            List.copyOf(document.getPaths().getPathItems().keySet()).stream().filter(path -> !path.startsWith("/api/"))
                    .forEach(document.getPaths()::removePathItem);
        }
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getDescription() == null && parameter.getName() != null) {
            parameter.setDescription(PARAMETERS.get(parameter.getName()));
        }
        return parameter;
    }
}
