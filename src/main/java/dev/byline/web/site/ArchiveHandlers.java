package dev.byline.web.site;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * GET /section/{slug}/, /tag/{slug}/, /author/{slug}/ : archives, newest first, ten to a page. The address is
 * known from the slug; everything, whether the archive exists included, is read inside the render.
 */
final class ArchiveHandlers {

    private final SiteViews views;
    private final PageResponder responder;

    ArchiveHandlers(SiteViews views, PageResponder responder) {
        this.views = views;
        this.responder = responder;
    }

    /** A section renamed since answers at its old address with a 301 to the new one (nothing cached). */
    void section(Context ctx) {
        long page = PageNumber.parse(ctx.queryParam("page"));
        String slug = ctx.pathParam("slug");
        try {
            responder.serve(ctx, SiteUrls.section(slug), page, "archive.jte", () -> views.section(slug, page));
        } catch (Moved moved) {
            ctx.redirect(SiteUrls.page(SiteUrls.wire(moved.path()), page), HttpStatus.MOVED_PERMANENTLY);
        }
    }

    /** A tag renamed or merged into another since answers at its old address with a 301 to where it is now. */
    void tag(Context ctx) {
        long page = PageNumber.parse(ctx.queryParam("page"));
        String slug = ctx.pathParam("slug");
        try {
            responder.serve(ctx, SiteUrls.tag(slug), page, "archive.jte", () -> views.tag(slug, page));
        } catch (Moved moved) {
            ctx.redirect(SiteUrls.page(SiteUrls.wire(moved.path()), page), HttpStatus.MOVED_PERMANENTLY);
        }
    }

    void author(Context ctx) {
        long page = PageNumber.parse(ctx.queryParam("page"));
        String slug = ctx.pathParam("slug");
        responder.serve(ctx, SiteUrls.author(slug), page, "archive.jte", () -> views.author(slug, page));
    }
}
