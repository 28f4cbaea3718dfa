package dev.byline.web.site;

import dev.byline.error.Gone;
import dev.byline.error.NotFound;
import dev.byline.news.PublicNews;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/**
 * GET /slug/ : a published page (About, Contact). A slug the page had before, or the address without its final
 * slash, answers 301 to where it is; a page that was public and has been trashed or deleted answers 410.
 */
final class PageHandler implements Handler {

    private final PublicNews news;
    private final SiteViews views;
    private final PageResponder responder;

    PageHandler(PublicNews news, SiteViews views, PageResponder responder) {
        this.news = news;
        this.views = views;
        this.responder = responder;
    }

    @Override
    public void handle(Context ctx) {
        String slug = ctx.pathParam("slug");
        String asked = SiteUrls.sitePage(slug);
        if (!SiteUrls.wire(asked).equals(ctx.req().getRequestURI())) {
            // another spelling: one redirect to where the page is, or the answer the page's address would give
            String found = news.page(slug).map(page -> slug).or(() -> news.locatePage(slug))
                    .orElseThrow(() -> news.gone(slug) ? new Gone("This page has been removed.")
                            : new NotFound("There is no page at this address."));
            ctx.redirect(SiteUrls.wire(SiteUrls.sitePage(found)), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        try {
            responder.serve(ctx, asked, 1, "page.jte", () -> views.page(slug, asked));
        } catch (Moved moved) {
            ctx.redirect(SiteUrls.wire(moved.path()), HttpStatus.MOVED_PERMANENTLY);
        }
    }
}
