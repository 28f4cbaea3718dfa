package dev.byline.web.site;

import dev.byline.error.NotFound;
import dev.byline.news.Located;
import dev.byline.news.PublicNews;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/**
 * GET /yyyy/mm/dd/slug/ : one published article. The slug finds it; a wrong date, a missing slash or a slug it
 * had before answers 301 to where it is; drafts, scheduled and private articles are not found.
 *
 * <p>A request spelling an address in its canonical form (the usual cache miss) goes straight to the render,
 * which reads the article itself: so what the page shows is never older than the cache's view of the changes,
 * and the article is read once. Any other spelling is looked up first, for a single redirect.
 */
final class ArticleHandler implements Handler {

    private final PublicNews news;
    private final SiteViews views;
    private final SiteUrls urls;
    private final PageResponder responder;
    private final CommentHandlers comments;

    ArticleHandler(PublicNews news, SiteViews views, SiteUrls urls, PageResponder responder,
                   CommentHandlers comments) {
        this.news = news;
        this.views = views;
        this.urls = urls;
        this.responder = responder;
        this.comments = comments;
    }

    @Override
    public void handle(Context ctx) {
        String year = ctx.pathParam("year");
        String month = ctx.pathParam("month");
        String day = ctx.pathParam("day");
        if (!year.matches("\\d{4}") || !month.matches("\\d{2}") || !day.matches("\\d{2}")) {
            throw new NotFound("There is no page at this address.");
        }
        String slug = ctx.pathParam("slug");
        String asked = SiteUrls.article(year, month, day, slug);
        if (!SiteUrls.wire(asked).equals(ctx.req().getRequestURI())) {
            Located found = news.locate(slug).orElseThrow(() -> news.gone(slug)
                    ? new dev.byline.error.Gone("This article has been removed and will not come back.")
                    : new NotFound("This article does not exist, or is no longer published."));
            ctx.redirect(SiteUrls.wire(urls.article(found.slug(), found.publishedAt())), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        try {
            // comments come in pages (?page=N); a reader's own view (held comments, staff) only ever reaches a
            // request that bypasses the shared cache, and a reply form opened without JavaScript is rendered for it
            long page = PageNumber.parse(ctx.queryParam("page"));
            Discussions.Reader reader = comments.reader(ctx);
            if (reader.replyTo() != 0) {
                responder.serveForOneReader(ctx, 200, "article.jte",
                        () -> comments.discussions().attach(views.article(slug, asked), page, reader));
                return;
            }
            responder.serve(ctx, asked, page, "article.jte",
                    () -> comments.discussions().attach(views.article(slug, asked), page, reader));
        } catch (Moved moved) {
            ctx.redirect(SiteUrls.wire(moved.path()), HttpStatus.MOVED_PERMANENTLY);
        }
    }
}
