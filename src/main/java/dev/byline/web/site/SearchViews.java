package dev.byline.web.site;

import dev.byline.search.IndexedArticle.Named;
import dev.byline.search.SearchHit;
import dev.byline.search.SearchResults;
import dev.byline.settings.Settings;
import dev.byline.taxonomy.Section;
import dev.byline.web.site.Views.Chrome;
import dev.byline.web.site.Views.Link;
import dev.byline.web.site.Views.Pagination;
import java.util.List;

/** The search page's record and how a page of results becomes it. */
public final class SearchViews {

    private SearchViews() {
    }

    /**
     * The search page.
     *
     * @param searched    words were typed (else the page is the form and the help)
     * @param unavailable the index is being rebuilt: say so (503), show no results
     * @param totalText   "3 results for “harbour”"
     * @param suggestion  "did you mean" text, or null; {@code suggestionUrl} its search
     * @param sections    the section filter's choices, by slug
     */
    public record SearchPage(Chrome chrome, SearchForm form, boolean searched, boolean unavailable, long total,
                             String totalText, List<Result> results, String suggestion, String suggestionUrl,
                             Pagination pagination, List<Link> sections) {
    }

    /**
     * One result. {@code titleHtml} and {@code snippetHtml} are escaped text with {@code <mark>} around the words
     * found, from the index's highlighter: the only HTML the template emits unescaped here.
     */
    public record Result(String url, String titleHtml, String snippetHtml, Link section, String dateIso,
                         String dateText, List<Link> authors) {
    }

    static SearchPage page(Chrome chrome, SearchForm form, SearchResults results, Settings site, SiteUrls urls,
                           List<Section> sections) {
        List<Result> shown = results.hits().stream().map(hit -> result(hit, site, urls)).toList();
        String path = "/search";
        Pagination pagination = new Pagination(results.page(),
                results.page() > 1 ? form.url(path, form.q(), results.page() - 1) : null,
                results.hasNext() ? form.url(path, form.q(), results.page() + 1) : null);
        String count = results.total() == 1 ? "1 result" : String.format("%,d results", results.total());
        return new SearchPage(chrome, form, true, false, results.total(),
                count + " for “" + results.text() + "”", shown, results.suggestion(),
                results.suggestion() == null ? null : form.url(path, results.suggestion(), 1), pagination,
                choices(sections));
    }

    static SearchPage empty(Chrome chrome, SearchForm form, boolean unavailable, List<Section> sections) {
        return new SearchPage(chrome, form, false, unavailable, 0, "", List.of(), null, null,
                new Pagination(1, null, null), choices(sections));
    }

    private static List<Link> choices(List<Section> sections) {
        return sections.stream().map(section -> new Link(section.name(), section.slug(), false)).toList();
    }

    private static Result result(SearchHit hit, Settings site, SiteUrls urls) {
        Named section = hit.section();
        return new Result(urls.article(hit.slug(), hit.publishedAt()), hit.titleHtml(), hit.snippetHtml(),
                section == null ? null : new Link(section.name(), SiteUrls.section(section.slug()), false),
                hit.publishedAt().atZone(site.zone()).toOffsetDateTime().toString(),
                site.formatDate(hit.publishedAt()),
                hit.authors().stream().map(author -> new Link(author.name(), SiteUrls.author(author.slug()), false))
                        .toList());
    }
}
