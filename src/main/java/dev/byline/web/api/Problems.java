package dev.byline.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.byline.error.BadRequest;
import dev.byline.error.Conflict;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure in the API as problem details (RFC 9457, {@code application/problem+json}): the one place
 * exceptions become answers on this surface. A 5xx is logged with method and path; its answer says no more.
 */
final class Problems {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    /**
     * @param errors for 422: field → what is wrong with it; left out otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Problem(String type, String title, int status, String detail, Map<String, String> errors) {
    }

    private final long maxRequestBytes;

    Problems(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    void answer(Context ctx, Exception error) {
        Problem problem = switch (error) {
            case NotFound e -> problem(404, e.getMessage());
            case BadRequest e -> problem(400, e.getMessage());
            case Conflict e -> problem(409, e.getMessage());
            case Forbidden e -> problem(403, e.getMessage());
            case ApiAuth.Unauthorized e -> {
                ctx.header("WWW-Authenticate", ApiAuth.CHALLENGE);
                yield problem(401, e.getMessage());
            }
            case Invalid e -> new Problem("about:blank", title(422), 422, "Some fields are not right.",
                    new LinkedHashMap<>(e.fieldErrors()));
            case HttpResponseException e when e.getStatus() < 500 -> refused(ctx, e.getStatus());
            case HttpResponseException e when e.getStatus() == 503 -> problem(503, e.getMessage());
            default -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), error);
                yield problem(500, "The error has been logged. Please try again in a moment.");
            }
        };
        Json.send(ctx, problem.status(), CONTENT_TYPE, problem);
    }

    /** What is refused before a handler runs: no route, a method the path does not take, a body too large. */
    private Problem refused(Context ctx, int status) {
        return switch (status) {
            case 404 -> problem(404, "There is nothing at this address in the API.");
            case 405 -> problem(405, "This address does not take " + ctx.method() + ".");
            case 413 -> problem(413, "The request body is larger than the " + maxRequestBytes
                    + " bytes the API takes.");
            default -> problem(status, "The request could not be completed.");
        };
    }

    private static Problem problem(int status, String detail) {
        return new Problem("about:blank", title(status), status, detail, null);
    }

    private static String title(int status) {
        return HttpStatus.forStatus(status).getMessage();
    }
}
