package dev.byline.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.article.ArticleSummary;
import dev.byline.change.Change;
import dev.byline.change.Keys;
import dev.byline.people.Author;
import dev.byline.support.MutableClock;
import dev.byline.support.Newsroom;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The demo notice is on every page while a demo article is public, and the write that changes that announces
 * {@link Keys#DEMO} (every page records it), on SQLite and PostgreSQL.
 *
 * <pre>
 * write                                                        announces demo
 * delete or unpublish a demo article, others still public      no
 * edit a public demo article                                   no
 * publish, unpublish or delete one of the newsroom's articles  no
 * unpublish the last public demo article                       yes, and the notice is off
 * publish a demo article again                                 yes, and the notice is on
 * delete the only public demo article                          yes
 * two writers unpublish the last two at once (PostgreSQL)      the second waits for the first, and announces
 * </pre>
 */
class DemoNoticeTest extends NewsroomTest {

    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theWriteThatTakesTheLastDemoArticleOffTheSiteAnnouncesTheNotice(TestDatabases db) {
        Newsroom newsroom = openNewsroom(db, clock);
        newsroom.demo.loadIfEmpty();
        assertTrue(newsroom.demoNotice.shown());
        List<ArticleSummary> demo = newsroom.articles.latest(1, 1000).items();
        Article own = ownArticle(newsroom);
        assertFalse(newsroom.lastChange().keys().contains(Keys.DEMO));
        for (ArticleSummary article : demo.subList(2, demo.size())) {
            Article stored = newsroom.articles.find(article.id()).orElseThrow();
            newsroom.articles.delete(stored.id(), stored.version());
            assertFalse(newsroom.lastChange().keys().contains(Keys.DEMO), "others are still public");
        }
        Article last = newsroom.articles.find(demo.get(0).id()).orElseThrow();
        Article other = newsroom.articles.find(demo.get(1).id()).orElseThrow();

        other = newsroom.articles.save(edit(other, ArticleStatus.DRAFT));
        assertFalse(newsroom.lastChange().keys().contains(Keys.DEMO), "one is still public");
        last = newsroom.articles.save(edit(last, ArticleStatus.PUBLISHED));
        assertFalse(newsroom.lastChange().keys().contains(Keys.DEMO), "an edit that leaves it public");
        own = newsroom.articles.save(edit(own, ArticleStatus.DRAFT));
        assertFalse(newsroom.lastChange().keys().contains(Keys.DEMO), "the newsroom's own article");
        own = newsroom.articles.save(edit(own, ArticleStatus.PUBLISHED));
        assertFalse(newsroom.lastChange().keys().contains(Keys.DEMO));
        assertTrue(newsroom.demoNotice.shown());

        last = newsroom.articles.save(edit(last, ArticleStatus.DRAFT));
        assertTrue(newsroom.lastChange().keys().contains(Keys.DEMO), "the last demo article left the site");
        assertFalse(newsroom.demoNotice.shown());

        other = newsroom.articles.save(edit(other, ArticleStatus.PUBLISHED));
        assertTrue(newsroom.lastChange().keys().contains(Keys.DEMO), "a demo article is back");
        assertTrue(newsroom.demoNotice.shown());

        newsroom.articles.delete(other.id(), other.version());
        assertTrue(newsroom.lastChange().keys().contains(Keys.DEMO), "deleting the only public one");
        assertFalse(newsroom.demoNotice.shown());
    }

    /**
     * Two transactions take the last two public demo articles off the site at once. Each, alone, still sees the
     * other's article as public; the second must wait for the first to commit and then see that the notice goes.
     * PostgreSQL only: SQLite's writers never overlap.
     */
    @Test
    void ofTwoWritersTakingTheLastTwoOffAtOnceTheSecondWaitsAndAnnounces() throws Exception {
        Newsroom newsroom = openNewsroom(TestDatabases.POSTGRES, clock);
        newsroom.demo.loadIfEmpty();
        List<ArticleSummary> demo = newsroom.articles.latest(1, 1000).items();
        for (ArticleSummary article : demo.subList(2, demo.size())) {
            newsroom.articles.delete(article.id(), newsroom.articles.find(article.id()).orElseThrow().version());
        }
        long first = demo.get(0).id();
        long second = demo.get(1).id();
        try (Handle one = newsroom.database.jdbi().open(); Handle two = newsroom.database.jdbi().open();
             var pool = Executors.newSingleThreadExecutor()) {
            one.begin();
            two.begin();
            unpublish(one, first);
            unpublish(two, second);
            assertEquals(Set.of(), newsroom.demoNotice.keys(one, List.of(takenOff(first))),
                    "the first still sees the second article as public");
            int secondPid = two.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one();
            Future<Set<String>> secondKeys = pool.submit(() -> newsroom.demoNotice.keys(two, List.of(takenOff(second))));
            while (!waitsForALock(newsroom, secondPid)) {
                assertFalse(secondKeys.isDone(), "the second writer must wait for the first");
                Thread.onSpinWait();
            }
            one.commit();
            assertEquals(Set.of(Keys.DEMO), secondKeys.get(), "after the first commit, the notice goes");
            two.commit();
        }
        assertFalse(newsroom.demoNotice.shown());
    }

    private static void unpublish(Handle handle, long articleId) {
        handle.execute("UPDATE articles SET status = 'draft' WHERE id = ?", articleId);
    }

    private static Change.Entity takenOff(long articleId) {
        return new Change.Entity(Change.Entity.ARTICLE, articleId, true, false);
    }

    private static boolean waitsForALock(Newsroom newsroom, int pid) {
        return newsroom.database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = :pid AND wait_event_type = 'Lock'")
                .bind("pid", pid).mapTo(Integer.class).one() > 0);
    }

    private static Article ownArticle(Newsroom newsroom) {
        Section local = newsroom.taxonomy.saveSection(new Section(0, "", "Local", "", null, 9));
        Author author = newsroom.authors.save(new Author(0, "", "Ola Nordmann", "", null));
        return newsroom.articles.save(new ArticleDraft(0, "Harbour reopens", "", "", "Monday.", "", null,
                ArticleStatus.PUBLISHED, local.id(), List.of(author.id()), List.of(), null));
    }

    private static ArticleDraft edit(Article article, ArticleStatus status) {
        return new ArticleDraft(article.id(), article.title(), article.dek(), article.slug(), article.bodyMarkdown(),
                article.excerpt(), article.featuredMediaId(), status, article.sectionId(), article.authorIds(),
                List.of(), null, article.version());
    }
}
