package dev.byline.web.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.byline.error.BadRequest;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.web.support.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error a reader can meet, as a page that says what happened and offers a way on. The one place exceptions
 * become responses on the public site; a stack trace is logged, never shown.
 */
final class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    private static final String HANDLED = "byline.error-handled";

    private final CompletableFuture<SiteViews> views = new CompletableFuture<>();
    private final Templates templates;
    /**
     * Rendered error pages by status and message. A 404 shows the latest articles, so a flood of bad links would
     * otherwise cost a few queries each. Small and separate from the page cache: messages can carry what a
     * request typed, and churning this cannot evict real pages. Emptied on every change (see {@link #forget}).
     */
    private final Cache<String, byte[]> rendered = Caffeine.newBuilder().maximumSize(64).build();

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
    void forget() {
        rendered.invalidateAll();
    }

    void register(RoutesConfig routes) {
        routes.exception(NotFound.class, (e, ctx) -> show(ctx, 404, "Page not found", e.getMessage()));
        routes.exception(BadRequest.class, (e, ctx) -> show(ctx, 400, "That address is not quite right",
                e.getMessage()));
        routes.exception(Invalid.class, (e, ctx) -> show(ctx, 422, "Please check what you sent",
                String.join(" ", e.fieldErrors().values())));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            show(ctx, 500, "Something went wrong on our side",
                    "The error has been logged. Please try again in a moment.");
        });
        routes.error(404, ctx -> showUnlessHandled(ctx, 404, "Page not found",
                "There is no page at this address. It may have moved, or the link may be mistyped."));
        routes.error(405, ctx -> showUnlessHandled(ctx, 405, "Method not allowed",
                "This address can be read (GET or HEAD) but not sent " + ctx.method() + "."));
        routes.error(400, ctx -> showUnlessHandled(ctx, 400, "Bad request", "The request could not be understood."));
    }

    private byte[] render(int status, String heading, String message) {
        return templates.render("error.jte", views.join().error(status, heading, message));
    }

    private void showUnlessHandled(Context ctx, int status, String heading, String message) {
        if (ctx.attribute(HANDLED) == null) {
            show(ctx, status, heading, message);
        }
    }

    private void show(Context ctx, int status, String heading, String message) {
        ctx.attribute(HANDLED, true);
        ctx.status(status);
        ctx.header(Header.CACHE_CONTROL, "no-store");
        ctx.contentType("text/html; charset=utf-8");
        try {
            byte[] page = status == 500 ? render(status, heading, message)
                    : rendered.get(status + " " + message, key -> render(status, heading, message));
            ctx.result(page);
        } catch (RuntimeException renderFailure) {
            // the database may be what failed: fall back to a page that needs nothing
            LOG.error("rendering the {} page failed", status, renderFailure);
            ctx.result("<!doctype html><html lang=en><meta charset=utf-8><title>Error</title><h1>"
                    + status + "</h1><p>Something went wrong. Please try again in a moment.</p></html>");
        }
    }
}
