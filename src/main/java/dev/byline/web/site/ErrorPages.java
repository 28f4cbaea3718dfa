package dev.byline.web.site;

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

    ErrorPages(Templates templates) {
        this.templates = templates;
    }

    void ready(SiteViews siteViews) {
        views.complete(siteViews);
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
            ctx.result(templates.render("error.jte", views.join().error(status, heading, message)));
        } catch (RuntimeException renderFailure) {
            // the database may be what failed: fall back to a page that needs nothing
            LOG.error("rendering the {} page failed", status, renderFailure);
            ctx.result("<!doctype html><html lang=en><meta charset=utf-8><title>Error</title><h1>"
                    + status + "</h1><p>Something went wrong. Please try again in a moment.</p></html>");
        }
    }
}
