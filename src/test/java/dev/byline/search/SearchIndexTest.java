package dev.byline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Actor;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.people.Author;
import dev.byline.support.MutableClock;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The index over real articles on SQLite and PostgreSQL, on disk in a temporary directory: ranking, phrases,
 * prefixes, snippets, "did you mean", who finds what, and staying current through the change feed.
 */
class SearchIndexTest extends NewsroomTest {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    MutableClock clock = new MutableClock(NOW);
    Section world;
    Section asia;
    Author writer;
    Author other;
    SearchIndex index;
    SearchService search;

    void open(TestDatabases db) {
        openNewsroom(db, clock);
        world = newsroom.taxonomy.saveSection(new Section(0, "", "World", "", null, 0));
        asia = newsroom.taxonomy.saveSection(new Section(0, "", "Asia", "", world.id(), 0));
        writer = newsroom.authors.save(new Author(0, "", "Amina Rahimi", "Reporter.", null));
        other = newsroom.authors.save(new Author(0, "", "Tom Hale", "Reporter.", null));
        openIndex("en");
    }

    void openIndex(String language) {
        index = SearchIndex.open(dir.resolve("search"), new SearchStore(newsroom.database.jdbi()), () -> language,
                clock);
        newsroom.changes.subscribe(index::onChange);
        index.awaitRebuilt();
        search = new SearchService(index, clock);
    }

    @AfterEach
    void closeIndex() {
        if (index != null) {
            index.close();
        }
    }

    Article save(String title, String dek, String body, ArticleStatus status) {
        return save(title, dek, body, status, writer);
    }

    Article save(String title, String dek, String body, ArticleStatus status, Author author) {
        Instant when = status == ArticleStatus.SCHEDULED ? NOW.plus(Duration.ofDays(2)) : null;
        Article saved = newsroom.articles.save(new ArticleDraft(0, title, dek, "", body, "", null, status, asia.id(),
                List.of(author.id()), List.of("Trade"), when));
        index.awaitIndexed();
        return saved;
    }

    SearchResults find(String text) {
        return search.search(SearchRequest.of(text), Audience.READERS);
    }

    List<String> titles(SearchResults results) {
        return results.hits().stream().map(SearchHit::title).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void ranksTheTitleAboveTheDekAboveTheBody(TestDatabases db) {
        open(db);
        save("Markets wait", "", "The harbour was quiet while the ministers talked.", ArticleStatus.PUBLISHED);
        save("Ministers meet", "", "Talks went on.", ArticleStatus.PUBLISHED);
        save("Talks go on", "The harbour stays shut", "Nothing moved.", ArticleStatus.PUBLISHED);

        assertEquals(List.of("Ministers meet", "Markets wait"), titles(find("ministers")));
        assertEquals(List.of("Talks go on", "Markets wait"), titles(find("harbour")));
        assertEquals(2, find("harbour").total());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void phrasesInQuotesPrefixesOnTheLastWordAndEveryWordMustMatch(TestDatabases db) {
        open(db);
        save("Border crossing opens", "", "Trucks wait at the border.", ArticleStatus.PUBLISHED);
        save("Crossing the border", "", "A long walk.", ArticleStatus.PUBLISHED);
        save("Kabul traders return", "", "Markets reopen in Kabul.", ArticleStatus.PUBLISHED);

        assertEquals(List.of("Border crossing opens"), titles(find("\"border crossing\"")));
        assertEquals(2, find("border crossing").total());
        assertEquals(List.of("Kabul traders return"), titles(find("Kab")), "the last word is a prefix");
        assertEquals(0, find("Kab ").total(), "a space after it: a whole word");
        assertEquals(0, find("border zebra").total(), "every word must match");
        assertEquals(List.of("Kabul traders return"), titles(find("traders return")));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void recentNewsRanksFirstAmongEqualMatches(TestDatabases db) {
        open(db);
        save("Floods in the valley", "", "Rain.", ArticleStatus.PUBLISHED);
        clock.advance(Duration.ofDays(200));
        save("Floods in the south", "", "Rain.", ArticleStatus.PUBLISHED);
        assertEquals(List.of("Floods in the south", "Floods in the valley"), titles(find("floods")));
        var byDate = search.search(new SearchRequest("rain", null, null, null, null, null, true, 1, 10),
                Audience.READERS);
        assertEquals(List.of("Floods in the south", "Floods in the valley"), titles(byDate));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void readersNeverFindWhatIsNotPublishedEditorsDo(TestDatabases db) {
        open(db);
        save("Zanzibar draft", "", "Zanzibar.", ArticleStatus.DRAFT);
        save("Zanzibar pending", "", "Zanzibar.", ArticleStatus.PENDING);
        save("Zanzibar scheduled", "", "Zanzibar.", ArticleStatus.SCHEDULED);
        save("Zanzibar private", "", "Zanzibar.", ArticleStatus.PRIVATE);
        Article trashed = save("Zanzibar trashed", "", "Zanzibar.", ArticleStatus.PUBLISHED);
        newsroom.desk.trash(Actor.commandLine(), trashed.id(), trashed.version());
        index.awaitIndexed();
        save("Harbour news", "", "Zanzibar is elsewhere.", ArticleStatus.DRAFT);

        SearchResults readers = find("zanzibar");
        assertEquals(0, readers.total());
        assertTrue(readers.hits().isEmpty());
        assertNull(find("zanzibat").suggestion(), "no suggestion from words only drafts have");
        assertEquals(0, find("Zanz").total(), "nor a prefix");

        var desk = search.search(SearchRequest.of("zanzibar"), new Audience.Desk("article", null, 0));
        assertEquals(5, desk.total(), "everything but the trash");
        var inTrash = search.search(SearchRequest.of("zanzibar"), new Audience.Desk("article", "trash", 0));
        assertEquals(List.of("Zanzibar trashed"), titles(inTrash));
        var own = search.search(SearchRequest.of("harbour"), new Audience.Desk("article", null, other.id()));
        assertEquals(0, own.total(), "another author's draft");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void publishingEditingUnpublishingAndDeletingShowAtOnce(TestDatabases db) {
        open(db);
        Article draft = save("Quarry plans", "", "The quarry will grow.", ArticleStatus.DRAFT);
        assertEquals(0, find("quarry").total());

        Article published = newsroom.articles.save(ArticleDraft.of(draft, List.of())
                .withStatus(ArticleStatus.PUBLISHED));
        index.awaitIndexed();
        assertEquals(List.of("Quarry plans"), titles(find("quarry")));

        Article edited = newsroom.articles.save(new ArticleDraft(published.id(), "Gravel plans", "", published.slug(),
                "The pit will grow.", "", null, ArticleStatus.PUBLISHED, asia.id(), List.of(writer.id()), List.of(),
                published.publishedAt(), published.version()));
        index.awaitIndexed();
        assertEquals(0, find("quarry").total());
        assertEquals(List.of("Gravel plans"), titles(find("gravel")));

        Article unpublished = newsroom.articles.save(ArticleDraft.of(edited, List.of())
                .withStatus(ArticleStatus.DRAFT));
        index.awaitIndexed();
        assertEquals(0, find("gravel").total());

        newsroom.articles.delete(unpublished.id(), unpublished.version());
        index.awaitIndexed();
        assertEquals(0, search.search(SearchRequest.of("gravel"), new Audience.Desk("article", null, 0)).total());
        assertEquals(0, index.size());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void snippetsAreEscapedTextWithOnlyMarksAdded(TestDatabases db) {
        open(db);
        save("Script <b>kiddies</b> & co", "", "They typed `<script>alert(1)</script>` into the harbour form.",
                ArticleStatus.PUBLISHED);
        SearchHit hit = find("harbour").hits().getFirst();
        assertTrue(hit.snippetHtml().contains("<mark>harbour</mark>"), hit.snippetHtml());
        assertFalse(hit.snippetHtml().contains("<script"), hit.snippetHtml());
        assertTrue(hit.snippetHtml().contains("&lt;script&gt;"), hit.snippetHtml());
        SearchHit byTitle = find("kiddies").hits().getFirst();
        assertEquals("Script &lt;b&gt;<mark>kiddies</mark>&lt;&#x2F;b&gt; &amp; co", byTitle.titleHtml());
        assertEquals(1, find("script").total());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void suggestsAWordTheIndexKnowsForAMisspeltOne(TestDatabases db) {
        open(db);
        save("Parliament votes", "", "The parliament voted on the budget.", ArticleStatus.PUBLISHED);
        SearchResults misspelt = find("parliment budget");
        assertEquals(0, misspelt.total());
        assertEquals("parliament budget", misspelt.suggestion());
        assertNull(find("parliament").suggestion());
        assertEquals(1, find("parliam").total(), "an unfinished last word: found, nothing to suggest");
        assertNull(find("parliam").suggestion());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void filtersBySectionTagAuthorAndDate(TestDatabases db) {
        open(db);
        save("Rice prices", "", "Rice.", ArticleStatus.PUBLISHED, writer);
        clock.advance(Duration.ofDays(10));
        save("Rice harvest", "", "Rice.", ArticleStatus.PUBLISHED, other);
        assertEquals(2, request("rice", "world", null, null, null, null).total(), "a parent section");
        assertEquals(0, request("rice", "sport", null, null, null, null).total());
        assertEquals(2, request("rice", null, "trade", null, null, null).total());
        assertEquals(List.of("Rice harvest"), titles(request("rice", null, null, other.slug(), null, null)));
        assertEquals(List.of("Rice prices"), titles(request("rice", null, null, null, null, NOW.plusSeconds(60))));
        assertEquals(List.of("Rice harvest"), titles(request("rice", null, null, null, NOW.plusSeconds(60), null)));
    }

    SearchResults request(String text, String section, String tag, String author, Instant from, Instant until) {
        return search.search(new SearchRequest(text, section, tag, author, from, until, false, 1, 10),
                Audience.READERS);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void whateverIsTypedIsReadAsWords(TestDatabases db) {
        open(db);
        save("Border talks", "", "Trucks wait.", ArticleStatus.PUBLISHED);
        for (String typed : List.of("\"border", "border\"", "title:border", "border AND", "(border", "border^2",
                "bord*", "border~", "\\border", "border\\", "[border TO x]", "+border -trucks", "border!",
                "x".repeat(10_000), "border 🚚", "\u0645\u0631\u0632 border", "bor\u0000der", "\u202Eborder",
                "/border/", "border || trucks", "{}", "\"\"", "\"", "*", "?", "\uD800border")) {
            SearchResults results = find(typed);
            assertTrue(results.total() >= 0, typed);
        }
        assertEquals(0, find("title:border").total(), "a field name is a word like any other: 'title' is in none");
        assertEquals(1, find("border:").total());
        assertEquals(1, find("\"border").total());
        assertEquals(1, find("+border -trucks").total(), "operators are read as spaces: both words are wanted");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aMissingOrDamagedIndexIsRebuiltByItselfAndAnswersUnavailableMeanwhile(TestDatabases db) throws Exception {
        open(db);
        save("Lighthouse keepers", "", "The light.", ArticleStatus.PUBLISHED);
        index.close();
        Path search = dir.resolve("search");
        try (var files = Files.list(search)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().startsWith("segments")) {
                    Files.write(file, new byte[] {1, 2, 3});
                }
            }
        }
        index = SearchIndex.open(search, new SearchStore(newsroom.database.jdbi()), () -> "en", clock);
        var searching = new SearchService(index, clock);
        if (!index.isComplete()) {
            assertThrows(SearchUnavailable.class, () -> searching.search(SearchRequest.of("lighthouse"),
                    Audience.READERS));
        }
        index.awaitRebuilt();
        assertEquals(1, searching.search(SearchRequest.of("lighthouse"), Audience.READERS).total());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aChangeDuringARebuildIsNotLost(TestDatabases db) {
        open(db);
        var saved = new java.util.ArrayList<Article>();
        for (int i = 0; i < 520; i++) {
            saved.add(newsroom.articles.save(new ArticleDraft(0, "Story " + i, "", "", "Body " + i + ".", "", null,
                    ArticleStatus.PUBLISHED, asia.id(), List.of(writer.id()), List.of(), null)));
        }
        index.awaitIndexed();
        Article early = saved.getFirst();
        Article late = saved.getLast();
        index.betweenBatches(() -> {
            // a batch is written; the edits below are read by the indexing thread while the rebuild goes on
            for (Article article : List.of(early, late)) {
                newsroom.articles.save(new ArticleDraft(article.id(), "Renamed " + article.title(), "",
                        article.slug(), "Rewritten.", "", null, ArticleStatus.PUBLISHED, asia.id(),
                        List.of(writer.id()), List.of(), article.publishedAt(), article.version()));
            }
            index.awaitIndexed();
        });
        assertEquals(520, index.rebuild());
        assertEquals(2, find("renamed").total());
        assertEquals(2, find("rewritten").total());
        assertEquals(0, find("\"body 0\"").total() + find("\"body 519\"").total());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void persianIsAnalysedAsPersian(TestDatabases db) {
        openNewsroom(db, clock);
        world = newsroom.taxonomy.saveSection(new Section(0, "", "World", "", null, 0));
        asia = world;
        writer = newsroom.authors.save(new Author(0, "", "Amina Rahimi", "Reporter.", null));
        openIndex("fa");
        // Arabic yeh and kaf typed, Persian ones stored: Persian normalisation makes them the same word
        save("\u06A9\u062A\u0627\u0628\u200C\u0647\u0627\u06CC \u062A\u0627\u0632\u0647", "",
                "\u062F\u0631 \u06A9\u0627\u0628\u0644", ArticleStatus.PUBLISHED);
        assertEquals(1, find("\u0643\u062A\u0627\u0628\u200C\u0647\u0627\u064A").total());
        assertEquals(1, find("\u06A9\u0627\u0628\u0644").total());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theDeskListSearchesTheIndexWithTheRolesVisibility(TestDatabases db) {
        open(db);
        save("Ferry strike", "", "The ferries stopped.", ArticleStatus.DRAFT, writer);
        save("Ferry timetable", "", "New times.", ArticleStatus.PENDING, other);
        save("Harbour news", "", "A ferry arrived late.", ArticleStatus.PUBLISHED, other);
        Article trashed = save("Ferry sold", "", "Sold.", ArticleStatus.PUBLISHED, writer);
        newsroom.desk.trash(Actor.commandLine(), trashed.id(), trashed.version());
        var desk = new dev.byline.article.DeskListing(new dev.byline.article.DeskListingStore(
                newsroom.database.jdbi()), search::deskMatches);
        var editor = new Actor(1, "editor", java.util.Optional.of(dev.byline.account.Role.EDITOR), 0, "");
        var contributor = new Actor(2, "contributor", java.util.Optional.of(dev.byline.account.Role.CONTRIBUTOR),
                writer.id(), "");

        assertEquals(List.of("Ferry strike", "Ferry timetable", "Harbour news"),
                deskTitles(desk.list(editor, deskFilter("ferry", null), 1)), "drafts and pending included, body too");
        assertEquals(List.of("Ferry strike"), deskTitles(desk.list(contributor, deskFilter("ferry", null), 1)),
                "a contributor: their own only, as the list without words");
        assertEquals(List.of("Ferry sold"), deskTitles(desk.list(editor, deskFilter("ferry",
                ArticleStatus.TRASH), 1)));
        assertEquals(List.of("Ferry strike"), deskTitles(desk.list(editor, deskFilter("ferry str", null), 1)),
                "the last word as the start of a word");
        assertEquals(List.of("Harbour news"), titles(find("ferry")), "readers: the published one only");
    }

    static dev.byline.article.DeskFilter deskFilter(String words, ArticleStatus status) {
        return new dev.byline.article.DeskFilter(dev.byline.article.Kind.ARTICLE, status, null, null, null, null,
                null, words, dev.byline.article.DeskFilter.Sort.TITLE);
    }

    static List<String> deskTitles(dev.byline.article.DeskListing.Listed listed) {
        return listed.page().items().stream().map(dev.byline.article.DeskRow::title).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anIndexOpenedAgainCatchesUpWithWhatChangedWhileItWasClosed(TestDatabases db) {
        open(db);
        Article kept = save("Osprey nests", "", "Two nests.", ArticleStatus.PUBLISHED);
        Article deleted = save("Heron nests", "", "Three nests.", ArticleStatus.PUBLISHED);
        index.close();
        clock.advance(Duration.ofHours(1));
        newsroom.articles.save(new ArticleDraft(kept.id(), "Kestrel nests", "", kept.slug(), "Two nests.", "", null,
                ArticleStatus.PUBLISHED, asia.id(), List.of(writer.id()), List.of(), kept.publishedAt(),
                kept.version()));
        newsroom.articles.delete(deleted.id(), deleted.version());
        newsroom.articles.save(new ArticleDraft(0, "Swift nests", "", "", "Many.", "", null,
                ArticleStatus.PUBLISHED, asia.id(), List.of(writer.id()), List.of(), null));

        openIndex("en");
        assertTrue(index.isComplete(), "the index on disk is used, not rebuilt");
        index.awaitIndexed();
        assertEquals(List.of("Kestrel nests"), titles(find("kestrel")));
        assertEquals(0, find("osprey").total());
        assertEquals(0, find("heron").total());
        assertEquals(List.of("Swift nests"), titles(find("swift")));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aNewLanguageRebuildsTheIndexWithItsAnalyser(TestDatabases db) {
        open(db);
        save("Election results", "", "Votes counted.", ArticleStatus.PUBLISHED);
        assertEquals(1, find("elections").total(), "English stems: elections, election");
        index.close();
        openIndex("fr");
        assertTrue(index.rebuilds() >= 1, "rebuilt for French");
        assertEquals(1, find("election").total());
    }
}
