package dev.byline.web.site;

import dev.byline.news.PublicNews;
import dev.byline.web.Routes;
import dev.byline.web.Surface;
import dev.byline.web.support.Assets;
import dev.byline.web.support.CacheFastPath;
import dev.byline.web.support.MediaFiles;
import dev.byline.web.support.PageCache;
import dev.byline.web.support.Templates;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.javalin.http.ServiceUnavailableResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;

/**
 * The public site as a {@link Surface}: every route in one table (each GET route answers HEAD too), errors as
 * HTML pages ({@link ErrorPages}), the site's security headers, and in front of routing the shared page cache its
 * pages are served from and the media files. No other surface has a page cache: their answers cannot enter it.
 */
public final class SiteRoutes implements Surface {

    /** Readers send nothing but their requests today; comment forms will be well under this. */
    static final long MAX_REQUEST_BYTES = 64 * 1024;

    /** What the site's handlers need: there once the database is open and migrated. */
    public record Needs(PublicNews news, SiteViews views, SiteUrls urls, PageResponder responder, Assets assets,
                        Templates templates, CommentNeeds comments) {
    }

    /**
     * What the discussion under articles needs: the comment service, the thread and form as page records, and who
     * a session cookie's token belongs to (staff comment as themselves).
     */
    public record CommentNeeds(dev.byline.comment.CommentService service, Discussions discussions,
                               java.util.function.Function<String, java.util.Optional<dev.byline.account.User>> staff,
                               java.time.Clock clock) {
    }

    /** An article's address, where its comment form posts. */
    private static final java.util.regex.Pattern ARTICLE_PATH = java.util.regex.Pattern.compile(
            "/\\d{4}/\\d{2}/\\d{2}/[^/]+/?");

    /** The comment form's body: WordPress's 65,525 characters, percent-encoded, with room to spare. */
    static final long MAX_COMMENT_BYTES = 1024 * 1024;

    private record Handlers(HomeHandler home, ArticleHandler article, ArchiveHandlers archives, FileHandlers files,
                            PageHandler page, CommentHandlers comments) {
    }

    private final CompletableFuture<Handlers> handlers = new CompletableFuture<>();
    private final CompletableFuture<SearchHandler> search = new CompletableFuture<>();
    /** The feeds, sitemaps and robots.txt: ready with the rest ({@link #readyFeeds}). */
    private final CompletableFuture<FeedHandlers> feeds = new CompletableFuture<>();

    /** What the feeds and sitemaps need: their read model, the base URL for absolute links, the settings. */
    public record FeedNeeds(dev.byline.news.PublicFeeds feeds, PublicNews news, SiteUrls urls, String baseUrl,
                            PageResponder responder,
                            java.util.function.Supplier<dev.byline.settings.Settings> settings, java.time.Clock clock) {
    }
    private final ErrorPages errors;
    private final String faviconUrl;
    private final Map<String, String> headers;
    /** The same headers with Gravatar's host among the image sources, for while the site shows its avatars. */
    private final Map<String, String> gravatarHeaders;
    private volatile java.util.function.BooleanSupplier gravatar = () -> false;
    private final PageCache cache;
    private final Predicate<Request> bypass;
    private final Path mediaRoot;

    /**
     * The routes can be registered, and the server started, while the database is still opening: a request
     * that arrives first waits for {@link #ready}.
     *
     * @param cache  the shared page cache; the site's {@link PageResponder} fills it
     * @param bypass requests that must never get shared bytes (see {@link dev.byline.web.support.Bypass})
     */
    public SiteRoutes(Templates templates, String faviconUrl, Map<String, String> headers, PageCache cache,
                      Predicate<Request> bypass, Path mediaRoot) {
        this.errors = new ErrorPages(templates);
        this.faviconUrl = faviconUrl;
        this.headers = Map.copyOf(headers);
        var relaxed = new java.util.LinkedHashMap<>(headers);
        relaxed.computeIfPresent("Content-Security-Policy", (name, policy) -> policy.replace("img-src 'self' data:",
                "img-src 'self' data: " + dev.byline.web.support.SecurityHeaders.GRAVATAR));
        this.gravatarHeaders = Map.copyOf(relaxed);
        this.cache = cache;
        this.bypass = bypass;
        this.mediaRoot = mediaRoot;
    }

    /**
     * Follows the setting "Show avatars from Gravatar": while it is on, every answer's Content-Security-Policy lets
     * images come from Gravatar's host; while it is off, from this site only.
     */
    public void showsGravatar(java.util.function.BooleanSupplier setting) {
        this.gravatar = setting;
    }

    /** For the change feed: what error pages show may have changed. */
    public void onChange(dev.byline.change.Change change) {
        errors.forget();
    }

    public void ready(Needs needs) {
        errors.ready(needs.views());
        var comments = new CommentHandlers(needs.comments(), needs.views(), needs.urls(), needs.responder());
        handlers.complete(new Handlers(new HomeHandler(needs.views(), needs.responder()),
                new ArticleHandler(needs.news(), needs.views(), needs.urls(), needs.responder(), comments),
                new ArchiveHandlers(needs.views(), needs.responder()),
                new FileHandlers(needs.assets()),
                new PageHandler(needs.news(), needs.views(), needs.responder()), comments));
    }

    /** The search page's handler, once the search index is open. */
    public void readySearch(SearchHandler handler) {
        search.complete(handler);
    }

    /** The feeds and sitemaps can be served: after {@link #ready}, at start-up. */
    public void readyFeeds(FeedNeeds needs) {
        feeds.complete(new FeedHandlers(needs.feeds(), needs.news(),
                new FeedWriter(needs.baseUrl(), needs.urls(), mediaRoot), needs.urls(), needs.responder(),
                needs.settings(), needs.clock()));
    }

    /** Start-up failed: requests waiting for {@link #ready}, and any still arriving, get a 503 instead. */
    public void failed(Throwable cause) {
        errors.failed(cause);
        handlers.completeExceptionally(cause);
        search.completeExceptionally(cause);
        feeds.completeExceptionally(cause);
    }

    @Override
    public String pathPrefix() {
        return "/";
    }

    @Override
    public void register(Routes routes) {
        routes.get("/", ctx -> {
            if (!SearchHandler.fromWordPress(ctx)) { // WordPress's /?s=words: 301 to /search?q=words
                handlers().home().handle(ctx);
            }
        });
        routes.get("/search", ctx -> searchHandler().handle(ctx));
        routes.get("/assets/{name}", ctx -> handlers().files().asset(ctx));
        routes.get("/media/<path>", ctx -> handlers().files().media(ctx));
        routes.get("/favicon.ico", ctx -> ctx.redirect(faviconUrl, HttpStatus.MOVED_PERMANENTLY));
        // crawlers ask for it constantly; answering with a rendered 404 page each time would be waste
        routes.get("/robots.txt", ctx -> feeds().robots(ctx)); // names the sitemaps
        registerFeeds(routes);
        routes.get("/section/{slug}", ctx -> handlers().archives().section(ctx));
        routes.get("/tag/{slug}", ctx -> handlers().archives().tag(ctx));
        routes.get("/author/{slug}", ctx -> handlers().archives().author(ctx));
        routes.get("/{year}/{month}/{day}/{slug}", ctx -> handlers().article().handle(ctx));
        // the comment form posts to its article's address (the held-comment cookie is scoped to it) or here, then
        // 303 to the comment; its script asks for a fresh token
        routes.post("/{year}/{month}/{day}/{slug}", ctx -> handlers().comments().post(ctx));
        routes.post("/comments", ctx -> handlers().comments().post(ctx));
        routes.get("/comments/token", ctx -> handlers().comments().token(ctx));
        routes.get("/comments/unsubscribe", ctx -> handlers().comments().unsubscribe(ctx));
        // pages (About, Contact) at /slug/, last: every fixed route above comes first, and a page's slug may not be
        // a word they use (ArticleService.RESERVED_PAGE_SLUGS)
        routes.get("/{slug}", ctx -> handlers().page().handle(ctx));
    }

    @Override
    public Map<String, String> headers() {
        return gravatar.getAsBoolean() ? gravatarHeaders : headers;
    }

    @Override
    public long maxRequestBytes() {
        return MAX_REQUEST_BYTES;
    }

    @Override
    public long maxRequestBytes(String path) {
        return "/comments".equals(path) || ARTICLE_PATH.matcher(path).matches() ? MAX_COMMENT_BYTES
                : MAX_REQUEST_BYTES;
    }

    @Override
    public void fail(Context ctx, Exception error) {
        errors.fail(ctx, error);
    }

    /** Cached pages (unless the request must bypass them), then media files (Jetty's resource serving). */
    @Override
    public List<Handler.Wrapper> inFront() {
        return List.of(new CacheFastPath(cache, this::headers, bypass), new MediaFiles(mediaRoot, headers));
    }

    private SearchHandler searchHandler() {
        handlers();
        try {
            return search.join();
        } catch (CompletionException startFailed) {
            throw new ServiceUnavailableResponse("The site is not available. Please try again later.");
        }
    }

    /**
     * The feeds at WordPress's addresses, each with its Atom twin, and the sitemaps: before the article and page
     * routes, whose patterns would take them.
     */
    private void registerFeeds(Routes routes) {
        for (FeedWriter.Format format : FeedWriter.Format.values()) {
            String feed = format == FeedWriter.Format.ATOM ? "/feed/atom" : "/feed";
            routes.get(feed, ctx -> feeds().site(ctx, format));
            routes.get("/comments" + feed, ctx -> feeds().comments(ctx, format));
            routes.get("/section/{slug}" + feed, ctx -> feeds().section(ctx, format));
            routes.get("/category/{slug}" + feed, ctx -> feeds().category(ctx, format));
            routes.get("/tag/{slug}" + feed, ctx -> feeds().tag(ctx, format));
            routes.get("/author/{slug}" + feed, ctx -> feeds().author(ctx, format));
            routes.get("/{year}/{month}/{day}/{slug}" + feed, ctx -> feeds().articleComments(ctx, format));
        }
        // WordPress's other spellings of the site feed
        for (String alias : java.util.List.of("/feed/rss2", "/feed/rss", "/rss")) {
            routes.get(alias, ctx -> ctx.redirect("/feed/", HttpStatus.MOVED_PERMANENTLY));
        }
        routes.get("/atom", ctx -> ctx.redirect("/feed/atom/", HttpStatus.MOVED_PERMANENTLY));
        routes.get("/sitemap.xml", ctx -> feeds().sitemapIndex(ctx));
        routes.get("/sitemap-articles-{month}.xml", ctx -> feeds().sitemapArticles(ctx));
        routes.get("/sitemap-sections.xml", ctx -> feeds().sitemapSections(ctx));
        routes.get("/sitemap-tags.xml", ctx -> feeds().sitemapTags(ctx));
        routes.get("/sitemap-authors.xml", ctx -> feeds().sitemapAuthors(ctx));
        routes.get("/sitemap-pages.xml", ctx -> feeds().sitemapPages(ctx));
        routes.get("/sitemap-news.xml", ctx -> feeds().sitemapNews(ctx));
    }

    private FeedHandlers feeds() {
        try {
            return feeds.join();
        } catch (CompletionException startFailed) {
            throw new ServiceUnavailableResponse("The site is not available. Please try again later.");
        }
    }

    private Handlers handlers() {
        try {
            return handlers.join();
        } catch (CompletionException startFailed) {
            throw new ServiceUnavailableResponse("The site is not available. Please try again later.");
        }
    }
}
