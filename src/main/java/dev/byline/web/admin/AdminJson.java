package dev.byline.web.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;

/**
 * The admin's few JSON answers (the media library's, for its upload script and the editor's picker): Jackson,
 * UTF-8, records as objects with their components in order. Errors are JSON too for requests asking for it
 * ({@link AdminErrors#wantsJson}).
 */
final class AdminJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AdminJson() {
    }

    /** An image as scripts get it: {@code url} the original (what a figure in a body names), the sizes. */
    record Item(long id, String url, String thumbUrl, String alt, String caption, String credit, int width,
                int height, String fileName, String type) {
    }

    /** A file an upload refused, and why (the message names the file). */
    record FileError(String file, String message) {
    }

    /** POST /admin/media's answer. */
    record Uploaded(List<Item> items, List<FileError> errors) {
    }

    /** GET /admin/media.json's answer: a page of the library, newest first. */
    record Listing(List<Item> items, int page, boolean hasMore) {
    }

    static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(write(body));
    }
}
