package dev.byline.web.site;

import dev.byline.article.ArticleService;
import dev.byline.media.MediaService;
import dev.byline.people.AuthorService;
import dev.byline.taxonomy.TaxonomyService;
import dev.byline.web.support.Assets;
import dev.byline.web.support.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.javalin.http.ServiceUnavailableResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Every route of the public site, in one table. Each GET route answers HEAD too. */
public final class SiteRoutes {

    /** What the site's handlers need: there once the database is open and migrated. */
    public record Needs(ArticleService articles, AuthorService authors, TaxonomyService taxonomy, MediaService media,
                        SiteViews views, SiteUrls urls, PageResponder responder, Assets assets, Templates templates) {
    }

    private record Handlers(HomeHandler home, ArticleHandler article, ArchiveHandlers archives, FileHandlers files) {
    }

    private final CompletableFuture<Handlers> handlers = new CompletableFuture<>();
    private final ErrorPages errors;

    /**
     * The routes can be registered, and the server started, while the database is still opening: a request
     * that arrives first waits for {@link #ready}.
     */
    public SiteRoutes(Templates templates) {
        this.errors = new ErrorPages(templates);
    }

    /** For the change feed: what error pages show may have changed. */
    public void onChange(dev.byline.change.Change change) {
        errors.forget();
    }

    public void ready(Needs needs) {
        errors.ready(needs.views());
        handlers.complete(new Handlers(new HomeHandler(needs.views(), needs.responder()),
                new ArticleHandler(needs.articles(), needs.views(), needs.urls(), needs.responder()),
                new ArchiveHandlers(needs.taxonomy(), needs.authors(), needs.views(), needs.responder()),
                new FileHandlers(needs.assets())));
    }

    /** Start-up failed: requests waiting for {@link #ready}, and any still arriving, get a 503 instead. */
    public void failed(Throwable cause) {
        errors.failed(cause);
        handlers.completeExceptionally(cause);
    }

    public void register(RoutesConfig routes, String faviconUrl) {
        read(routes, "/", ctx -> handlers().home().handle(ctx));
        read(routes, "/assets/{name}", ctx -> handlers().files().asset(ctx));
        read(routes, "/media/<path>", ctx -> handlers().files().media(ctx));
        read(routes, "/favicon.ico", ctx -> ctx.redirect(faviconUrl, HttpStatus.MOVED_PERMANENTLY));
        // crawlers ask for it constantly; answering with a rendered 404 page each time would be waste
        read(routes, "/robots.txt", ctx -> ctx.contentType("text/plain; charset=utf-8")
                .header(Header.CACHE_CONTROL, "public, max-age=3600").result("User-agent: *\nAllow: /\n"));
        read(routes, "/section/{slug}", ctx -> handlers().archives().section(ctx));
        read(routes, "/tag/{slug}", ctx -> handlers().archives().tag(ctx));
        read(routes, "/author/{slug}", ctx -> handlers().archives().author(ctx));
        read(routes, "/{year}/{month}/{day}/{slug}", ctx -> handlers().article().handle(ctx));
        errors.register(routes);
    }

    private Handlers handlers() {
        try {
            return handlers.join();
        } catch (CompletionException startFailed) {
            throw new ServiceUnavailableResponse("The site is not available. Please try again later.");
        }
    }

    private static void read(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }
}
