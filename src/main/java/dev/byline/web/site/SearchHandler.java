package dev.byline.web.site;

import dev.byline.error.NotFound;
import dev.byline.search.Audience;
import dev.byline.search.SearchResults;
import dev.byline.search.SearchService;
import dev.byline.search.SearchUnavailable;
import dev.byline.settings.Settings;
import dev.byline.taxonomy.Section;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * GET /search?q=… : the search page, rendered for each request and never put in the shared page cache (what it
 * shows depends on the query, and a publish would have to drop every one); {@code noindex}. An empty query shows
 * the form and the help; a page past the results is a 404; while the index is rebuilt, a 503 saying so.
 * WordPress's {@code /?s=…} is sent here with a 301 ({@link #fromWordPress}).
 */
public final class SearchHandler {

    private final SearchService search;
    private final Chromes chromes;
    private final SiteUrls urls;
    private final Supplier<Settings> settings;
    private final Supplier<List<Section>> sections;
    private final PageResponder responder;

    public SearchHandler(SearchService search, Chromes chromes, SiteUrls urls, Supplier<Settings> settings,
                         Supplier<List<Section>> sections, PageResponder responder) {
        this.search = search;
        this.chromes = chromes;
        this.urls = urls;
        this.settings = settings;
        this.sections = sections;
        this.responder = responder;
    }

    void handle(Context ctx) {
        SearchForm form = SearchForm.read(ctx::queryParam);
        Settings site = settings.get();
        List<Section> menu = sections.get();
        if (form.isEmpty()) {
            var chrome = chromes.chrome(site, menu, null, site.pageTitle("Search"),
                    "Search " + site.siteTitle() + ".", null, "website", null, null);
            respond(ctx, 200, SearchViews.empty(chrome, form, false, menu));
            return;
        }
        SearchResults results;
        try {
            results = search.search(form.request(site.zone()), Audience.READERS);
        } catch (SearchUnavailable e) {
            var chrome = chromes.chrome(site, menu, null, site.pageTitle("Search"), e.getMessage(), null,
                    "website", null, null);
            ctx.header("Retry-After", "30");
            respond(ctx, 503, SearchViews.empty(chrome, form, true, menu));
            return;
        }
        if (form.page() > 1 && results.hits().isEmpty()) {
            throw new NotFound("There is no page " + form.page() + " of these search results.");
        }
        String title = site.pageTitle("Search: " + results.text() + (form.page() > 1 ? " – page " + form.page() : ""));
        var chrome = chromes.chrome(site, menu, null, title, "Search results for " + results.text() + ".", null,
                "website", null, null);
        respond(ctx, 200, SearchViews.page(chrome, form, results, site, urls, menu));
    }

    private void respond(Context ctx, int status, SearchViews.SearchPage page) {
        responder.serveForOneReader(ctx, status, "search.jte", () -> new SiteViews.Rendered<>(page, Set.of()));
    }

    /** {@code /?s=words}: WordPress's search address, moved here for good (other parameters are dropped). */
    static boolean fromWordPress(Context ctx) {
        String words = ctx.queryParam("s");
        if (words == null) {
            return false;
        }
        ctx.redirect("/search" + (words.isEmpty() ? "" : "?q=" + java.net.URLEncoder.encode(words,
                java.nio.charset.StandardCharsets.UTF_8)), HttpStatus.MOVED_PERMANENTLY);
        return true;
    }
}
