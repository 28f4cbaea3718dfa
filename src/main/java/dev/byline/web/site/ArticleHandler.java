package dev.byline.web.site;

import dev.byline.error.NotFound;
import dev.byline.news.Located;
import dev.byline.news.PublicNews;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/**
 * GET /yyyy/mm/dd/slug/ : one published article. The slug finds it; a slug it had before answers 301 to where
 * it is now; drafts, scheduled and private articles are not found. The lookup only finds the canonical address;
 * the page is read again inside the render, so what it shows is never older than the cache's view of the changes.
 */
final class ArticleHandler implements Handler {

    private final PublicNews news;
    private final SiteViews views;
    private final SiteUrls urls;
    private final PageResponder responder;

    ArticleHandler(PublicNews news, SiteViews views, SiteUrls urls, PageResponder responder) {
        this.news = news;
        this.views = views;
        this.urls = urls;
        this.responder = responder;
    }

    @Override
    public void handle(Context ctx) {
        if (!ctx.pathParam("year").matches("\\d{4}") || !ctx.pathParam("month").matches("\\d{2}")
                || !ctx.pathParam("day").matches("\\d{2}")) {
            throw new NotFound("There is no page at this address.");
        }
        Located found = news.locate(ctx.pathParam("slug"))
                .orElseThrow(() -> new NotFound("This article does not exist, or is no longer published."));
        String path = urls.article(found.slug(), found.publishedAt());
        if (found.renamed()) {
            ctx.redirect(SiteUrls.wire(path), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        responder.serve(ctx, path, 1, "article.jte", () -> views.article(found));
    }
}
