package dev.remediator.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What every list of the API shares: {@code limit} (default 20, at most 100), an opaque {@code cursor} naming the
 * last row of the previous page (rows come newest first, by id), and errors as JSON {@code {"error": "..."}}.
 */
final class ApiPages {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    /** A page of rows and the cursor of the next page (null on the last). */
    record Page<T>(List<T> items, String nextCursor) {
    }

    private ApiPages() {
    }

    static int limit(String limit) {
        int size = limit == null ? DEFAULT_LIMIT : (int) number("limit", limit);
        if (size < 1 || size > MAX_LIMIT) {
            throw problem(Response.Status.BAD_REQUEST, "limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        return size;
    }

    /**
     * The page out of {@code rows}, fetched as {@code limit + 1} rows so that one more than asked tells whether a next
     * page exists.
     */
    static <T> Page<T> page(List<T> rows, int limit, String kind, java.util.function.ToLongFunction<T> id) {
        List<T> items = rows.stream().limit(limit).toList();
        return new Page<>(items, rows.size() > limit ? encode(kind, id.applyAsLong(items.get(limit - 1))) : null);
    }

    /** The id after which the next page starts, or null for the first page. */
    static Long after(String kind, String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(kind + ":")) {
                return Long.parseLong(text.substring(kind.length() + 1));
            }
        } catch (IllegalArgumentException e) {
            // not Base64, or not a number: the same answer as any other cursor this API never gave
        }
        throw problem(Response.Status.BAD_REQUEST, "cursor is not one this API gave: pass the nextCursor of a page");
    }

    static String encode(String kind, long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    static long number(String parameter, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw problem(Response.Status.BAD_REQUEST, parameter + " must be a whole number, not '" + value + "'");
        }
    }

    static WebApplicationException problem(Response.Status status, String message) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", message)).build());
    }
}
