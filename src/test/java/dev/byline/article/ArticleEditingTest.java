package dev.byline.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.change.Change;
import dev.byline.error.Conflict;
import dev.byline.error.Invalid;
import dev.byline.media.Media;
import dev.byline.media.MediaService;
import dev.byline.people.Author;
import dev.byline.support.MutableClock;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the desk will rely on when it edits, on SQLite and PostgreSQL.
 *
 * <pre>
 * case                                              outcome
 * edit a published article, no date given           publication date kept, modified time now
 * unpublish, then publish again, no date given      the first publication date
 * update carrying the version it was read at        saved, version + 1
 * update carrying an older version                  Conflict; nothing written, no change announced
 * two writers update from the same version          exactly one wins, the other gets Conflict
 * save a draft or a pending article                 no page key announced (entity says: not public)
 * save introducing a new tag, then failing          neither the article nor the tag exists
 * two writers introduce the same new tag at once    both saved, one tag
 * edit an image's caption or alt text               bodies showing it re-rendered; media and article keys
 * replace an image's file                           bodies show the new file; the old path still finds it
 * delete an article                                 gone, its lists announced
 * the tick publishes an article taken back meanwhile  not published (the update re-checks status and time)
 * </pre>
 */
class ArticleEditingTest extends NewsroomTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    MutableClock clock = new MutableClock(NOW);
    Section world;
    Author writer;

    void open(TestDatabases db) {
        openNewsroom(db, clock);
        world = newsroom.taxonomy.saveSection(new Section(0, "", "World", "", null, 0));
        writer = newsroom.authors.save(new Author(0, "", "Amina Rahimi", "Reporter.", null));
    }

    ArticleDraft draft(String title, ArticleStatus status, List<String> tags) {
        return new ArticleDraft(0, title, "A dek.", "", "First paragraph.", "", null, status, world.id(),
                List.of(writer.id()), tags, null);
    }

    static ArticleDraft edit(Article article, String title, ArticleStatus status, String body) {
        return new ArticleDraft(article.id(), title, article.dek(), article.slug(), body, "",
                article.featuredMediaId(), status, article.sectionId(), article.authorIds(), List.of(), null,
                article.version());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anEditKeepsThePublicationDateAndRecordsTheModifiedTime(TestDatabases db) {
        open(db);
        Article article = newsroom.articles.save(draft("Border reopens", ArticleStatus.PUBLISHED, List.of()));
        assertEquals(NOW, article.publishedAt());
        assertEquals(1, article.version());

        clock.advance(Duration.ofHours(5));
        Article edited = newsroom.articles.save(edit(article, "Border reopens for trade", ArticleStatus.PUBLISHED,
                "Corrected."));
        assertEquals(NOW, edited.publishedAt(), "an edit does not re-publish at now");
        assertEquals(NOW.plus(Duration.ofHours(5)), edited.updatedAt());
        assertEquals(2, edited.version());

        clock.advance(Duration.ofHours(1));
        Article down = newsroom.articles.save(edit(edited, edited.title(), ArticleStatus.DRAFT, "Corrected."));
        clock.advance(Duration.ofHours(1));
        Article back = newsroom.articles.save(edit(down, down.title(), ArticleStatus.PUBLISHED, "Corrected."));
        assertEquals(NOW, back.publishedAt(), "taken down and put back: the first publication date");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aStaleVersionIsRefusedAndNothingIsOverwritten(TestDatabases db) {
        open(db);
        Article article = newsroom.articles.save(draft("First version", ArticleStatus.PUBLISHED, List.of()));
        Article second = newsroom.articles.save(edit(article, "Second version", ArticleStatus.PUBLISHED, "B"));
        int changesBefore = newsroom.published.size();

        var conflict = assertThrows(Conflict.class,
                () -> newsroom.articles.save(edit(article, "Stale edit", ArticleStatus.PUBLISHED, "A")));
        assertTrue(conflict.getMessage().contains("version 2"), conflict.getMessage());
        Article now = newsroom.articles.find(article.id()).orElseThrow();
        assertEquals("Second version", now.title());
        assertEquals(second.version(), now.version());
        assertEquals(changesBefore, newsroom.published.size(), "nothing announced");
        assertThrows(Conflict.class, () -> newsroom.articles.delete(article.id(), article.version()));
        assertTrue(newsroom.articles.find(article.id()).isPresent());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twoWritersFromTheSameVersionOneWins(TestDatabases db) throws Exception {
        open(db);
        Article article = newsroom.articles.save(draft("Contested", ArticleStatus.PUBLISHED, List.of()));
        var outcomes = race(2, writer -> newsroom.articles.save(
                edit(article, "Edit by writer " + writer, ArticleStatus.PUBLISHED, "Body " + writer)));
        long saved = outcomes.stream().filter(outcome -> outcome instanceof Article).count();
        long refused = outcomes.stream().filter(outcome -> outcome instanceof Conflict).count();
        assertEquals(1, saved, outcomes.toString());
        assertEquals(1, refused, outcomes.toString());
        Article winner = (Article) outcomes.stream().filter(outcome -> outcome instanceof Article).findFirst()
                .orElseThrow();
        Article stored = newsroom.articles.find(article.id()).orElseThrow();
        assertEquals(winner.title(), stored.title());
        assertEquals(2, stored.version());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void draftsAndPendingArticlesAnnounceNoPublicKey(TestDatabases db) {
        open(db);
        Article draft = newsroom.articles.save(draft("Work in progress", ArticleStatus.DRAFT, List.of()));
        assertEquals(Set.of(), newsroom.lastKeyNames());
        assertEquals(List.of(new Change.Entity("article", draft.id(), false, false)),
                newsroom.lastChange().entities());
        Article pending = newsroom.articles.save(edit(draft, "Ready for review", ArticleStatus.PENDING, "Text"));
        assertEquals(Set.of(), newsroom.lastKeyNames(), "an autosave drops no public page");

        newsroom.articles.save(edit(pending, "Ready for review", ArticleStatus.PUBLISHED, "Text"));
        assertTrue(newsroom.lastKeyNames().containsAll(Set.of("article:" + draft.id(), "list:home")));
        assertEquals(List.of(new Change.Entity("article", draft.id(), false, true)),
                newsroom.lastChange().entities());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anEditThatChangesOnlyTheBodyLeavesTheListsAlone(TestDatabases db) {
        open(db);
        Article article = newsroom.articles.save(draft("Steady", ArticleStatus.PUBLISHED, List.of("Trade")));
        newsroom.articles.save(new ArticleDraft(article.id(), article.title(), article.dek(), article.slug(),
                "A new body.", "", null, ArticleStatus.PUBLISHED, article.sectionId(), article.authorIds(),
                List.of("Trade"), null, article.version()));
        // the excerpt comes from the body, so the teaser changed too
        // and its month's sitemap, whose lastmod it moves
        String month = dev.byline.change.Keys.sitemap(java.time.YearMonth.from(article.publishedAt()
                .atZone(java.time.ZoneOffset.UTC)));
        assertEquals(Set.of("article:" + article.id(), "card:" + article.id(), month), newsroom.lastKeyNames());
        Article second = newsroom.articles.find(article.id()).orElseThrow();
        newsroom.articles.save(new ArticleDraft(second.id(), second.title(), second.dek(), second.slug(),
                "A new body.\n\nAnd a second paragraph.", second.excerpt(), null, ArticleStatus.PUBLISHED,
                second.sectionId(), second.authorIds(), List.of("Trade"), null, second.version()));
        assertEquals(Set.of("article:" + article.id(), month), newsroom.lastKeyNames(),
                "the teaser shows nothing that changed (the sitemap's lastmod moves)");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aNewTagCommitsWithItsArticleOrNotAtAll(TestDatabases db) {
        open(db);
        newsroom.articles.save(new ArticleDraft(0, "Taken", "", "taken-slug", "", "", null, ArticleStatus.DRAFT,
                world.id(), List.of(writer.id()), List.of(), null));
        assertThrows(Invalid.class, () -> newsroom.articles.save(new ArticleDraft(0, "Other", "", "taken-slug", "",
                "", null, ArticleStatus.PUBLISHED, world.id(), List.of(writer.id()), List.of("Brand new tag"), null)));
        assertTrue(newsroom.taxonomy.findTagBySlug("brand-new-tag").isEmpty(), "the failed save left no tag behind");

        Article saved = newsroom.articles.save(draft("Tagged", ArticleStatus.PUBLISHED, List.of("Brand new tag")));
        long tag = newsroom.taxonomy.findTagBySlug("brand-new-tag").orElseThrow().id();
        assertEquals(List.of(tag), saved.tagIds());
        assertTrue(newsroom.lastChange().entities().contains(new Change.Entity("tag", tag, false, true)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twoWritersIntroducingTheSameTagBothSucceed(TestDatabases db) throws Exception {
        open(db);
        var outcomes = race(2, writer -> newsroom.articles.save(
                draft("Story " + writer, ArticleStatus.PUBLISHED, List.of("Election night"))));
        assertTrue(outcomes.stream().allMatch(outcome -> outcome instanceof Article), outcomes.toString());
        long tag = newsroom.taxonomy.findTagBySlug("election-night").orElseThrow().id();
        assertEquals(2, newsroom.articles.countWithTag(tag));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aNewCaptionReachesEveryBodyShowingTheImage(TestDatabases db) throws IOException {
        open(db);
        Media photo = newsroom.media.store(new MediaService.Upload(png(1000, 600), "talks.png", "Delegates", "Old caption", ""));
        String body = "Intro.\n\n![](/media/" + photo.path() + ")\n\nMore.";
        Article shown = newsroom.articles.save(new ArticleDraft(0, "Talks", "", "", body, "", null,
                ArticleStatus.PUBLISHED, world.id(), List.of(writer.id()), List.of(), null));
        Article drafted = newsroom.articles.save(new ArticleDraft(0, "Talks draft", "", "", body, "", null,
                ArticleStatus.DRAFT, world.id(), List.of(writer.id()), List.of(), null));
        Article featuredOnly = newsroom.articles.save(new ArticleDraft(0, "Featured", "", "", "Text.", "", photo.id(),
                ArticleStatus.PUBLISHED, world.id(), List.of(writer.id()), List.of(), null));
        assertTrue(shown.bodyHtml().contains("Old caption"));

        newsroom.images.describe(photo.id(), "Delegates at the table", "New caption", "Reuters");
        for (Article article : List.of(shown, drafted)) {
            String html = newsroom.articles.find(article.id()).orElseThrow().bodyHtml();
            assertTrue(html.contains("New caption") && html.contains("alt=\"Delegates at the table\""), html);
            assertFalse(html.contains("Old caption"));
        }
        assertEquals(Set.of("media:" + photo.id(), "caption:" + photo.id(), "article:" + shown.id()),
                newsroom.lastKeyNames(), "the draft's body changed too, but no public page shows it");
        newsroom.images.describe(photo.id(), "Delegates at the table", "Newer caption", "Reuters");
        assertEquals(Set.of("caption:" + photo.id(), "article:" + shown.id()), newsroom.lastKeyNames(),
                "the alt text did not change: teasers showing the image stay");
        assertEquals(featuredOnly.bodyHtml(), newsroom.articles.find(featuredOnly.id()).orElseThrow().bodyHtml());
        assertEquals(shown.version(), newsroom.articles.find(shown.id()).orElseThrow().version(),
                "re-rendering is not an edit of the article");

        Media replaced = newsroom.images.replace(photo.id(),
                new MediaService.Upload(png(900, 900), "talks-square.png", "", "", ""));
        assertEquals(photo.id(), replaced.id());
        assertEquals("Newer caption", replaced.caption(), "the description stays with the image");
        String html = newsroom.articles.find(shown.id()).orElseThrow().bodyHtml();
        assertTrue(html.contains(replaced.url()) && !html.contains(photo.url()), html);
        assertEquals(replaced, newsroom.media.findByPaths(List.of(photo.path())).get(photo.path()),
                "a body still naming the old path finds the image");
        assertTrue(newsroom.lastKeyNames().contains("article:" + shown.id()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void deletingAnArticleAnnouncesItsLists(TestDatabases db) {
        open(db);
        Article article = newsroom.articles.save(draft("Short-lived", ArticleStatus.PUBLISHED, List.of("Trade")));
        newsroom.articles.delete(article.id(), article.version());
        assertTrue(newsroom.articles.find(article.id()).isEmpty());
        assertTrue(newsroom.lastKeyNames().containsAll(Set.of("article:" + article.id(), "list:home",
                "list:section:" + world.id(), "list:author:" + writer.id())));
        assertEquals(List.of(new Change.Entity("article", article.id(), true, false)),
                newsroom.lastChange().entities());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theTickNeverPublishesAnArticleTakenBackMeanwhile(TestDatabases db) {
        open(db);
        Article scheduled = newsroom.articles.save(new ArticleDraft(0, "Embargoed", "", "", "Text.", "", null,
                ArticleStatus.SCHEDULED, world.id(), List.of(writer.id()), List.of(), NOW.plus(Duration.ofHours(1))));
        // the tick has read that it is due; before it writes, an editor takes it back to draft
        newsroom.articles.save(edit(scheduled, "Embargoed", ArticleStatus.DRAFT, "Text."));
        var store = new ArticleStore(newsroom.database.jdbi());
        boolean published = newsroom.database.jdbi().inTransaction(handle ->
                store.publishIfDue(handle, scheduled.id(), NOW.plus(Duration.ofHours(2))));
        assertFalse(published);
        assertEquals(ArticleStatus.DRAFT, newsroom.articles.find(scheduled.id()).orElseThrow().status());
        assertEquals(0, newsroom.articles.publishDue(NOW.plus(Duration.ofHours(2))));
    }

    /** Runs {@code work} on {@code writers} threads released together; each outcome is a result or an exception. */
    static List<Object> race(int writers, WriterWork work) throws InterruptedException, ExecutionException {
        var barrier = new CyclicBarrier(writers);
        try (var pool = Executors.newFixedThreadPool(writers)) {
            var futures = new ArrayList<Future<Object>>();
            for (int writer = 0; writer < writers; writer++) {
                int id = writer;
                Callable<Object> task = () -> {
                    barrier.await();
                    try {
                        return work.run(id);
                    } catch (RuntimeException e) {
                        return e;
                    }
                };
                futures.add(pool.submit(task));
            }
            var outcomes = new ArrayList<Object>();
            for (var future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }

    @FunctionalInterface
    interface WriterWork {
        Object run(int writer);
    }

    static byte[] png(int width, int height) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
