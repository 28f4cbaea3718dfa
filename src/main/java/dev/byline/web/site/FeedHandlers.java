package dev.byline.web.site;

import dev.byline.error.NotFound;
import dev.byline.news.FeedNews;
import dev.byline.news.Located;
import dev.byline.news.PublicFeeds;
import dev.byline.news.PublicNews;
import dev.byline.news.Shown;
import dev.byline.news.SitemapNews;
import dev.byline.settings.Settings;
import dev.byline.web.site.FeedWriter.Format;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The feeds at WordPress's addresses, the sitemaps and robots.txt. Each is made from the read model
 * ({@link PublicFeeds}) on a miss and kept in the page cache with the keys of what it shows, so the fast path
 * serves it until a write changes it (the news sitemap also when its oldest article ages out).
 *
 * <pre>
 *   /feed/  /feed/atom/                                   the site's newest articles, RSS 2.0 and Atom
 *   /section/world/feed/  /tag/…/feed/  /author/…/feed/   (and …/feed/atom/) a section's, tag's, author's
 *   /category/world/feed/                                 WordPress's section feed: 301 to /section/world/feed/
 *   /comments/feed/  /2025/10/08/slug/feed/               approved comments, site-wide and on one article
 * </pre>
 */
final class FeedHandlers {

    /** {@code 2025-10} or {@code 2025-10-2} (page 2 of a month past 50,000 articles). */
    private static final Pattern MONTH = Pattern.compile("(\\d{4}-\\d{2})(?:-([1-9]\\d{0,5}))?");

    private final PublicFeeds feeds;
    private final PublicNews news;
    private final FeedWriter writer;
    private final SitemapWriter sitemaps;
    private final SiteUrls urls;
    private final PageResponder responder;
    private final Supplier<Settings> settings;
    private final Clock clock;

    FeedHandlers(PublicFeeds feeds, PublicNews news, FeedWriter writer, SiteUrls urls, PageResponder responder,
                 Supplier<Settings> settings, Clock clock) {
        this.feeds = feeds;
        this.news = news;
        this.writer = writer;
        this.sitemaps = new SitemapWriter(writer, urls);
        this.urls = urls;
        this.responder = responder;
        this.settings = settings;
        this.clock = clock;
    }

    static String feedPath(String page, Format format) {
        return page + (format == Format.ATOM ? "feed/atom/" : "feed/");
    }

    void site(Context ctx, Format format) {
        articles(ctx, format, "/", size -> feeds.site(size));
    }

    /** A section renamed since: its old feed address answers 301 to the new one, as its archive does. */
    void section(Context ctx, Format format) {
        String slug = ctx.pathParam("slug");
        followingRenames(ctx, format, SiteUrls.section(slug), size -> feeds.section(slug, size),
                () -> news.sectionRenamedFrom(slug).map(section -> SiteUrls.section(section.slug())));
    }

    /** A tag renamed or merged into another since: 301 to the feed of where it is now. */
    void tag(Context ctx, Format format) {
        String slug = ctx.pathParam("slug");
        followingRenames(ctx, format, SiteUrls.tag(slug), size -> feeds.tag(slug, size),
                () -> news.tagRenamedFrom(slug).map(tag -> SiteUrls.tag(tag.slug())));
    }

    private void followingRenames(Context ctx, Format format, String page, Function<Integer, Shown<FeedNews>> read,
                                  Supplier<java.util.Optional<String>> movedTo) {
        try {
            articles(ctx, format, page, read);
        } catch (NotFound missing) {
            String moved = movedTo.get().orElseThrow(() -> missing);
            ctx.redirect(SiteUrls.wire(feedPath(moved, format)), HttpStatus.MOVED_PERMANENTLY);
        }
    }

    void author(Context ctx, Format format) {
        String slug = ctx.pathParam("slug");
        articles(ctx, format, SiteUrls.author(slug), size -> feeds.author(slug, size));
    }

    /** WordPress's {@code /category/slug/feed/}: the section's feed. */
    void category(Context ctx, Format format) {
        ctx.redirect(SiteUrls.wire(feedPath(SiteUrls.section(ctx.pathParam("slug")), format)),
                HttpStatus.MOVED_PERMANENTLY);
    }

    private void articles(Context ctx, Format format, String page, Function<Integer, Shown<FeedNews>> read) {
        String path = feedPath(page, format);
        responder.serveFile(ctx, path, format.contentType, () -> {
            Settings site = settings.get();
            Shown<FeedNews> shown = read.apply(site.feeds().items());
            return new SiteViews.Rendered<>(writer.articles(format, site, shown.content(), path, page),
                    shown.keys());
        });
    }

    void comments(Context ctx, Format format) {
        String path = feedPath("/comments/", format);
        responder.serveFile(ctx, path, format.contentType, () -> {
            Settings site = settings.get();
            var shown = feeds.comments(site.feeds().items());
            return new SiteViews.Rendered<>(writer.comments(format, site, shown.content(), null, path, "/"),
                    shown.keys());
        });
    }

    /** An article's comments; a wrong date or an old slug answers 301 to the feed's address now. */
    void articleComments(Context ctx, Format format) {
        Located found = news.locate(ctx.pathParam("slug"))
                .orElseThrow(() -> new NotFound("This article does not exist, or is no longer published."));
        String page = urls.article(found.slug(), found.publishedAt());
        String path = feedPath(page, format);
        responder.serveFile(ctx, path, format.contentType, () -> {
            Settings site = settings.get();
            var shown = feeds.comments(found.slug(), site.feeds().items());
            var article = shown.content();
            return new SiteViews.Rendered<>(writer.comments(format, site, article.comments(), article.title(),
                    path, page), shown.keys());
        });
    }

    void sitemapIndex(Context ctx) {
        responder.serveFile(ctx, "/sitemap.xml", SitemapWriter.CONTENT_TYPE, () -> {
            var shown = feeds.sitemapIndex();
            return new SiteViews.Rendered<>(sitemaps.index(shown.content()), shown.keys());
        });
    }

    /** {@code /sitemap-articles-2025-10.xml}, {@code …-2025-10-2.xml}; a month or page with nothing is 404. */
    void sitemapArticles(Context ctx) {
        Matcher matcher = MONTH.matcher(ctx.pathParam("month"));
        if (!matcher.matches()) {
            throw new NotFound("There is no such sitemap.");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(matcher.group(1));
        } catch (DateTimeParseException e) {
            throw new NotFound("There is no such sitemap.");
        }
        long page = matcher.group(2) == null ? 1 : Long.parseLong(matcher.group(2));
        responder.serveFile(ctx, SitemapWriter.month(month, page), SitemapWriter.CONTENT_TYPE, () -> {
            var shown = feeds.sitemapMonth(month, page);
            return new SiteViews.Rendered<>(sitemaps.articles(shown.content()), shown.keys());
        });
    }

    void sitemapSections(Context ctx) {
        archives(ctx, "/sitemap-sections.xml", feeds::sitemapSections, SiteUrls::section);
    }

    void sitemapTags(Context ctx) {
        archives(ctx, "/sitemap-tags.xml", feeds::sitemapTags, SiteUrls::tag);
    }

    void sitemapAuthors(Context ctx) {
        archives(ctx, "/sitemap-authors.xml", feeds::sitemapAuthors, SiteUrls::author);
    }

    private void archives(Context ctx, String path, Supplier<Shown<java.util.List<SitemapNews.Archive>>> read,
                          Function<String, String> archive) {
        responder.serveFile(ctx, path, SitemapWriter.CONTENT_TYPE, () -> {
            var shown = read.get();
            return new SiteViews.Rendered<>(sitemaps.archives(shown.content(), archive), shown.keys());
        });
    }

    void sitemapPages(Context ctx) {
        responder.serveFile(ctx, "/sitemap-pages.xml", SitemapWriter.CONTENT_TYPE, () -> {
            var shown = feeds.sitemapPages();
            return new SiteViews.Rendered<>(sitemaps.pages(shown.content()), shown.keys());
        });
    }

    /** The last 48 hours: expires from the cache when its oldest article ages out, whatever is written. */
    void sitemapNews(Context ctx) {
        responder.serveFile(ctx, "/sitemap-news.xml", SitemapWriter.CONTENT_TYPE, () -> {
            Settings site = settings.get();
            var shown = feeds.recent(clock.instant());
            return new SiteViews.Rendered<>(sitemaps.news(shown.content(), site.siteTitle(), newsLanguage(site.language())),
                    shown.keys(), shown.content().expiresAt());
        });
    }

    /** Google News takes an ISO 639 code, and zh-cn or zh-tw for Chinese. */
    static String newsLanguage(String tag) {
        String lower = tag.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        if (lower.startsWith("zh-")) {
            return lower.contains("tw") || lower.contains("hant") || lower.contains("hk") ? "zh-tw" : "zh-cn";
        }
        int dash = lower.indexOf('-');
        return dash < 0 ? lower : lower.substring(0, dash);
    }

    /** Everyone may crawl everything; the sitemaps are named here (search engines read it: no pings). */
    void robots(Context ctx) {
        ctx.contentType("text/plain; charset=utf-8").header(Header.CACHE_CONTROL, "public, max-age=3600")
                .result("User-agent: *\nAllow: /\n\nSitemap: " + writer.absolute("/sitemap.xml") + "\nSitemap: "
                        + writer.absolute("/sitemap-news.xml") + "\n");
    }
}
