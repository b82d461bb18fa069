package dev.remediator.testing.github;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request that GitHub's description accepts, with its caller and (for `/repos/...`) its repository. */
final class ApiRequest {

    private final String url;
    private final Map<String, String> pathParameters;
    private final Map<String, List<String>> query;
    private final JsonNode body;
    private final Caller caller;
    private final String actor;
    private final Repository repository;

    ApiRequest(String url, Map<String, String> pathParameters, Map<String, List<String>> query, JsonNode body,
            Caller caller, String actor, Repository repository) {
        this.url = url;
        this.pathParameters = pathParameters;
        this.query = query;
        this.body = body == null || body.isNull() || body.isMissingNode() ? Json.object() : body;
        this.caller = caller;
        this.actor = actor;
        this.repository = repository;
    }

    String path(String name) {
        return pathParameters.get(name);
    }

    long pathLong(String name) {
        return Long.parseLong(path(name));
    }

    Optional<String> query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The JSON body; an empty object when the request had none. */
    JsonNode body() {
        return body;
    }

    /** A text field of the body, or null. */
    String text(String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    Caller caller() {
        return caller;
    }

    /** The login GitHub records as the author of what this request writes (`<app>[bot]` for a token). */
    String actor() {
        return actor;
    }

    Repository repository() {
        if (repository == null) {
            throw new IllegalStateException("Not a repository operation: " + url);
        }
        return repository;
    }

    /** One page of a list, with GitHub's `Link` header (`per_page` up to 100, `page` from 1). */
    ApiResponse page(List<? extends JsonNode> items) {
        int perPage = perPage();
        int page = Math.max(1, query("page").map(Integer::parseInt).orElse(1));
        ArrayNode slice = Json.array();
        items.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(slice::add);
        ApiResponse response = ApiResponse.ok(slice);
        int last = Math.max(1, (items.size() + perPage - 1) / perPage);
        List<String> links = new ArrayList<>();
        if (page < last) {
            links.add(link(page + 1, perPage, "next"));
            links.add(link(last, perPage, "last"));
        }
        if (page > 1) {
            links.add(link(1, perPage, "first"));
            links.add(link(page - 1, perPage, "prev"));
        }
        return links.isEmpty() ? response : response.header("Link", String.join(", ", links));
    }

    /** A page of a list wrapped as GitHub does for runs, jobs and check runs: `{"total_count": n, field: [...]}`. */
    ApiResponse page(String field, List<? extends JsonNode> items) {
        ApiResponse page = page(items);
        ObjectNode wrapped = Json.object().put("total_count", items.size());
        wrapped.set(field, page.body());
        ApiResponse response = ApiResponse.ok(wrapped);
        page.headers().forEach(response::header);
        return response;
    }

    int perPage() {
        return Math.min(100, Math.max(1, query("per_page").map(Integer::parseInt).orElse(30)));
    }

    private String link(int page, int perPage, String relation) {
        Map<String, List<String>> parameters = new LinkedHashMap<>(query);
        parameters.put("per_page", List.of(String.valueOf(perPage)));
        parameters.put("page", List.of(String.valueOf(page)));
        StringBuilder target = new StringBuilder(url).append('?');
        parameters.forEach((name, values) -> values.forEach(value -> target.append(encode(name)).append('=')
                .append(encode(value)).append('&')));
        target.setLength(target.length() - 1);
        return "<" + target + ">; rel=\"" + relation + "\"";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
