package dev.byline.web.api;

import dev.byline.search.Audience;
import dev.byline.search.SearchResults;
import dev.byline.search.SearchService;
import dev.byline.search.SearchUnavailable;
import dev.byline.settings.Settings;
import dev.byline.web.site.SearchForm;
import dev.byline.web.site.SiteUrls;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;

/**
 * GET /api/v1/search?q=… : the search page's twin in JSON, with the same parameters ({@link SearchForm}) and the
 * same results (readers': published articles only). Titles and snippets come as escaped HTML with {@code <mark>}
 * around the words found, and as plain text. While the index is rebuilt: 503 as problem details.
 */
final class SearchApi {

    record Found(String query, long total, int page, int pageSize, long pages, String suggestion,
                 List<String> problems, List<Item> results) {
    }

    record Item(long id, String url, String title, String titleHtml, String snippetHtml, Named section,
                String publishedAt, List<Named> authors) {
    }

    record Named(String slug, String name) {
    }

    private final SearchService search;
    private final SiteUrls urls;
    private final Supplier<Settings> settings;

    SearchApi(SearchService search, SiteUrls urls, Supplier<Settings> settings) {
        this.search = search;
        this.urls = urls;
        this.settings = settings;
    }

    void handle(Context ctx) {
        SearchForm form = SearchForm.read(ctx::queryParam);
        if (form.isEmpty()) {
            Json.send(ctx, 200, Json.CONTENT_TYPE, new Found("", 0, 1, 10, 0, null, form.problems(), List.of()));
            return;
        }
        SearchResults results;
        try {
            results = search.search(form.request(settings.get().zone()), Audience.READERS);
        } catch (SearchUnavailable e) {
            ctx.header("Retry-After", "30");
            Json.send(ctx, 503, Problems.CONTENT_TYPE, new Problems.Problem("about:blank", "Service Unavailable", 503,
                    e.getMessage(), null));
            return;
        }
        if (form.page() > 1 && results.hits().isEmpty()) {
            throw new dev.byline.error.NotFound("There is no page " + form.page() + " of these search results.");
        }
        List<Item> items = results.hits().stream().map(hit -> new Item(hit.id(),
                urls.article(hit.slug(), hit.publishedAt()), hit.title(), hit.titleHtml(), hit.snippetHtml(),
                hit.section() == null ? null : new Named(hit.section().slug(), hit.section().name()),
                hit.publishedAt().toString(),
                hit.authors().stream().map(author -> new Named(author.slug(), author.name())).toList())).toList();
        Json.send(ctx, 200, Json.CONTENT_TYPE, new Found(results.text(), results.total(), results.page(),
                results.pageSize(), results.pages(), results.suggestion(), form.problems(), items));
    }
}
