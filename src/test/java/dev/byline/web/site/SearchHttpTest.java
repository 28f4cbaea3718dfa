package dev.byline.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.Actor;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.people.Author;
import dev.byline.support.Http;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The search page and its JSON twin over real HTTP, on SQLite and PostgreSQL, with the real index on disk: what
 * readers find (and never find), the page's form and help, WordPress's address, the page cache left alone, and
 * whatever is typed answered with 200 or 404, never a 500.
 */
class SearchHttpTest {

    static final Map<TestDatabases, Byline> SITES = new EnumMap<>(TestDatabases.class);
    static final Map<TestDatabases, Section> SECTIONS = new EnumMap<>(TestDatabases.class);
    static final Map<TestDatabases, Author> AUTHORS = new EnumMap<>(TestDatabases.class);

    static synchronized Byline site(TestDatabases db) {
        return SITES.computeIfAbsent(db, kind -> {
            try {
                Byline site = Byline.start(kind.config(Files.createTempDirectory("byline-search-" + kind)));
                SECTIONS.put(kind, site.services().taxonomy().saveSection(new Section(0, "", "Harbour desk", "",
                        null, 0)));
                AUTHORS.put(kind, site.services().authors().save(new Author(0, "", "Nadia Petrova", "", null)));
                site.searchIndex().awaitRebuilt();
                return site;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @AfterAll
    static void stop() {
        SITES.values().forEach(Byline::close);
        SITES.clear();
    }

    static Article publish(TestDatabases db, String title, String body, ArticleStatus status) {
        Byline site = site(db);
        Instant when = status == ArticleStatus.SCHEDULED ? Instant.now().plus(Duration.ofDays(3)) : null;
        Article saved = site.services().articles().save(new ArticleDraft(0, title, "", "", body, "", null, status,
                SECTIONS.get(db).id(), List.of(AUTHORS.get(db).id()), List.of("Ports"), when));
        site.searchIndex().awaitIndexed();
        return saved;
    }

    static HttpResponse<String> get(TestDatabases db, String path) {
        return new Http(site(db).baseUrl()).get(path);
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void findsPublishedArticlesWithMarkedSnippetsNoindexAndNoSharedCache(TestDatabases db) {
        publish(db, "Tugboats return to the quay", "The **tugboats** came back at dawn, <em>towing</em> a barge.",
                ArticleStatus.PUBLISHED);
        var page = get(db, "/search?q=tugboats");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<mark>Tugboats</mark> return to the quay"), page.body());
        assertTrue(page.body().contains("The <mark>tugboats</mark> came back"), page.body());
        assertTrue(page.body().contains("1 result for “tugboats”"), page.body());
        assertTrue(page.body().contains("<meta name=\"robots\" content=\"noindex\">"));
        assertTrue(page.body().contains(">Nadia Petrova</a>"));
        assertTrue(page.headers().firstValue("Cache-Control").orElse("").contains("private"));
        assertTrue(site(db).services().pageCache().get("/search?q=tugboats").isEmpty(), "not in the page cache");
        assertEquals(200, get(db, "/search?q=tugboats").statusCode(), "asked again: rendered again");
        assertTrue(site(db).services().pageCache().get("/search?q=tugboats").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void readersNeverFindDraftsScheduledPrivateOrTrashedArticles(TestDatabases db) {
        publish(db, "Walrus draft", "Walrus sighting.", ArticleStatus.DRAFT);
        publish(db, "Walrus pending", "Walrus sighting.", ArticleStatus.PENDING);
        publish(db, "Walrus scheduled", "Walrus sighting.", ArticleStatus.SCHEDULED);
        publish(db, "Walrus private", "Walrus sighting.", ArticleStatus.PRIVATE);
        Article trashed = publish(db, "Walrus trashed", "Walrus sighting.", ArticleStatus.PUBLISHED);
        site(db).services().desk().trash(Actor.commandLine(), trashed.id(), trashed.version());
        site(db).searchIndex().awaitIndexed();

        for (String typed : List.of("walrus", "walr", "\"walrus sighting\"", "walrus sighting", "wlarus")) {
            var page = get(db, "/search?q=" + q(typed));
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("0 results for"), typed);
            assertTrue(page.body().contains("Nothing found"), typed);
            assertFalse(page.body().contains("<mark>"), typed);
            assertFalse(page.body().contains("Sighting") || page.body().contains("Walrus "), typed);
            assertFalse(page.body().contains("Did you mean"), typed);
            var json = get(db, "/api/v1/search?q=" + q(typed));
            assertEquals(200, json.statusCode());
            assertTrue(json.body().contains("\"total\":0"), json.body());
            assertTrue(json.body().contains("\"results\":[]"), json.body());
            assertTrue(json.body().contains("\"suggestion\":null"), json.body());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anEmptyQueryShowsTheFormAndEveryPageHasTheSearchBox(TestDatabases db) {
        var empty = get(db, "/search");
        assertEquals(200, empty.statusCode());
        assertTrue(empty.body().contains("<label for=\"search-q\">"), empty.body());
        assertTrue(empty.body().contains("Type words to find"));
        var home = get(db, "/");
        assertTrue(home.body().contains("<form class=\"search-box\" action=\"/search\" method=\"get\" role=\"search\">"));
        assertTrue(home.body().contains("<label class=\"visually-hidden\" for=\"masthead-search\">Search this site"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void wordPressSearchAddressesMoveToTheSearchPage(TestDatabases db) {
        var moved = get(db, "/?s=" + q("harbour news"));
        assertEquals(301, moved.statusCode());
        assertEquals("/search?q=harbour+news", moved.headers().firstValue("Location").orElseThrow());
        assertEquals("/search", get(db, "/?s=").headers().firstValue("Location").orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void didYouMeanOffersAKnownWordAndFiltersNarrow(TestDatabases db) {
        publish(db, "Lighthouse keepers strike", "The lighthouse keepers stopped work.", ArticleStatus.PUBLISHED);
        var page = get(db, "/search?q=" + q("lighthuose keepers"));
        assertTrue(page.body().contains("Did you mean <a href=\"/search?q=lighthouse+keepers\">lighthouse keepers</a>"),
                page.body());
        String section = SECTIONS.get(db).slug();
        assertTrue(get(db, "/search?q=lighthouse&section=" + section).body().contains("1 result"));
        assertTrue(get(db, "/search?q=lighthouse&section=nowhere").body().contains("Nothing found"));
        assertTrue(get(db, "/search?q=lighthouse&from=2001-01-01&to=2001-12-31").body().contains("Nothing found"));
        var badDate = get(db, "/search?q=lighthouse&from=yesterday");
        assertEquals(200, badDate.statusCode());
        assertTrue(badDate.body().contains("is not a date like 2026-11-28"), badDate.body());
        assertTrue(get(db, "/search?q=lighthouse&sort=date").body().contains("1 result"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aPublishShowsInSearchWithinASecond(TestDatabases db) {
        Byline site = site(db);
        Article draft = publish(db, "Ferry timetable draft", "The ferry leaves at noon.", ArticleStatus.DRAFT);
        site.services().articles().save(ArticleDraft.of(draft, List.of()).withStatus(ArticleStatus.PUBLISHED));
        long published = System.nanoTime();
        boolean found = false;
        while (!found && System.nanoTime() - published < Duration.ofSeconds(1).toNanos()) {
            found = get(db, "/api/v1/search?q=ferry").body().contains("\"total\":1");
        }
        assertTrue(found, "the published article is found within a second");
    }

    /** Every case of the "Bad input": 200 or 404, never a 500, on the page and the JSON endpoint. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void whateverIsTypedIsAnsweredWith200Or404(TestDatabases db) {
        publish(db, "Border talks resume", "Trucks wait at the border.", ArticleStatus.PUBLISHED);
        List<String> typed = List.of("\"border", "border\"", "\"\"\"", "title:border", "body:(a OR b)", "border AND",
                "NOT", "a && b || c", "border^10", "bord*", "*", "?", "border~2", "[a TO z]", "{a TO z}", "\\",
                "border\\", "\\\"", "/regex.*/", "+border -trucks", "!", "x".repeat(10_000), "🚚🚢 border 🏳️‍🌈",
                "\u0645\u0631\u0632 \u0627\u0641\u063A\u0627\u0646\u0633\u062A\u0627\u0646", "\u202Eborder\u202C",
                "\u200Fborder", "bor\u0000der", "\u0001\u0002\u001F\u007F", "\r\n\t", "%", "%%", "'; DROP TABLE", "<script>",
                " ", "");
        for (String text : typed) {
            for (String path : List.of("/search?q=", "/api/v1/search?q=")) {
                var answer = get(db, path + q(text));
                String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
                assertEquals(200, answer.statusCode(), path + shown);
                assertFalse(answer.body().contains("<script>"), path + shown);
            }
        }
        for (String page : List.of("abc", "0", "-1", "1.5", "99999", "101", "99999999999999999999", "2")) {
            for (String path : List.of("/search?q=border&page=", "/api/v1/search?q=border&page=")) {
                assertEquals(404, get(db, path + q(page)).statusCode(), path + page);
            }
        }
        for (String param : List.of("section", "tag", "author", "from", "to", "sort")) {
            for (String value : List.of("\"", "x".repeat(5_000), "\u0000", "../../etc", "2026-13-45", "🚚")) {
                assertEquals(200, get(db, "/search?q=border&" + param + "=" + q(value)).statusCode(), param);
                assertFalse(get(db, "/search?q=border&" + param + "=" + q(value)).body().contains(value.length()
                        > 100 ? value : "\u0000"), param);
                assertEquals(200, get(db, "/api/v1/search?q=border&" + param + "=" + q(value)).statusCode(),
                        param);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theJsonTwinAnswersWithTheSameResults(TestDatabases db) {
        publish(db, "Cranes idle at the container port", "The cranes stood still.", ArticleStatus.PUBLISHED);
        var json = get(db, "/api/v1/search?q=cranes");
        assertEquals(200, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(json.body().contains("\"total\":1"), json.body());
        assertTrue(json.body().contains("\"title\":\"Cranes idle at the container port\""), json.body());
        assertTrue(json.body().contains("<mark>cranes</mark>"), json.body());
        assertTrue(json.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aDamagedIndexAnswersBeingRebuiltNeverA500(TestDatabases db) throws Exception {
        Path dir = Files.createTempDirectory("byline-search-damaged-" + db);
        Files.createDirectories(dir.resolve("search"));
        Files.write(dir.resolve("search").resolve("segments_9"), new byte[] {9, 9, 9});
        try (Byline site = Byline.start(db.config(dir))) {
            var answer = new Http(site.baseUrl()).get("/search?q=anything");
            assertTrue(Set.of(200, 503).contains(answer.statusCode()), String.valueOf(answer.statusCode()));
            if (answer.statusCode() == 503) {
                assertTrue(answer.body().contains("being rebuilt"), answer.body());
            }
            site.searchIndex().awaitRebuilt();
            assertEquals(200, new Http(site.baseUrl()).get("/search?q=anything").statusCode());
        }
    }

    /** The search page in each of its states, and a page with the header's search form, are valid HTML. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theSearchPagesAreValidHtml(TestDatabases db) {
        publish(db, "Pelicans <return> & nest", "Pelicans nest on the \"old\" pier.", ArticleStatus.PUBLISHED);
        var validator = new dev.byline.support.NuValidator();
        for (String path : List.of("/", "/search", "/search?q=pelicans", "/search?q=pelicns",
                "/search?q=pelicans&sort=date&from=2001-01-01&to=yesterday&section=" + SECTIONS.get(db).slug(),
                "/search?q=" + q("\"old pier\" <b>"))) {
            var page = get(db, path);
            assertEquals(200, page.statusCode(), path);
            assertEquals(List.of(), validator.check(page.body()), path);
        }
    }
}
