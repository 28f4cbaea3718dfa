package dev.byline.web.site;

import dev.byline.web.support.Bypass;
import dev.byline.web.support.CachedPage;
import dev.byline.web.support.PageCache;
import dev.byline.web.support.Templates;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Request;

/**
 * Answers a public page request: redirects to the canonical URL when the request spelled it differently, else
 * serves the page from the cache, rendering it on a miss. Hits on the canonical URL never get here; the
 * {@link dev.byline.web.support.CacheFastPath} answers them first. A request the {@link Bypass} rule names gets a
 * page rendered for it alone, which neither comes from nor goes into the shared cache.
 */
public final class PageResponder {

    private final PageCache cache;
    private final Templates templates;
    private final Map<String, String> securityHeaders;
    private final Clock clock;
    private final Supplier<Instant> layoutValidUntil;
    private final Predicate<Request> bypass;

    /**
     * @param layoutValidUntil when what every page's layout shows goes out of date (the footer's year):
     *                         {@link Chromes#validUntil}
     * @param bypass           the same rule the fast path was given
     */
    public PageResponder(PageCache cache, Templates templates, Map<String, String> securityHeaders, Clock clock,
                         Supplier<Instant> layoutValidUntil, Predicate<Request> bypass) {
        this.cache = cache;
        this.templates = templates;
        this.securityHeaders = securityHeaders;
        this.clock = clock;
        this.layoutValidUntil = layoutValidUntil;
        this.bypass = bypass;
    }

    /**
     * @param path   the canonical path, e.g. /section/world/
     * @param page   the page number asked for (1 when not paginated)
     * @param render builds the page record and its keys; may throw NotFound
     */
    public void serve(Context ctx, String path, long page, String template,
                      Supplier<SiteViews.Rendered<?>> render) {
        String wirePath = SiteUrls.wire(path);
        String pageParam = ctx.queryParam("page");
        if (!ctx.req().getRequestURI().equals(wirePath) || "1".equals(pageParam) || isPaddedNumber(pageParam)) {
            ctx.redirect(SiteUrls.page(wirePath, page), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        if (Bypass.applies(bypass, ctx.req())) {
            send(ctx, renderPage(template, render).forOneReader());
            return;
        }
        send(ctx, cache.get(SiteUrls.page(wirePath, page), () -> renderPage(template, render)));
    }

    /**
     * A feed, sitemap or other file made from the news (not a template): from the same cache and fast path as the
     * pages, by its canonical path. A request that spells the path otherwise gets a 301 to it; a query string is
     * ignored (the cached file answers it). {@code render} may throw NotFound.
     */
    public void serveFile(Context ctx, String path, String contentType, Supplier<SiteViews.Rendered<byte[]>> render) {
        String wirePath = SiteUrls.wire(path);
        if (!ctx.req().getRequestURI().equals(wirePath)) {
            ctx.redirect(wirePath, HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        Supplier<CachedPage> make = () -> {
            SiteViews.Rendered<byte[]> rendered = render.get();
            return CachedPage.of(contentType, rendered.page(), rendered.keys(), clock.instant(), rendered.expiresAt());
        };
        if (Bypass.applies(bypass, ctx.req())) {
            send(ctx, make.get().forOneReader());
            return;
        }
        send(ctx, cache.get(wirePath, make));
    }

    /**
     * A page for this request alone, with {@code status}: never from or into the shared cache, marked private (a
     * comment form sent back with what was typed, a reply form opened without JavaScript).
     */
    public void serveForOneReader(Context ctx, int status, String template,
                                  Supplier<SiteViews.Rendered<?>> render) {
        CachedPage page = renderPage(template, render).forOneReader();
        send(ctx, page);
        ctx.status(status);
    }

    private CachedPage renderPage(String template, Supplier<SiteViews.Rendered<?>> render) {
        // before the render reads the clock for the year: a render across midnight expires at once, not in a year
        Instant validUntil = layoutValidUntil.get();
        SiteViews.Rendered<?> rendered = render.get();
        if (rendered.expiresAt() != null && rendered.expiresAt().isBefore(validUntil)) {
            validUntil = rendered.expiresAt();
        }
        return CachedPage.of("text/html; charset=utf-8", templates.render(template, rendered.page()),
                rendered.keys(), clock.instant(), validUntil);
    }

    static void send(Context ctx, CachedPage page) {
        CachedPage.Reply reply = page.reply(ctx.header(Header.IF_NONE_MATCH), ctx.header(Header.IF_MODIFIED_SINCE),
                ctx.header(Header.ACCEPT_ENCODING));
        ctx.status(reply.status());
        ctx.header(Header.CACHE_CONTROL, page.cacheControl());
        ctx.header(Header.VARY, "Accept-Encoding");
        ctx.header(Header.ETAG, reply.etag());
        ctx.header(Header.LAST_MODIFIED, page.lastModifiedHeader());
        if (!page.surrogateKey().isEmpty()) {
            ctx.header("Surrogate-Key", page.surrogateKey());
        }
        if (reply.body() == null) {
            return;
        }
        ctx.contentType(page.contentType());
        if (reply.gzip()) {
            ctx.header(Header.CONTENT_ENCODING, "gzip");
        }
        ctx.header(Header.CONTENT_LENGTH, String.valueOf(reply.body().length));
        ctx.result(reply.body());
    }

    Map<String, String> securityHeaders() {
        return securityHeaders;
    }

    private static boolean isPaddedNumber(String pageParam) {
        return pageParam != null && pageParam.length() > 1 && pageParam.startsWith("0");
    }
}
