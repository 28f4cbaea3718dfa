package dev.byline.web.site;

import dev.byline.article.ArticleService;
import dev.byline.media.MediaService;
import dev.byline.people.AuthorService;
import dev.byline.taxonomy.TaxonomyService;
import dev.byline.web.support.Assets;
import dev.byline.web.support.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/** Every route of the public site, in one table. Each GET route answers HEAD too. */
public final class SiteRoutes {

    private final HomeHandler home;
    private final ArticleHandler article;
    private final ArchiveHandlers archives;
    private final FileHandlers files;
    private final ErrorPages errors;

    public SiteRoutes(ArticleService articles, AuthorService authors, TaxonomyService taxonomy, MediaService media,
                      SiteViews views, SiteUrls urls, PageResponder responder, Assets assets, Templates templates) {
        this.home = new HomeHandler(views, responder);
        this.article = new ArticleHandler(articles, views, urls, responder);
        this.archives = new ArchiveHandlers(taxonomy, authors, views, responder);
        this.files = new FileHandlers(assets, media);
        this.errors = new ErrorPages(views, templates);
    }

    public void register(RoutesConfig routes, String faviconUrl) {
        read(routes, "/", home);
        read(routes, "/assets/{name}", files::asset);
        read(routes, "/media/<path>", files::media);
        read(routes, "/favicon.ico", ctx -> ctx.redirect(faviconUrl, HttpStatus.MOVED_PERMANENTLY));
        read(routes, "/section/{slug}", archives::section);
        read(routes, "/tag/{slug}", archives::tag);
        read(routes, "/author/{slug}", archives::author);
        read(routes, "/{year}/{month}/{day}/{slug}", article);
        errors.register(routes);
    }

    private static void read(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }
}
