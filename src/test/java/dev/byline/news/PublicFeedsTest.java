package dev.byline.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Actor;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.change.Keys;
import dev.byline.comment.CommentModeration;
import dev.byline.comment.CommentStatus;
import dev.byline.comment.Submission;
import dev.byline.error.NotFound;
import dev.byline.people.Author;
import dev.byline.support.MutableClock;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The feeds' and sitemaps' read model on SQLite and PostgreSQL: fails closed. An article in any status but
 * published (draft, pending, scheduled, private, trash) is in no feed, no sitemap, no comment feed, and counts for
 * no month, section, tag or author; the same article published (the control) is in all of them.
 */
class PublicFeedsTest extends NewsroomTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
    PublicFeeds feeds;
    Section world;
    Author amina;
    Author ghost;

    void open(TestDatabases db) {
        openNewsroom(db, clock);
        var news = new PublicNews(newsroom.articles, newsroom.authors, newsroom.taxonomy, newsroom.media,
                newsroom.frontPage);
        feeds = new PublicFeeds(news, newsroom.articles, newsroom.authors, newsroom.taxonomy,
                new DistributionStore(newsroom.database.jdbi()));
        world = newsroom.taxonomy.saveSection(new Section(0, "", "World", "", null, 0));
        amina = newsroom.authors.save(new Author(0, "", "Amina Rahimi", "Reporter.", null));
        ghost = newsroom.authors.save(new Author(0, "", "Ghost Writer", "", null));
    }

    static Stream<Arguments> hiddenStatuses() {
        return Arrays.stream(TestDatabases.values()).flatMap(db -> Arrays.stream(ArticleStatus.values())
                .filter(status -> status != ArticleStatus.PUBLISHED).map(status -> Arguments.of(db, status)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hiddenStatuses")
    void onlyPublishedArticlesAreInAnyFeedOrSitemap(TestDatabases db, ArticleStatus hidden) {
        open(db);
        Article shown = newsroom.articles.save(draft(0, "Kabul reopens the border", "shown-story",
                ArticleStatus.PUBLISHED, List.of(amina), List.of("Kabul"), NOW.minus(Duration.ofHours(2))));
        // the other one, published a month earlier under Ghost and in the tag Merger, with an approved comment
        Instant earlier = NOW.minus(Duration.ofDays(31));
        Article once = newsroom.articles.save(draft(0, "Merger talks", "hidden-story", ArticleStatus.PUBLISHED,
                List.of(amina, ghost), List.of("Kabul", "Merger"), earlier));
        var comments = newsroom.comments;
        var posted = comments.post(new Submission(once.id(), 0, "Farid Noori", "farid@example.org", "",
                "Thank you for the report.", false, "198.51.100.30", "Firefox", "",
                comments.tokens().issue(once.id(), clock.instant().minusSeconds(60)), null)).comment();
        if (posted.status() == CommentStatus.PENDING) {
            newsroom.moderation.act(Actor.commandLine(), posted.id(), posted.version(),
                    CommentModeration.Action.APPROVE).orElseThrow();
        }

        // the control: while published it is everywhere
        assertEquals(2, feeds.site(20).content().items().size());
        assertEquals(1, feeds.tag("merger", 20).content().items().size());
        assertEquals(1, feeds.author(ghost.slug(), 20).content().items().size());
        assertEquals(1, feeds.sitemapMonth(YearMonth.from(earlier.atZone(java.time.ZoneOffset.UTC)), 1)
                .content().size());
        assertEquals(1, feeds.comments(20).content().size());
        assertEquals(1, feeds.comments("hidden-story", 20).content().comments().size());
        assertTrue(feeds.sitemapTags().content().stream().anyMatch(tag -> tag.slug().equals("merger")));
        assertTrue(feeds.sitemapAuthors().content().stream().anyMatch(a -> a.slug().equals(ghost.slug())));
        assertEquals(2, feeds.sitemapIndex().content().months().size());

        Instant when = hidden == ArticleStatus.SCHEDULED ? NOW.plus(Duration.ofDays(1)) : once.publishedAt();
        boolean trash = hidden == ArticleStatus.TRASH;
        Article saved = newsroom.articles.save(new ArticleDraft(once.id(), once.title(), "", once.slug(),
                once.bodyMarkdown(), "", null, trash ? ArticleStatus.PUBLISHED : hidden, world.id(),
                List.of(amina.id(), ghost.id()), List.of("Kabul", "Merger"), when, once.version()));
        if (trash) {
            newsroom.desk.trash(Actor.commandLine(), saved.id(), saved.version());
        }
        assertEquals(hidden, newsroom.articles.find(once.id()).orElseThrow().status(), "setup");

        for (var feed : List.of(feeds.site(20), feeds.section(world.slug(), 20), feeds.tag("kabul", 20),
                feeds.author(amina.slug(), 20))) {
            assertEquals(List.of(shown.id()), feed.content().items().stream().map(item -> item.card().id())
                    .toList());
        }
        assertThrows(NotFound.class, () -> feeds.tag("merger", 20), "a tag whose only article is hidden");
        assertThrows(NotFound.class, () -> feeds.author(ghost.slug(), 20));
        assertThrows(NotFound.class, () -> feeds.comments("hidden-story", 20), "its comment feed");
        assertTrue(feeds.comments(20).content().isEmpty(), "its comments in the site-wide feed");
        for (Instant at : List.of(earlier, when)) {
            YearMonth month = Keys.month(at);
            if (!month.equals(Keys.month(shown.publishedAt()))) {
                assertThrows(NotFound.class, () -> feeds.sitemapMonth(month, 1), "its month's sitemap");
            }
        }
        assertEquals(List.of(shown.id()), feeds.sitemapMonth(Keys.month(shown.publishedAt()), 1).content().stream()
                .map(DistributionStore.Entry::id).toList());
        var index = feeds.sitemapIndex().content();
        assertEquals(1, index.months().size());
        assertEquals(1, index.months().getFirst().count());
        assertEquals(List.of(shown.id()), feeds.recent(NOW).content().articles().stream()
                .map(DistributionStore.Headline::id).toList());
        assertFalse(feeds.sitemapTags().content().stream().anyMatch(tag -> tag.slug().equals("merger")));
        assertFalse(feeds.sitemapAuthors().content().stream().anyMatch(a -> a.slug().equals(ghost.slug())));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theNewsWindowIsTheLast48HoursAndExpiresWithItsOldestArticle(TestDatabases db) {
        open(db);
        newsroom.articles.save(draft(0, "Old news", "old", ArticleStatus.PUBLISHED, List.of(amina), List.of(),
                NOW.minus(Duration.ofHours(48))));
        Article recent = newsroom.articles.save(draft(0, "Recent news", "recent", ArticleStatus.PUBLISHED,
                List.of(amina), List.of(), NOW.minus(Duration.ofHours(47))));
        var shown = feeds.recent(NOW);
        assertEquals(List.of(recent.id()), shown.content().articles().stream()
                .map(DistributionStore.Headline::id).toList(), "48 hours old has aged out");
        assertEquals(NOW.plus(Duration.ofHours(1)), shown.content().expiresAt());
        assertTrue(shown.keys().contains(Keys.card(recent.id())), "its title and address");
        assertTrue(shown.keys().stream().anyMatch(key -> key.startsWith(Keys.HOME + ">")),
                "the home list, down to the window's edge: " + shown.keys());
    }

    private ArticleDraft draft(long id, String title, String slug, ArticleStatus status, List<Author> authors,
                               List<String> tags, Instant publishedAt) {
        return new ArticleDraft(id, title, "", slug, "Text of " + title + ".", "", null, status, world.id(),
                authors.stream().map(Author::id).toList(), tags, publishedAt);
    }
}
