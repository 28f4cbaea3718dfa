package dev.byline.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.Byline;
import dev.byline.account.Actor;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.article.Kind;
import dev.byline.article.NoteKind;
import dev.byline.article.Placement;
import dev.byline.demo.DemoContent;
import dev.byline.error.Invalid;
import dev.byline.support.Http;
import dev.byline.support.MutableClock;
import dev.byline.support.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The metadata every page type carries, read as a search engine or a link preview reads it: over HTTP, parsed with
 * jsoup, the JSON-LD with Jackson. The site is configured with a public base URL other than the address it listens
 * on, so an absolute URL that comes from the request instead of BYLINE_BASE_URL shows.
 */
class MetadataHttpTest {

    static final String BASE = "https://news.example.org";
    static final String SEED_URL =
            "/2025/10/08/russia-hosts-taliban-delegation-warns-against-foreign-military-in-afghanistan/";
    static final Actor EDITOR = Actor.commandLine();
    static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter DATE_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    record Site(Byline byline, Http http, MutableClock clock) {
    }

    static final Map<TestDatabases, Site> SITES = new EnumMap<>(TestDatabases.class);

    /** One demo site per database, started when a test first needs it. */
    static synchronized Site site(TestDatabases db) {
        return SITES.computeIfAbsent(db, kind -> {
            try {
                Path dir = Files.createTempDirectory("byline-meta-" + kind.name().toLowerCase());
                var clock = new MutableClock(Instant.parse("2026-01-15T12:00:00Z"));
                Byline byline = Byline.start(kind.config(dir).withDemo(true).withBaseUrl(URI.create(BASE)), clock);
                return new Site(byline, new Http("http://127.0.0.1:" + byline.port()), clock);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @AfterAll
    static void stop() {
        SITES.values().forEach(site -> site.byline().close());
        SITES.clear();
    }

    static Document page(Site site, String path, int status) {
        var response = site.http().get(path);
        assertEquals(status, response.statusCode(), path);
        return Jsoup.parse(response.body());
    }

    static String meta(Document doc, String property) {
        var element = doc.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return element == null ? null : element.attr("content");
    }

    static List<String> metas(Document doc, String property) {
        return doc.select("meta[property=" + property + "]").eachAttr("content");
    }

    static String canonical(Document doc) {
        var link = doc.selectFirst("link[rel=canonical]");
        return link == null ? null : link.attr("href");
    }

    /** The nodes of the page's JSON-LD (@graph), by @type. */
    static Map<String, JsonNode> jsonLd(Document doc) throws IOException {
        var scripts = doc.select("script[type=application/ld+json]");
        assertEquals(1, scripts.size(), "one JSON-LD block");
        JsonNode root = JSON.readTree(scripts.first().data());
        assertEquals("https://schema.org", root.get("@context").asText());
        var nodes = new java.util.LinkedHashMap<String, JsonNode>();
        root.get("@graph").forEach(node -> nodes.put(node.get("@type").asText(), node));
        return nodes;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theArticleCarriesOpenGraphTwitterAndANewsArticle(TestDatabases db) throws IOException {
        Site site = site(db);
        Document doc = page(site, SEED_URL, 200);
        String url = BASE + SEED_URL;
        assertEquals(DemoContent.SEED_TITLE + " – Byline Test", doc.title(), "the default title pattern");
        assertEquals(url, canonical(doc));
        assertEquals(url, meta(doc, "og:url"));
        assertEquals("article", meta(doc, "og:type"));
        assertFalse(meta(doc, "description").isBlank());
        assertNull(doc.selectFirst("meta[name=robots]"), "an article is indexed");
        assertEquals("2025-10-08T09:30Z", meta(doc, "article:published_time"));
        assertFalse(meta(doc, "article:modified_time").isBlank());
        assertEquals("World", meta(doc, "article:section"));
        assertEquals(List.of("Russia", "Afghanistan", "Taliban").stream().sorted().toList(),
                metas(doc, "article:tag").stream().sorted().toList());
        assertEquals(List.of(BASE + "/author/muhammad-gulriaz/"), metas(doc, "article:author"));
        String image = meta(doc, "og:image");
        assertTrue(image.startsWith(BASE + "/media/"), image);
        int width = Integer.parseInt(meta(doc, "og:image:width"));
        int height = Integer.parseInt(meta(doc, "og:image:height"));
        assertTrue(width >= 1000 && height > 0, width + "x" + height);
        assertFalse(meta(doc, "og:image:alt").isBlank());
        assertEquals("summary_large_image", meta(doc, "twitter:card"));
        assertEquals(meta(doc, "og:image:alt"), meta(doc, "twitter:image:alt"));
        // the file named is there, at the size named
        var file = site.http().getBytes(image.substring(BASE.length()));
        assertEquals(200, file.statusCode());
        var read = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(file.body()));
        assertEquals(width, read.getWidth());
        assertEquals(height, read.getHeight());

        Map<String, JsonNode> ld = jsonLd(doc);
        assertEquals(List.of("NewsArticle", "BreadcrumbList"), new ArrayList<>(ld.keySet()));
        JsonNode article = ld.get("NewsArticle");
        assertEquals(DemoContent.SEED_TITLE, article.get("headline").asText());
        assertFalse(article.get("description").asText().isBlank());
        assertEquals(url, article.get("mainEntityOfPage").get("@id").asText());
        assertEquals("2025-10-08T09:30Z", article.get("datePublished").asText());
        assertEquals(meta(doc, "article:modified_time"), article.get("dateModified").asText());
        assertEquals("World", article.get("articleSection").asText());
        assertEquals(3, article.get("keywords").size());
        JsonNode author = article.get("author").get(0);
        assertEquals("Person", author.get("@type").asText());
        assertEquals("Muhammad Gulriaz", author.get("name").asText());
        assertEquals(BASE + "/author/muhammad-gulriaz/", author.get("url").asText());
        JsonNode publisher = article.get("publisher");
        assertEquals("NewsMediaOrganization", publisher.get("@type").asText());
        assertEquals("Byline Test", publisher.get("name").asText());
        String logo = publisher.get("logo").get("url").asText();
        assertTrue(logo.startsWith(BASE + "/"), logo);
        assertEquals(200, site.http().getBytes(logo.substring(BASE.length())).statusCode(), "the logo exists");
        assertTrue(article.get("image").size() >= 2, "the image at more than one size");
        for (JsonNode each : article.get("image")) {
            assertEquals("ImageObject", each.get("@type").asText());
            String src = each.get("url").asText();
            var got = site.http().getBytes(src.substring(BASE.length()));
            assertEquals(200, got.statusCode(), src + " exists");
            var decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(got.body()));
            assertEquals(each.get("width").asInt(), decoded.getWidth(), src);
            assertEquals(each.get("height").asInt(), decoded.getHeight(), src);
        }
        assertNull(article.get("correction"), "no corrections recorded");

        JsonNode crumbs = ld.get("BreadcrumbList").get("itemListElement");
        assertEquals(3, crumbs.size());
        assertEquals(BASE + "/", crumbs.get(0).get("item").asText());
        assertEquals(BASE + "/section/world/", crumbs.get(1).get("item").asText());
        assertEquals(url, crumbs.get(2).get("item").asText());
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, crumbs.get(i).get("position").asInt());
        }
    }

    @Test
    void theHomePageNamesTheSiteAndItsSearch() throws IOException {
        Site site = site(TestDatabases.SQLITE);
        Document doc = page(site, "/", 200);
        assertEquals("Byline Test", doc.title(), "the home page's title is the site's alone");
        assertEquals(BASE + "/", canonical(doc));
        assertEquals("website", meta(doc, "og:type"));
        assertTrue(metas(doc, "article:published_time").isEmpty());
        JsonNode website = jsonLd(doc).get("WebSite");
        assertEquals(BASE + "/", website.get("url").asText());
        JsonNode action = website.get("potentialAction");
        assertEquals("SearchAction", action.get("@type").asText());
        assertEquals(BASE + "/search?q={search_term_string}", action.get("target").get("urlTemplate").asText());
        assertEquals("required name=search_term_string", action.get("query-input").asText());

        Document second = page(site, "/?page=2", 200);
        assertEquals(BASE + "/?page=2", canonical(second));
        assertEquals("Page 2 – Byline Test", second.title());
        assertTrue(second.select("script[type=application/ld+json]").isEmpty(), "the search box is the home page's");
    }

    @Test
    void archivesAndPagesHaveAbsoluteCanonicalsAndThePattern() {
        Site site = site(TestDatabases.SQLITE);
        for (var archive : List.of(new String[] {"/section/world/", "World – Byline Test", "website"},
                new String[] {"/tag/russia/", "Russia – Byline Test", "website"},
                new String[] {"/author/muhammad-gulriaz/", "Muhammad Gulriaz – Byline Test", "profile"})) {
            Document doc = page(site, archive[0], 200);
            assertEquals(BASE + archive[0], canonical(doc), archive[0]);
            assertEquals(BASE + archive[0], meta(doc, "og:url"), archive[0]);
            assertEquals(archive[1], doc.title());
            assertEquals(archive[2], meta(doc, "og:type"));
            assertNull(doc.selectFirst("meta[name=robots]"));
            assertFalse(meta(doc, "description").isBlank());
        }
        Document world2 = page(site, "/section/world/?page=2", 200);
        assertEquals(BASE + "/section/world/?page=2", canonical(world2));
        assertEquals("World – page 2 – Byline Test", world2.title());

        Article any = site.byline().services().articles().findBySlug("girls-schooling-ban-enters-its-fifth-year")
                .orElseThrow();
        Article about = site.byline().services().desk().save(EDITOR, new ArticleDraft(0, "About the Daily",
                "We report.", "", "Founded in 1901.", "", null, ArticleStatus.PUBLISHED, null, any.authorIds(),
                List.of(), null, 0, "About us", "Who we are and how we work.", Kind.PAGE));
        Document doc = page(site, SiteUrls.sitePage(about.slug()), 200);
        assertEquals(BASE + "/about-the-daily/", canonical(doc));
        assertEquals("About us – Byline Test", doc.title(), "the desk's SEO title");
        assertEquals("Who we are and how we work.", meta(doc, "description"), "the desk's SEO description");
    }

    @Test
    void errorPagesAreNotIndexed() {
        Site site = site(TestDatabases.SQLITE);
        Document doc = page(site, "/no-such-page/", 404);
        assertEquals("noindex", meta(doc, "robots"));
        assertNull(canonical(doc));
        assertNull(meta(doc, "og:url"));
        Document missing = page(site, "/2025/10/08/no-such-article/", 404);
        assertEquals("noindex", meta(missing, "robots"));
    }

    @Test
    void searchResultsCanBeKeptOutOfTheIndex() {
        var chrome = new Views.Chrome("Site", "", null, "en", "ltr", "Search – Site", "d", BASE + "/search?q=x", BASE,
                List.of(), "/a.css", "/f.svg", "website", null, null, null, 2026, false, List.of(), null, List.of());
        assertNull(chrome.robots());
        assertEquals("noindex", chrome.noindexed().robots());
        assertEquals(chrome.canonicalUrl(), chrome.noindexed().canonicalUrl());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aCorrectionAndAnEditShowInTheStructuredDataAndDropTheCachedPage(TestDatabases db) throws IOException {
        Site site = site(db);
        var services = site.byline().services();
        Article any = services.articles().findBySlug("girls-schooling-ban-enters-its-fifth-year").orElseThrow();
        Article article = services.desk().save(EDITOR, new ArticleDraft(0, "Council approves budget", "", "",
                "The council voted on Tuesday.", "", null, ArticleStatus.PUBLISHED, any.sectionId(), any.authorIds(),
                List.of("Budget", "Council"), null));
        String path = "/" + DATE_PATH.format(article.publishedAt()) + "/" + article.slug() + "/";
        JsonNode before = jsonLd(page(site, path, 200)).get("NewsArticle");
        assertTrue(services.pageCache().get(path).isPresent());
        assertEquals(List.of("Budget", "Council"), List.of(before.get("keywords").get(0).asText(),
                before.get("keywords").get(1).asText()));
        assertNull(before.get("image"), "no featured image, no image invented");

        site.clock().advance(Duration.ofMinutes(20));
        services.desk().addNote(EDITOR, article.id(), NoteKind.CORRECTION, "The vote was on Wednesday, not Tuesday.",
                Placement.FOOT);
        assertFalse(services.pageCache().get(path).isPresent(), "the correction dropped the cached page");
        JsonNode corrected = jsonLd(page(site, path, 200)).get("NewsArticle");
        JsonNode correction = corrected.get("correction").get(0);
        assertEquals("CorrectionComment", correction.get("@type").asText());
        assertEquals("The vote was on Wednesday, not Tuesday.", correction.get("text").asText());
        assertEquals(1, corrected.get("correction").size());

        site.clock().advance(Duration.ofMinutes(20));
        Article saved = services.articles().find(article.id()).orElseThrow();
        services.desk().save(EDITOR, new ArticleDraft(saved.id(), saved.title(), "A dek now.", saved.slug(),
                saved.bodyMarkdown(), saved.excerpt(), saved.featuredMediaId(), saved.status(), saved.sectionId(),
                saved.authorIds(), List.of("Budget", "Council"), saved.publishedAt(), saved.version()));
        assertFalse(services.pageCache().get(path).isPresent(), "the edit dropped the cached page");
        Document edited = page(site, path, 200);
        JsonNode after = jsonLd(edited).get("NewsArticle");
        assertNotEquals(before.get("dateModified").asText(), after.get("dateModified").asText());
        assertEquals(after.get("dateModified").asText(), meta(edited, "article:modified_time"));
        assertEquals("A dek now.", after.get("description").asText());
        assertEquals("A dek now.", meta(edited, "description"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theTitlePatternIsASettingThatRewritesEveryTitle(TestDatabases db) {
        Site site = site(db);
        var settings = site.byline().services().settings();
        assertThrows(Invalid.class, () -> settings.save(EDITOR, settings.form(EDITOR)
                .with("title_pattern", "%site% only")), "a pattern without the page's title is refused");
        page(site, "/section/world/", 200);
        settings.save(EDITOR, settings.form(EDITOR).with("title_pattern", "%title% | %site% news"));
        try {
            assertEquals("World | Byline Test news", page(site, "/section/world/", 200).title(),
                    "the cached archive was dropped");
            assertEquals(DemoContent.SEED_TITLE + " | Byline Test news", page(site, SEED_URL, 200).title());
        } finally {
            settings.save(EDITOR, settings.form(EDITOR).with("title_pattern", "%title% – %site%"));
        }
    }
}
