package dev.remediator.testing.github;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The app's webhook delivery log, paged by cursor newest first, and redelivery on request. */
final class HookRoutes {

    private static final String CURSOR_PREFIX = "v1_";

    private final HookDeliveries deliveries;
    private final Representations json;

    HookRoutes(HookDeliveries deliveries, Representations json) {
        this.deliveries = deliveries;
        this.json = json;
    }

    void register(Routes routes) {
        routes.on("apps/list-webhook-deliveries", RequiredAccess.APP_JWT, this::list);
        routes.on("apps/get-webhook-delivery", RequiredAccess.APP_JWT, request -> ApiResponse.ok(
                detailed(delivery(request))));
        routes.on("apps/redeliver-webhook-delivery", RequiredAccess.APP_JWT, request -> {
            deliveries.redeliver(delivery(request));
            return ApiResponse.accepted(Json.object());
        });
    }

    private HookDelivery delivery(ApiRequest request) {
        return deliveries.find(request.pathLong("delivery_id")).orElseThrow(ApiError::notFound);
    }

    /**
     * GitHub's cursor names the delivery a page starts from; the {@code Link} header carries the next page's. Newer
     * deliveries arriving meanwhile do not shift the pages already handed out.
     */
    private ApiResponse list(ApiRequest request) {
        int perPage = request.perPage();
        Optional<Long> from = request.query("cursor").map(HookRoutes::cursorId);
        Predicate<HookDelivery> status = switch (request.query("status").orElse("")) {
            case "success" -> delivery -> delivery.statusCode() >= 200 && delivery.statusCode() < 400;
            case "failure" -> delivery -> delivery.statusCode() >= 400 && delivery.statusCode() < 600;
            default -> delivery -> true;
        };
        List<HookDelivery> matching = deliveries.newestFirst().stream().filter(status)
                .filter(delivery -> from.isEmpty() || delivery.id() <= from.get()).toList();
        ArrayNode page = Json.array();
        matching.stream().limit(perPage).map(HookRoutes::item).forEach(page::add);
        ApiResponse response = ApiResponse.ok(page);
        if (matching.size() > perPage) {
            String next = json.baseUrl() + "/app/hook/deliveries?per_page=" + perPage + "&cursor=" + CURSOR_PREFIX
                    + matching.get(perPage).id() + request.query("status").map(s -> "&status=" + s).orElse("");
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response;
    }

    private static long cursorId(String cursor) {
        if (!cursor.startsWith(CURSOR_PREFIX)) {
            throw ApiError.validationFailed("Invalid cursor");
        }
        try {
            return Long.parseLong(cursor.substring(CURSOR_PREFIX.length()));
        } catch (NumberFormatException e) {
            throw ApiError.validationFailed("Invalid cursor");
        }
    }

    private static ObjectNode item(HookDelivery delivery) {
        ObjectNode item = Json.object().put("id", delivery.id()).put("guid", delivery.guid())
                .put("delivered_at", Json.time(delivery.deliveredAt())).put("redelivery", delivery.redelivery())
                .put("duration", delivery.duration().toMillis() / 1000.0).put("status", delivery.status())
                .put("status_code", delivery.statusCode()).put("event", delivery.event())
                .put("action", delivery.action()).putNull("throttled_at");
        if (delivery.installationId() == null) {
            item.putNull("installation_id");
        } else {
            item.put("installation_id", delivery.installationId());
        }
        if (delivery.repositoryId() == null) {
            item.putNull("repository_id");
        } else {
            item.put("repository_id", delivery.repositoryId());
        }
        return item;
    }

    private ObjectNode detailed(HookDelivery delivery) {
        ObjectNode detailed = item(delivery).put("url", json.baseUrl() + "/");
        ObjectNode request = detailed.putObject("request");
        request.set("headers", Json.MAPPER.valueToTree(Map.of("X-GitHub-Event", delivery.event(),
                "X-GitHub-Delivery", delivery.guid(), "Content-Type", "application/json")));
        request.set("payload", Json.parse(new String(delivery.body(), StandardCharsets.UTF_8)));
        ObjectNode response = detailed.putObject("response");
        response.set("headers", Json.object());
        response.put("payload", delivery.responseBody());
        return detailed;
    }
}
