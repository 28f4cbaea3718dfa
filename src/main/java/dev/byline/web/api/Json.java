package dev.byline.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Header;

/** Writes the API's JSON answers: Jackson, UTF-8, records as objects with their components in order. */
final class Json {

    static final String CONTENT_TYPE = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static void send(Context ctx, int status, String contentType, Object body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
        ctx.status(status);
        ctx.contentType(contentType);
        ctx.header(Header.CONTENT_LENGTH, String.valueOf(bytes.length));
        ctx.result(bytes);
    }
}
