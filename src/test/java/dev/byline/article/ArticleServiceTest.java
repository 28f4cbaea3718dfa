package dev.byline.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.error.Invalid;
import dev.byline.people.Author;
import dev.byline.support.MutableClock;
import dev.byline.support.Newsroom;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules for saving and listing articles, on SQLite and PostgreSQL.
 *
 * <pre>
 * case                                         outcome
 * blank headline                               Invalid: title
 * no section / unknown section                 Invalid: sectionId
 * no author / unknown author                   Invalid: authorIds
 * slug given in the wrong form                 Invalid: slug
 * slug given, taken by another article         Invalid: slug
 * no slug, title's slug taken                  slug-2, slug-3 …
 * scheduled without a future time              Invalid: publishedAt
 * an image in the body without alt text        Invalid: bodyMarkdown when pending, scheduled or published (a draft
 *                                              may hold it; an alt text, a link, code: fine)
 * published with a future time                 scheduled
 * published without a time                     published now
 * slug of a published article changed         old slug still finds it
 * old slug reused by a new article             new article wins, no redirect
 * </pre>
 */
class ArticleServiceTest extends NewsroomTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    MutableClock clock = new MutableClock(NOW);
    Section world;
    Section asia;
    Author writer;

    Newsroom open(TestDatabases db) {
        openNewsroom(db, clock);
        world = newsroom.taxonomy.saveSection(new Section(0, "", "World", "", null, 0));
        asia = newsroom.taxonomy.saveSection(new Section(0, "", "Asia", "", world.id(), 0));
        writer = newsroom.authors.save(new Author(0, "", "Amina Rahimi", "Reporter.", null));
        return newsroom;
    }

    ArticleDraft draft(String title, ArticleStatus status) {
        return new ArticleDraft(0, title, "A dek.", "", "First paragraph of *the* story.\n\n## Part two\n\nMore.", "",
                null, status, asia.id(), List.of(writer.id()), List.of("Kabul", "Trade"), null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void savesAndReadsBackAnArticle(TestDatabases db) {
        open(db);
        Article saved = newsroom.articles.save(draft("Kabul reopens the border", ArticleStatus.PUBLISHED));

        Article read = newsroom.articles.findBySlug("kabul-reopens-the-border").orElseThrow();
        assertEquals(saved.id(), read.id());
        assertEquals("Kabul reopens the border", read.title());
        assertEquals(ArticleStatus.PUBLISHED, read.status());
        assertEquals(NOW, read.publishedAt());
        assertEquals(List.of(writer.id()), read.authorIds());
        assertEquals(2, read.tagIds().size());
        assertEquals("First paragraph of the story.", read.excerpt());
        assertTrue(read.bodyHtml().contains("<h2 id=\"part-two\">Part two</h2>"), read.bodyHtml());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void refusesWhatBreaksTheRules(TestDatabases db) {
        open(db);
        var noTitle = assertThrows(Invalid.class, () -> newsroom.articles.save(draft("  ", ArticleStatus.DRAFT)));
        assertTrue(noTitle.fieldErrors().containsKey("title"));

        var base = draft("Fine", ArticleStatus.DRAFT);
        var noSection = assertThrows(Invalid.class, () -> newsroom.articles.save(new ArticleDraft(0, "Fine", "", "",
                "", "", null, ArticleStatus.DRAFT, 999L, base.authorIds(), List.of(), null)));
        assertTrue(noSection.fieldErrors().containsKey("sectionId"));

        var noAuthor = assertThrows(Invalid.class, () -> newsroom.articles.save(new ArticleDraft(0, "Fine", "", "",
                "", "", null, ArticleStatus.DRAFT, asia.id(), List.of(), List.of(), null)));
        assertTrue(noAuthor.fieldErrors().containsKey("authorIds"));

        var badSlug = assertThrows(Invalid.class, () -> newsroom.articles.save(new ArticleDraft(0, "Fine", "",
                "Not A Slug!", "", "", null, ArticleStatus.DRAFT, asia.id(), base.authorIds(), List.of(), null)));
        assertTrue(badSlug.fieldErrors().containsKey("slug"));

        var pastSchedule = assertThrows(Invalid.class, () -> newsroom.articles.save(new ArticleDraft(0, "Fine", "",
                "", "", "", null, ArticleStatus.SCHEDULED, asia.id(), base.authorIds(), List.of(),
                NOW.minusSeconds(60))));
        assertTrue(pastSchedule.fieldErrors().containsKey("publishedAt"));

        for (String body : List.of("![](/media/2026/11/river.jpg \"The river\")", "Text ![ ](/media/x.jpg) text",
                "![described](/media/a.jpg)\n\n![](/media/b.jpg)")) {
            var noAlt = assertThrows(Invalid.class, () -> newsroom.articles.save(new ArticleDraft(0, "Fine", "", "",
                    body, "", null, ArticleStatus.PUBLISHED, asia.id(), base.authorIds(), List.of(), null)), body);
            assertTrue(noAlt.fieldErrors().get("bodyMarkdown").contains("has no alt text"), body);
        }
        assertEquals(0, newsroom.articles.countLatest(), "nothing was written");
        // an image of the library written without alt text takes the library's, when it has one
        byte[] png = dev.byline.media.TestImages.encode(dev.byline.media.TestImages.quarters(16, 16), "png");
        var described = newsroom.media.store(new dev.byline.media.MediaService.Upload(png, "d.png", "Four squares",
                "", ""));
        var undescribed = newsroom.media.store(new dev.byline.media.MediaService.Upload(
                dev.byline.media.TestImages.encode(dev.byline.media.TestImages.quarters(18, 16), "png"), "u.png", "",
                "", ""));
        newsroom.articles.save(new ArticleDraft(0, "Library alt", "", "", "![](" + described.url() + ")", "", null,
                ArticleStatus.PUBLISHED, asia.id(), base.authorIds(), List.of(), null));
        var libraryWithout = assertThrows(Invalid.class, () -> newsroom.articles.save(new ArticleDraft(0, "No alt",
                "", "", "![](" + undescribed.url() + ")", "", null, ArticleStatus.PUBLISHED, asia.id(),
                base.authorIds(), List.of(), null)));
        assertTrue(libraryWithout.fieldErrors().get("bodyMarkdown").contains(undescribed.url()));
        newsroom.articles.save(new ArticleDraft(0, "Draft", "", "", "![](/media/x.jpg)", "", null, ArticleStatus.DRAFT,
                asia.id(), base.authorIds(), List.of(), null));
        newsroom.articles.save(new ArticleDraft(0, "Fine", "", "", "![A heron on the river bank](/media/x.jpg)\n\n"
                + "[a link](https://example.org/) and `![](code)`", "", null, ArticleStatus.PUBLISHED, asia.id(),
                base.authorIds(), List.of(), null));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void makesSlugsUniqueUnlessOneWasAskedFor(TestDatabases db) {
        open(db);
        assertEquals("same-title", newsroom.articles.save(draft("Same title", ArticleStatus.DRAFT)).slug());
        assertEquals("same-title-2", newsroom.articles.save(draft("Same title", ArticleStatus.DRAFT)).slug());
        assertEquals("same-title-3", newsroom.articles.save(draft("Same title", ArticleStatus.DRAFT)).slug());
        var taken = assertThrows(Invalid.class, () -> newsroom.articles.save(new ArticleDraft(0, "Other", "",
                "same-title", "", "", null, ArticleStatus.DRAFT, asia.id(), List.of(writer.id()), List.of(), null)));
        assertTrue(taken.fieldErrors().get("slug").contains("same-title"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void publishingWithAFutureTimeSchedules(TestDatabases db) {
        open(db);
        Instant later = NOW.plus(Duration.ofDays(1));
        Article article = newsroom.articles.save(new ArticleDraft(0, "Tomorrow", "", "", "", "", null,
                ArticleStatus.PUBLISHED, asia.id(), List.of(writer.id()), List.of(), later));
        assertEquals(ArticleStatus.SCHEDULED, article.status());
        assertEquals(later, article.publishedAt());
        assertEquals(0, newsroom.articles.countLatest(), "scheduled articles are not listed");
        Article draft = newsroom.articles.save(draft("Unfinished", ArticleStatus.DRAFT));
        assertNull(draft.publishedAt());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void scheduledArticlesGoLiveWhenTheirTimeComes(TestDatabases db) {
        open(db);
        Instant at = NOW.plus(Duration.ofHours(2));
        Article later = newsroom.articles.save(new ArticleDraft(0, "Embargoed until noon", "", "", "Text.", "", null,
                ArticleStatus.SCHEDULED, asia.id(), List.of(writer.id()), List.of("Kabul"), at));
        int changesBefore = newsroom.published.size();
        assertEquals(0, newsroom.articles.publishDue(NOW.plus(Duration.ofHours(1))), "not yet");
        assertEquals(changesBefore, newsroom.published.size(), "a tick with nothing due writes nothing");
        assertEquals(0, newsroom.articles.countLatest());

        clock.advance(Duration.ofHours(3));
        assertEquals(1, newsroom.articles.publishDue(clock.instant()));
        Article live = newsroom.articles.find(later.id()).orElseThrow();
        assertEquals(ArticleStatus.PUBLISHED, live.status());
        assertEquals(at, live.publishedAt(), "it carries the time it was scheduled for");
        assertEquals(1, newsroom.articles.countLatest());
        long kabul = newsroom.taxonomy.findTagBySlug("kabul").orElseThrow().id();
        assertEquals(1, newsroom.articles.countWithTag(kabul), "its archive links went live too");
        assertTrue(newsroom.lastKeyNames().containsAll(Set.of("article:" + later.id(), "list:home",
                "list:tag:" + kabul, "list:author:" + writer.id())));
        assertEquals(0, newsroom.articles.publishDue(clock.instant()), "published once");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aPublishedArticleKeepsItsOldSlug(TestDatabases db) {
        open(db);
        Article first = newsroom.articles.save(draft("Original headline", ArticleStatus.PUBLISHED));
        clock.advance(Duration.ofMinutes(5));
        Article renamed = newsroom.articles.save(withSlug(first, "better-headline"));
        assertEquals("better-headline", renamed.slug());
        assertEquals(first.id(), newsroom.articles.findByOldSlug("original-headline").orElseThrow().id());
        assertTrue(newsroom.articles.findBySlug("original-headline").isEmpty());

        // renamed back: the slug is current again and no longer a redirect
        newsroom.articles.save(withSlug(renamed, "original-headline"));
        assertTrue(newsroom.articles.findBySlug("original-headline").isPresent());
        assertEquals(first.id(), newsroom.articles.findByOldSlug("better-headline").orElseThrow().id());
        assertTrue(newsroom.articles.findByOldSlug("original-headline").isEmpty());

        // a story only scheduled under a slug had no readers there: its slug before publication is not kept
        Article scheduled = newsroom.articles.save(new ArticleDraft(0, "Embargoed budget", "", "", "Text.", "", null,
                ArticleStatus.SCHEDULED, asia.id(), List.of(writer.id()), List.of(), clock.instant().plusSeconds(3600)));
        newsroom.articles.save(withSlug(scheduled, "budget-day"));
        assertTrue(newsroom.articles.findByOldSlug("embargoed-budget").isEmpty(), "no redirect tells of it");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void listsNewestFirstByHomeSectionTagAndAuthor(TestDatabases db) {
        open(db);
        Author other = newsroom.authors.save(new Author(0, "", "Daniel Okafor", "", null));
        for (int i = 1; i <= 12; i++) {
            clock.advance(Duration.ofHours(1));
            var section = i % 3 == 0 ? world.id() : asia.id();
            var byline = i % 2 == 0 ? List.of(writer.id(), other.id()) : List.of(writer.id());
            newsroom.articles.save(new ArticleDraft(0, "Story " + i, "", "", "Body " + i, "", null,
                    ArticleStatus.PUBLISHED, section, byline, i % 4 == 0 ? List.of("Trade") : List.of("Kabul"), null));
        }
        newsroom.articles.save(draft("A draft", ArticleStatus.DRAFT));

        Page<ArticleSummary> home = newsroom.articles.latest(1, 5);
        assertEquals(12, newsroom.articles.countLatest());
        assertTrue(home.hasNext());
        assertTrue(newsroom.articles.latest(2, 5).hasNext());
        assertFalse(newsroom.articles.latest(3, 5).hasNext(), "the last page knows it is the last");
        assertTrue(newsroom.articles.latest(4, 5).isPastTheEnd());
        assertEquals(List.of("Story 12", "Story 11", "Story 10", "Story 9", "Story 8"), titles(home));
        assertEquals(List.of("Story 2", "Story 1"), titles(newsroom.articles.latest(3, 5)));
        assertEquals(List.of(writer.id(), other.id()), home.items().getFirst().authorIds(), "byline in order");

        // a section's archive includes its subsections
        assertEquals(12, newsroom.articles.inSection(world.id(), 1, 20).items().size());
        assertEquals(12, newsroom.articles.countInSection(world.id()));
        assertEquals(8, newsroom.articles.inSection(asia.id(), 1, 20).items().size());

        long trade = newsroom.taxonomy.findTagBySlug("trade").orElseThrow().id();
        assertEquals(List.of("Story 12", "Story 8", "Story 4"), titles(newsroom.articles.withTag(trade, 1, 10)));
        assertEquals(6, newsroom.articles.byAuthor(other.id(), 1, 10).items().size());
        assertEquals(6, newsroom.articles.countByAuthor(other.id()));
        assertEquals(12, newsroom.articles.countByAuthor(writer.id()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void announcesEveryPageTheArticleIsOn(TestDatabases db) {
        open(db);
        Article article = newsroom.articles.save(draft("Moved story", ArticleStatus.PUBLISHED));
        long kabul = newsroom.taxonomy.findTagBySlug("kabul").orElseThrow().id();
        Set<String> keys = newsroom.lastKeyNames();
        assertEquals(Set.of("article:" + article.id(), "card:" + article.id(), "list:home", "list:section:" + asia.id(),
                "list:section:" + world.id(), "list:tag:" + kabul,
                "list:tag:" + newsroom.taxonomy.findTagBySlug("trade").orElseThrow().id(),
                "list:author:" + writer.id(),
                dev.byline.change.Keys.sitemap(dev.byline.change.Keys.month(article.publishedAt()))), keys);

        // moving it to another section and dropping a tag announces the old places too
        Section politics = newsroom.taxonomy.saveSection(new Section(0, "", "Politics", "", null, 1));
        newsroom.articles.save(new ArticleDraft(article.id(), article.title(), "", article.slug(), "", "", null,
                ArticleStatus.PUBLISHED, politics.id(), List.of(writer.id()), List.of("Trade"), article.publishedAt(),
                article.version()));
        Set<String> moved = newsroom.lastKeyNames();
        assertTrue(moved.containsAll(Set.of("list:section:" + politics.id(), "list:section:" + asia.id(),
                "list:section:" + world.id(), "list:tag:" + kabul)), moved.toString());
        assertFalse(newsroom.changes.since(0, 100).isEmpty(), "changes are stored, for other nodes");
        String position = "@" + article.publishedAt().toEpochMilli() + "." + article.id();
        assertTrue(newsroom.lastChange().keys().contains("list:section:" + politics.id() + position),
                "a list is told where in it the article sits: " + newsroom.lastChange().keys());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void importsManyInOneTransactionUnderTheSameRules(TestDatabases db) {
        open(db);
        var drafts = new java.util.ArrayList<ArticleDraft>();
        for (int i = 0; i < 30; i++) {
            drafts.add(new ArticleDraft(0, "Imported " + (i % 10), "", "", "Text " + i, "", null,
                    ArticleStatus.PUBLISHED, asia.id(), List.of(writer.id()), List.of("Archive", "Kabul"),
                    NOW.minus(Duration.ofHours(i))));
        }
        assertEquals(30, newsroom.articles.importAll(drafts));
        assertEquals(30, newsroom.articles.countLatest());
        assertTrue(newsroom.articles.findBySlug("imported-3-3").isPresent(), "slugs made unique within the batch");
        assertEquals(Set.of("all"), newsroom.lastKeyNames(), "one change for the whole import");
        long archive = newsroom.taxonomy.findTagBySlug("archive").orElseThrow().id();
        assertEquals(30, newsroom.articles.countWithTag(archive));

        var bad = new java.util.ArrayList<>(drafts.subList(0, 2));
        bad.add(draft(" ", ArticleStatus.PUBLISHED));
        assertThrows(Invalid.class, () -> newsroom.articles.importAll(bad));
        assertEquals(30, newsroom.articles.countLatest(), "a bad draft stops the whole batch");
    }

    private static ArticleDraft withSlug(Article article, String slug) {
        return new ArticleDraft(article.id(), article.title(), article.dek(), slug, article.bodyMarkdown(), "",
                article.featuredMediaId(), article.status(), article.sectionId(), article.authorIds(), List.of(),
                article.publishedAt(), article.version());
    }

    private static List<String> titles(Page<ArticleSummary> page) {
        return page.items().stream().map(ArticleSummary::title).toList();
    }
}
