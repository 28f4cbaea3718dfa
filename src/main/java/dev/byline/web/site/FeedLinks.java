package dev.byline.web.site;

import dev.byline.web.site.Views.ArchivePage;
import dev.byline.web.site.Views.ArticlePage;
import dev.byline.web.site.Views.Chrome;
import java.util.ArrayList;
import java.util.List;

/**
 * The feeds a page names in its head for autodiscovery ({@code <link rel="alternate">}), besides the site's own
 * that every page names (layout.jte): an archive its own feed; an article its section's, its tags', its authors'
 * and its comments'. Made from what the page record already holds, so the records stay as they are.
 */
public final class FeedLinks {

    /** One feed: its title, its address (absolute) and its content type. */
    public record FeedLink(String title, String href, String type) {
    }

    private static final String RSS = "application/rss+xml";

    private FeedLinks() {
    }

    /** The site's feeds, for every page. */
    public static List<FeedLink> site(Chrome chrome) {
        return List.of(new FeedLink(chrome.siteName() + " » Feed", chrome.baseUrl() + "/feed/", RSS),
                new FeedLink(chrome.siteName() + " » Atom feed", chrome.baseUrl() + "/feed/atom/",
                        "application/atom+xml"),
                new FeedLink(chrome.siteName() + " » Comments feed", chrome.baseUrl() + "/comments/feed/", RSS));
    }

    /** A section's, tag's or author's archive: its own feed (at its first page's address + feed/). */
    public static List<FeedLink> of(ArchivePage page) {
        Chrome chrome = page.chrome();
        if (chrome.canonicalUrl() == null) {
            return List.of();
        }
        String url = chrome.canonicalUrl();
        int query = url.indexOf('?');
        String archive = query < 0 ? url : url.substring(0, query);
        return List.of(new FeedLink(chrome.siteName() + " » " + page.heading() + " " + page.kind().toLowerCase(
                java.util.Locale.ROOT) + " feed", archive + "feed/", RSS));
    }

    /** An article: its section's, its tags', its authors' feeds, and its comments'. */
    public static List<FeedLink> of(ArticlePage page) {
        Chrome chrome = page.chrome();
        var links = new ArrayList<FeedLink>();
        var article = page.article();
        if (!article.sectionTrail().isEmpty()) {
            var section = article.sectionTrail().getLast();
            links.add(link(chrome, section.label() + " section feed", section.url()));
        }
        article.tags().forEach(tag -> links.add(link(chrome, tag.label() + " tag feed", tag.url())));
        article.authors().forEach(author -> links.add(link(chrome, author.name() + " author feed", author.url())));
        if (page.articleId() != 0) {
            links.add(link(chrome, article.title() + " comments feed", article.url()));
        }
        return links;
    }

    private static FeedLink link(Chrome chrome, String what, String pageUrl) {
        String absolute = pageUrl.startsWith("http") ? pageUrl : chrome.baseUrl() + SiteUrls.wire(pageUrl);
        return new FeedLink(chrome.siteName() + " » " + what, absolute + (absolute.endsWith("/") ? "" : "/") + "feed/",
                RSS);
    }
}
