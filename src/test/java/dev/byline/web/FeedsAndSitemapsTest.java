package dev.byline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.Actor;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.comment.CommentModeration;
import dev.byline.comment.CommentStatus;
import dev.byline.comment.Submission;
import dev.byline.config.Config;
import dev.byline.people.Author;
import dev.byline.support.Http;
import dev.byline.support.MutableClock;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.Tag;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The feeds and sitemaps over real HTTP on the demo site, on SQLite and PostgreSQL: what they carry, that they are
 * served from the page cache and dropped exactly by the writes that change them (publishing, editing,
 * unpublishing, deleting an article; approving a comment), that the news sitemap expires as articles age out, that
 * a draft is never in any of them, and that bad addresses get a 404, never a 500.
 */
class FeedsAndSitemapsTest {

    enum Db {
        SQLITE, POSTGRES
    }

    /** Demo articles are published in October 2025 (and around); the clock stands a year later. */
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final String THIS_MONTH = "/sitemap-articles-2026-11.xml";
    static final String DEMO_MONTH = "/sitemap-articles-2025-10.xml";

    @TempDir
    Path dir;
    @TempDir
    Path dirB;
    final MutableClock clock = new MutableClock(NOW);

    private static Byline start(Db db, Path dir, MutableClock clock) {
        Config config = (db == Db.SQLITE ? TestDatabases.SQLITE : TestDatabases.POSTGRES).config(dir).withDemo(true);
        return Byline.start(config, clock);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void feedsAndSitemapsFollowEveryWriteToAnArticleAndNothingElse(Db db) {
        try (Byline site = start(db, dir, clock)) {
            var http = new Http(site.baseUrl());
            var services = site.services();
            var articles = services.articles();
            Section asia = services.taxonomy().findSectionBySlug("asia").orElseThrow();
            Section europe = services.taxonomy().findSectionBySlug("europe").orElseThrow();
            Tag taliban = services.taxonomy().findTagBySlug("taliban").orElseThrow();
            Author someone = services.authors().all().getFirst();
            String authorFeed = "/author/" + someone.slug() + "/feed/";
            List<String> touched = List.of("/feed/", "/feed/atom/", "/section/asia/feed/",
                    "/section/asia/feed/atom/", "/tag/taliban/feed/", authorFeed, "/sitemap.xml", THIS_MONTH,
                    "/sitemap-news.xml", "/sitemap-sections.xml", "/sitemap-tags.xml", "/sitemap-authors.xml");
            // the site-wide comment feed goes with a publish or unpublish (an article coming back brings its
            // approved comments back), not with an edit
            List<String> untouched = List.of("/section/europe/feed/", DEMO_MONTH, "/sitemap-pages.xml");

            // a draft is in no feed or sitemap, and saving it drops none of them
            cacheAll(http, site, touched.subList(0, 6));
            cacheAll(http, site, untouched);
            Article draft = articles.find(articles.save(new ArticleDraft(0, "An unfinished draft about Kabul", "",
                    "", "Not yet.", "", null, ArticleStatus.DRAFT, asia.id(), List.of(someone.id()),
                    List.of("Taliban"), null)).id()).orElseThrow();
            site.catchUp();
            for (String path : touched.subList(0, 6)) {
                assertTrue(cached(site, path), "a draft drops nothing: " + path);
            }

            // publish: the site feed, its section's, tag's and author's, this month's sitemap and the news sitemap
            // go; the other section's feed and the sitemap of an older month stay
            cacheAll(http, site, touched.stream().filter(path -> !path.equals(THIS_MONTH)).toList());
            cacheAll(http, site, untouched);
            assertEquals(404, http.get(THIS_MONTH).statusCode(), "nothing published this month yet");
            Article story = articles.find(articles.save(new ArticleDraft(0, "Breaking: talks resume in Doha & Kabul",
                    "A dek.", "", "First paragraph with [a link](/section/asia/).\n\nSecond.", "", null,
                    ArticleStatus.PUBLISHED, asia.id(), List.of(someone.id()), List.of("Taliban"), null)).id())
                    .orElseThrow();
            site.catchUp();
            assertDropped(site, "publish", touched);
            assertKept(site, "publish", untouched);
            assertEquals(200, http.get(THIS_MONTH).statusCode(), "this month's sitemap now");
            String feed = http.get("/feed/").body();
            assertTrue(feed.contains("Breaking: talks resume in Doha &amp; Kabul"), feed);
            assertTrue(feed.contains(site.baseUrl() + "/?p=" + story.id()), "a guid that is not the address");
            assertTrue(feed.contains("isPermaLink=\"false\""), feed);
            assertTrue(feed.contains(site.baseUrl() + "/section/asia/"), "links made absolute in the body");
            for (String path : List.of("/feed/", "/feed/atom/", "/section/asia/feed/", "/tag/taliban/feed/",
                    authorFeed, THIS_MONTH, "/sitemap-news.xml")) {
                String body = http.get(path).body();
                assertTrue(body.contains(story.slug()), path + " lists the new article");
                assertFalse(body.contains(draft.slug()), path + " never lists a draft");
            }
            assertFalse(http.get("/section/europe/feed/").body().contains(story.slug()));

            // an edit to the body alone: the feeds carrying it whole and its month's sitemap (lastmod)
            cacheAll(http, site, touched);
            cacheAll(http, site, untouched);
            cacheAll(http, site, List.of("/comments/feed/", "/section/europe/feed/atom/"));
            clock.advance(Duration.ofMinutes(5));
            story = articles.find(articles.save(new ArticleDraft(story.id(), story.title(), story.dek(), story.slug(),
                    story.bodyMarkdown() + "\n\nA new last paragraph.", story.excerpt(), null, story.status(),
                    story.sectionId(), story.authorIds(), List.of("Taliban"), null, story.version())).id())
                    .orElseThrow();
            site.catchUp();
            assertDropped(site, "edit", List.of("/feed/", "/section/asia/feed/", "/tag/taliban/feed/", authorFeed,
                    THIS_MONTH, "/sitemap.xml"));
            assertKept(site, "edit", untouched);
            assertKept(site, "edit", List.of("/comments/feed/", "/section/europe/feed/atom/"));
            assertTrue(http.get("/feed/").body().contains("A new last paragraph."));

            // unpublish: gone from every one of them
            cacheAll(http, site, touched);
            cacheAll(http, site, untouched);
            story = articles.find(articles.save(new ArticleDraft(story.id(), story.title(), story.dek(), story.slug(),
                    story.bodyMarkdown(), story.excerpt(), null, ArticleStatus.DRAFT, story.sectionId(),
                    story.authorIds(), List.of("Taliban"), null, story.version())).id()).orElseThrow();
            site.catchUp();
            assertDropped(site, "unpublish", touched);
            assertKept(site, "unpublish", untouched);
            for (String path : List.of("/feed/", "/section/asia/feed/", "/tag/taliban/feed/", authorFeed,
                    "/sitemap-news.xml")) {
                assertFalse(http.get(path).body().contains(story.slug()), path + " no longer lists it");
            }
            assertEquals(404, http.get(THIS_MONTH).statusCode(), "a month with nothing published has no sitemap");

            // publish again, then delete
            story = articles.find(articles.save(new ArticleDraft(story.id(), story.title(), story.dek(), story.slug(),
                    story.bodyMarkdown(), story.excerpt(), null, ArticleStatus.PUBLISHED, story.sectionId(),
                    story.authorIds(), List.of("Taliban"), null, story.version())).id()).orElseThrow();
            site.catchUp();
            cacheAll(http, site, touched);
            cacheAll(http, site, untouched);
            articles.delete(story.id(), story.version());
            site.catchUp();
            assertDropped(site, "delete", touched);
            assertKept(site, "delete", untouched);
            assertFalse(http.get("/feed/").body().contains(story.slug()));
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anApprovedCommentDropsTheCommentFeedsAndNeverShowsAnAddress(Db db) {
        try (Byline site = start(db, dir, clock)) {
            var http = new Http(site.baseUrl());
            var services = site.services();
            Article seed = services.articles().findBySlug(
                    "russia-hosts-taliban-delegation-warns-against-foreign-military-in-afghanistan").orElseThrow();
            String seedUrl = http.get("/").body().contains("/2025/10/08/" + seed.slug() + "/")
                    ? "/2025/10/08/" + seed.slug() + "/" : null;
            assertTrue(seedUrl != null, "the seed article's address");
            List<String> commentFeeds = List.of("/comments/feed/", "/comments/feed/atom/", seedUrl + "feed/",
                    seedUrl + "feed/atom/");
            cacheAll(http, site, commentFeeds);
            cacheAll(http, site, List.of("/feed/", "/sitemap.xml"));
            var comments = services.comments();
            var held = comments.post(new Submission(seed.id(), 0, "Farid Noori", "farid@example.org", "",
                    "Thank you for the report.", false, "198.51.100.30", "Firefox", "",
                    comments.tokens().issue(seed.id(), clock.instant().minusSeconds(60)), null)).comment();
            site.catchUp();
            if (held.status() == CommentStatus.PENDING) {
                assertKept(site, "a held comment", commentFeeds);
                assertFalse(http.get("/comments/feed/").body().contains("Farid Noori"), "not approved yet");
                services.moderation().act(Actor.commandLine(), held.id(), held.version(),
                        CommentModeration.Action.APPROVE).orElseThrow();
                site.catchUp();
            }
            assertDropped(site, "approve", commentFeeds);
            assertKept(site, "approve", List.of("/feed/", "/sitemap.xml"));
            for (String path : commentFeeds) {
                String body = http.get(path).body();
                assertTrue(body.contains("Farid Noori") && body.contains("Thank you for the report."), path + body);
                assertFalse(body.contains("farid@example.org"), "never an email address: " + path);
                assertFalse(body.contains("198.51.100.30"), "never an IP address: " + path);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void theNewsSitemapExpiresAsArticlesAgeOut(Db db) {
        try (Byline site = start(db, dir, clock)) {
            var http = new Http(site.baseUrl());
            var services = site.services();
            Section asia = services.taxonomy().findSectionBySlug("asia").orElseThrow();
            Author someone = services.authors().all().getFirst();
            String empty = http.get("/sitemap-news.xml").body();
            assertFalse(empty.contains("<url>"), "the demo is a year old: nothing in the last 48 hours");
            Article story = services.articles().find(services.articles().save(new ArticleDraft(0,
                    "Ceasefire holds for a second day", "", "", "Text.", "", null, ArticleStatus.PUBLISHED, asia.id(),
                    List.of(someone.id()), List.of(), null)).id()).orElseThrow();
            site.catchUp();
            String news = http.get("/sitemap-news.xml").body();
            assertTrue(news.contains("<news:title>Ceasefire holds for a second day</news:title>"), news);
            assertTrue(news.contains("<news:language>en</news:language>"), news);
            assertTrue(news.contains("<news:publication_date>2026-11-28T12:00:00Z</news:publication_date>"), news);
            assertTrue(cached(site, "/sitemap-news.xml"));
            clock.advance(Duration.ofHours(47));
            assertTrue(cached(site, "/sitemap-news.xml"), "still within 48 hours");
            clock.advance(Duration.ofHours(1));
            assertFalse(cached(site, "/sitemap-news.xml"), () -> "aged out: expired from the cache by itself: "
                    + site.services().pageCache().get("/sitemap-news.xml").map(page -> page.expiresAt()));
            assertFalse(http.get("/sitemap-news.xml").body().contains(story.slug()));
        }
    }

    @Test
    void feedsAreCachedWithValidatorsAndBadAddressesGet404Not500() {
        try (Byline site = start(Db.SQLITE, dir, clock)) {
            var http = new Http(site.baseUrl());
            HttpResponse<String> rss = http.get("/feed/");
            assertEquals(200, rss.statusCode());
            assertEquals("application/rss+xml; charset=utf-8", rss.headers().firstValue("Content-Type").orElse(""));
            assertTrue(rss.headers().firstValue("Last-Modified").isPresent());
            String etag = rss.headers().firstValue("ETag").orElseThrow();
            assertEquals(304, http.get("/feed/", "If-None-Match", etag).statusCode());
            assertEquals("application/atom+xml; charset=utf-8",
                    http.get("/feed/atom/").headers().firstValue("Content-Type").orElse(""));
            assertEquals("application/xml; charset=utf-8",
                    http.get("/sitemap.xml").headers().firstValue("Content-Type").orElse(""));
            assertEquals(20, count(rss.body(), "<item>"), "20 items by default");
            assertTrue(rss.body().contains("<enclosure url=\"" + site.baseUrl() + "/media/"), "the lead image");
            assertTrue(rss.body().matches("(?s).*<enclosure [^>]*length=\"[1-9]\\d*\".*"), "with its byte size");
            assertTrue(rss.body().contains("<media:content"), rss.body());
            assertTrue(rss.body().contains("<pubDate>"), "RFC 822 dates");
            assertTrue(rss.body().contains("<content:encoded>"), "full text by default");

            // the settings: fewer items, the excerpt alone (a settings change drops every cached page)
            var settings = site.services().settings();
            settings.save(Actor.commandLine(), settings.form(Actor.commandLine()).with("feed_items", "5")
                    .with("feed_full_text", ""));
            site.catchUp();
            String excerpts = http.get("/feed/").body();
            assertEquals(5, count(excerpts, "<item>"), "as many items as the setting says");
            assertFalse(excerpts.contains("<content:encoded>"), "the excerpt alone");
            assertEquals(5, count(http.get("/feed/atom/").body(), "<entry>"));

            assertEquals(301, http.get("/feed").statusCode(), "the canonical address ends with a slash");
            assertEquals(301, http.get("/category/asia/feed/").statusCode(), "WordPress's category feed");
            assertEquals(200, http.get("/feed/?page=abc&utm_source=x").statusCode(), "odd queries are ignored");
            assertEquals(200, http.get("/sitemap.xml?x=%25ZZ&&=").statusCode());
            for (String missing : List.of("/tag/no-such-tag/feed/", "/section/no-such-section/feed/",
                    "/author/nobody-here/feed/atom/", "/sitemap-articles-1999-01.xml",
                    "/sitemap-articles-2025-13.xml", "/sitemap-articles-2025-10-2.xml",
                    "/sitemap-articles-2025-10-99999999999.xml", "/sitemap-articles-x.xml",
                    "/2025/10/08/no-such-article/feed/")) {
                assertEquals(404, http.get(missing).statusCode(), missing);
            }
            // a renamed tag's old feed address follows it, as its archive does
            var taliban = site.services().taxonomy().findTagBySlug("taliban").orElseThrow();
            site.services().taxonomy().saveTag(new Tag(taliban.id(), "the-taliban", taliban.name(),
                    taliban.description()));
            HttpResponse<String> moved = http.get("/tag/taliban/feed/atom/");
            assertEquals(301, moved.statusCode());
            assertEquals("/tag/the-taliban/feed/atom/", moved.headers().firstValue("Location").orElse(""));

            String robots = http.get("/robots.txt").body();
            assertTrue(robots.contains("Sitemap: " + site.baseUrl() + "/sitemap.xml"), robots);
            String index = http.get("/sitemap.xml").body();
            assertTrue(index.contains(site.baseUrl() + DEMO_MONTH), index);
            assertTrue(http.get(DEMO_MONTH).body().contains("<lastmod>"));
            String home = http.get("/").body();
            assertTrue(home.contains("<link rel=\"alternate\" type=\"application/rss+xml\""), "autodiscovery");
            String section = http.get("/section/asia/").body();
            assertTrue(section.contains("href=\"" + site.baseUrl() + "/section/asia/feed/\""), "the section's feed");
            String article = http.get("/2025/10/08/russia-hosts-taliban-delegation-warns-against-foreign-military-in-afghanistan/").body();
            assertTrue(article.contains("/tag/the-taliban/feed/\""), "its tags' feeds on the article");
        }
    }

    /** Two nodes on one PostgreSQL: a publish on node A drops node B's cached feed. */
    @Test
    void aPublishOnOneNodeDropsTheOtherNodesFeed() {
        Config config = TestDatabases.POSTGRES.config(dir).withDemo(true);
        try (Byline nodeA = Byline.start(config, clock);
             Byline nodeB = Byline.start(new Config(config.host(), 0, dirB, config.dbUrl(), config.dbUser(),
                     config.dbPassword(), config.baseUrl(), true, config.zone(), config.siteName(), config.smtp()),
                     clock)) {
            var httpB = new Http(nodeB.baseUrl());
            cacheAll(httpB, nodeB, List.of("/feed/", "/sitemap-news.xml", DEMO_MONTH));
            var services = nodeA.services();
            Section asia = services.taxonomy().findSectionBySlug("asia").orElseThrow();
            services.articles().save(new ArticleDraft(0, "Published on node A", "", "", "Text.", "", null,
                    ArticleStatus.PUBLISHED, asia.id(), List.of(services.authors().all().getFirst().id()), List.of(),
                    null));
            nodeB.catchUp();
            assertDropped(nodeB, "publish on A", List.of("/feed/", "/sitemap-news.xml"));
            assertKept(nodeB, "publish on A", List.of(DEMO_MONTH));
            assertTrue(httpB.get("/feed/").body().contains("Published on node A"));
        }
    }

    private static void cacheAll(Http http, Byline site, List<String> paths) {
        for (String path : paths) {
            HttpResponse<String> response = http.get(path);
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            assertTrue(cached(site, path), "kept in the page cache: " + path);
        }
    }

    private static boolean cached(Byline site, String path) {
        return site.services().pageCache().get(path).isPresent();
    }

    private static void assertDropped(Byline site, String write, List<String> paths) {
        for (String path : paths) {
            assertFalse(cached(site, path), write + " drops " + path);
        }
    }

    private static void assertKept(Byline site, String write, List<String> paths) {
        for (String path : paths) {
            assertTrue(cached(site, path), write + " keeps " + path);
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }
}
