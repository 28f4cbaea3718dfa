package dev.byline.web.site;

import io.javalin.http.Context;

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

    void section(Context ctx) {
        long page = PageNumber.parse(ctx.queryParam("page"));
        String slug = ctx.pathParam("slug");
        responder.serve(ctx, SiteUrls.section(slug), page, "archive.jte", () -> views.section(slug, page));
    }

    void tag(Context ctx) {
        long page = PageNumber.parse(ctx.queryParam("page"));
        String slug = ctx.pathParam("slug");
        responder.serve(ctx, SiteUrls.tag(slug), page, "archive.jte", () -> views.tag(slug, page));
    }

    void author(Context ctx) {
        long page = PageNumber.parse(ctx.queryParam("page"));
        String slug = ctx.pathParam("slug");
        responder.serve(ctx, SiteUrls.author(slug), page, "archive.jte", () -> views.author(slug, page));
    }
}
