package dev.remediator.testing.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * GitHub's own REST description (the subset the app uses): which operations exist, which one a request path
 * names, and whether a request is one GitHub would accept.
 */
final class ApiDescription {

    static final String RESOURCE = "/github/openapi-subset.json";

    /**
     * Parameters GitHub lets span several path segments: file paths, git refs and branch names. The description
     * declares them as plain path parameters, so the validator only sees them with their slashes encoded.
     */
    private static final Set<String> MULTI_SEGMENT_PARAMETERS = Set.of("path", "ref", "branch", "base", "head");

    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z_]+)}");

    record Operation(String id, String method, String template, Pattern pattern, List<String> parameters,
            int literalLength) {
    }

    record Match(Operation operation, Map<String, String> pathParameters) {
    }

    private final List<Operation> operations;
    private final OpenApiInteractionValidator validator;

    private ApiDescription(List<Operation> operations, OpenApiInteractionValidator validator) {
        this.operations = operations;
        this.validator = validator;
    }

    private static ApiDescription shared;

    /** Loading and checking the description takes a second or so: one copy serves every fake in the JVM. */
    static synchronized ApiDescription shared() {
        if (shared == null) {
            shared = load();
        }
        return shared;
    }

    private static ApiDescription load() {
        String specification;
        try (InputStream in = ApiDescription.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + RESOURCE);
            }
            specification = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(specification)
                // GitHub answers `application/vnd.github+json` (and the preview types clients still send), while
                // its description only lists `application/json` responses.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                        // the validator reads a path parameter declared `oneOf: [integer, string]` (`workflow_id`)
                        // as JSON, so a file name such as `ci.yml` would fail although GitHub takes it
                        .withLevel("validation.request.parameter.schema.invalidJson", ValidationReport.Level.IGNORE)
                        // GitHub ignores query parameters it does not know (clients add `per_page` everywhere);
                        // unknown body fields stay violations: GitHub would silently drop a misspelt field
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        return new ApiDescription(readOperations(Json.parse(specification)), validator);
    }

    private static List<Operation> readOperations(JsonNode specification) {
        List<Operation> operations = new ArrayList<>();
        specification.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().has("operationId")) {
                operations.add(operation(op.getValue().get("operationId").asText(),
                        op.getKey().toUpperCase(Locale.ROOT), path.getKey()));
            }
        }));
        // The most literal template wins: `/commits/{ref}/check-runs` before `/commits/{ref}`.
        operations.sort(Comparator.comparingInt(Operation::literalLength).reversed());
        return List.copyOf(operations);
    }

    private static Operation operation(String id, String method, String template) {
        StringBuilder regex = new StringBuilder("^");
        List<String> parameters = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(template);
        int last = 0;
        int literalLength = 0;
        while (matcher.find()) {
            String literal = template.substring(last, matcher.start());
            regex.append(Pattern.quote(literal));
            literalLength += literal.length();
            String name = matcher.group(1);
            parameters.add(name);
            regex.append(MULTI_SEGMENT_PARAMETERS.contains(name) ? "(.+?)" : "([^/]+)");
            last = matcher.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append('$');
        literalLength += template.length() - last;
        return new Operation(id, method, template, Pattern.compile(regex.toString()), List.copyOf(parameters),
                literalLength);
    }

    List<Operation> operations() {
        return operations;
    }

    /** The operation a method and raw (still encoded) path name, with its decoded path parameters. */
    Optional<Match> match(String method, String rawPath) {
        for (Operation operation : operations) {
            if (!operation.method().equals(method)) {
                continue;
            }
            Matcher matcher = operation.pattern().matcher(rawPath);
            if (matcher.matches()) {
                Map<String, String> parameters = new LinkedHashMap<>();
                for (int i = 0; i < operation.parameters().size(); i++) {
                    parameters.put(operation.parameters().get(i), Urls.decodePathSegment(matcher.group(i + 1)));
                }
                return Optional.of(new Match(operation, parameters));
            }
        }
        return Optional.empty();
    }

    /** What GitHub's description says is wrong with the request; empty when it is a valid request. */
    List<String> validate(Match match, String rawQuery, String contentType, byte[] body) {
        String path = match.operation().template();
        for (Map.Entry<String, String> parameter : match.pathParameters().entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}",
                    URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(match.operation().method()),
                path);
        Urls.parseQuery(rawQuery).forEach(request::withQueryParam);
        if (body.length > 0) {
            request.withBody(body);
        }
        if (contentType != null) {
            request.withContentType(contentType);
        }
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message message : validator.validateRequest(request.build()).getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                problems.add(message.getKey() + ": " + message.getMessage());
            }
        }
        return problems;
    }
}
