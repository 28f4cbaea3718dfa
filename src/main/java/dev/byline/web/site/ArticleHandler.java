package dev.byline.web.site;

import dev.byline.article.Article;
import dev.byline.article.ArticleService;
import dev.byline.error.NotFound;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/**
 * GET /yyyy/mm/dd/slug/ : one published article. The slug finds it; a slug it had before answers 301 to where
 * it is now; drafts, scheduled and private articles are not found.
 */
final class ArticleHandler implements Handler {

    private final ArticleService articles;
    private final SiteViews views;
    private final SiteUrls urls;
    private final PageResponder responder;

    ArticleHandler(ArticleService articles, SiteViews views, SiteUrls urls, PageResponder responder) {
        this.articles = articles;
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
        String slug = ctx.pathParam("slug");
        Article article = articles.findBySlug(slug).filter(Article::isPublic).orElse(null);
        if (article == null) {
            Article moved = articles.findByOldSlug(slug).filter(Article::isPublic)
                    .orElseThrow(() -> new NotFound("This article does not exist, or is no longer published."));
            ctx.redirect(SiteUrls.wire(urls.article(moved.slug(), moved.publishedAt())), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        responder.serve(ctx, urls.article(article.slug(), article.publishedAt()), 1, "article.jte",
                () -> views.article(article));
    }
}
