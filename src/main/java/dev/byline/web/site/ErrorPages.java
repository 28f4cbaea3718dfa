package dev.byline.web.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.byline.error.BadRequest;
import dev.byline.error.Conflict;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.web.support.Templates;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.ServiceUnavailableResponse;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error a reader can meet, as a page that says what happened and offers a way on. The one place exceptions
 * become responses on the public site; a stack trace is logged, never shown.
 */
final class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final CompletableFuture<SiteViews> views = new CompletableFuture<>();
    private final Templates templates;
    /**
     * Rendered error pages by status and message. A 404 shows the latest articles, so a flood of bad links would
     * otherwise cost a few queries each. Small and separate from the page cache: messages can carry what a
     * request typed, and churning this cannot evict real pages. Emptied on every change (see {@link #forget}).
     */
    private final Cache<String, byte[]> rendered = Caffeine.newBuilder().maximumSize(64).build();
    /** raised by every change: a page rendered from data read before it is served but not kept */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    ErrorPages(Templates templates) {
        this.templates = templates;
    }

    void ready(SiteViews siteViews) {
        views.complete(siteViews);
    }

    /** Start-up failed: error pages fall back to the plain one instead of waiting for views that never come. */
    void failed(Throwable cause) {
        views.completeExceptionally(cause);
    }

    /** A subscriber for the change feed: error pages show the latest articles and the section menu. */
    /**
     * The page under {@code key}, rendering it on a miss. Kept only when no change came during the render
     * (Caffeine's own loading does not stop a load under way from being stored after an invalidateAll).
     */
    private byte[] remembered(String key, java.util.function.Supplier<byte[]> render) {
        byte[] page = rendered.getIfPresent(key);
        if (page != null) {
            return page;
        }
        long began = generation.get();
        page = render.get();
        if (generation.get() == began) {
            rendered.put(key, page);
            if (generation.get() != began) {
                rendered.invalidate(key); // a change arrived between the check and the put
            }
        }
        return page;
    }

    void forget() {
        generation.incrementAndGet();
        rendered.invalidateAll();
    }

    /** Every failure on the site, as a page: the site's {@link dev.byline.web.Surface#fail}. */
    void fail(Context ctx, Exception error) {
        switch (error) {
            case NotFound e -> show(ctx, 404, "Page not found", e.getMessage());
            case dev.byline.error.Gone e -> show(ctx, 410, "Removed", e.getMessage());
            case BadRequest e -> show(ctx, 400, "That address is not quite right", e.getMessage());
            case Conflict e -> show(ctx, 409, "Someone else saved first", e.getMessage());
            case Invalid e -> show(ctx, 422, "Please check what you sent", String.join(" ", e.fieldErrors().values()));
            case ServiceUnavailableResponse e -> unavailable(ctx, e.getMessage());
            case HttpResponseException e when e.getStatus() < 500 -> refused(ctx, e.getStatus());
            default -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), error);
                show(ctx, 500, "Something went wrong on our side",
                        "The error has been logged. Please try again in a moment.");
            }
        }
    }

    /** What Javalin refuses before a handler runs: no route, a method the path does not take, a body too large. */
    private void refused(Context ctx, int status) {
        switch (status) {
            case 404 -> show(ctx, 404, "Page not found",
                    "There is no page at this address. It may have moved, or the link may be mistyped.");
            case 405 -> show(ctx, 405, "Method not allowed",
                    "This address can be read (GET or HEAD) but not sent " + ctx.method() + ".");
            case 413 -> show(ctx, 413, "Too much sent", "The request was larger than this site takes.");
            case 400 -> show(ctx, 400, "Bad request", "The request could not be understood.");
            default -> show(ctx, status, HttpStatus.forStatus(status).getMessage(),
                    "The request could not be completed.");
        }
    }

    /** The site could not start: a page that needs nothing, saying so and no more (never the reason). */
    private static void unavailable(Context ctx, String message) {
        ctx.status(503);
        ctx.header(Header.CACHE_CONTROL, "no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result("<!doctype html><html lang=en><meta charset=utf-8><title>Not available</title><h1>503</h1><p>"
                + message + "</p></html>");
    }

    private byte[] render(int status, String heading, String message) {
        return templates.render("error.jte", views.join().error(status, heading, message));
    }

    private void show(Context ctx, int status, String heading, String message) {
        ctx.status(status);
        ctx.header(Header.CACHE_CONTROL, "no-store");
        ctx.contentType("text/html; charset=utf-8");
        try {
            byte[] page = status == 500 ? render(status, heading, message)
                    : remembered(status + " " + message, () -> render(status, heading, message));
            ctx.result(page);
        } catch (RuntimeException renderFailure) {
            // the database may be what failed: fall back to a page that needs nothing
            LOG.error("rendering the {} page failed", status, renderFailure);
            ctx.result("<!doctype html><html lang=en><meta charset=utf-8><title>Error</title><h1>"
                    + status + "</h1><p>Something went wrong. Please try again in a moment.</p></html>");
        }
    }
}
