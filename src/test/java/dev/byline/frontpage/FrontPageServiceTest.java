package dev.byline.frontpage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.change.Keys;
import dev.byline.error.Conflict;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.news.ArticleCard;
import dev.byline.news.FrontPageNews;
import dev.byline.news.PublicNews;
import dev.byline.news.Shown;
import dev.byline.people.Author;
import dev.byline.support.MutableClock;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The front page's picks, on SQLite and PostgreSQL, and the home page's first page as the read model makes it.
 *
 * <pre>
 * case                                                  outcome
 * author, contributor, visitor                          Forbidden
 * nothing picked                                        the newest leads, as before
 * a lead and pinned stories                             lead, pinned in their order, then the latest without them
 * pick a draft, an unknown id; pin twice, the lead,     Invalid at articleId
 * more than the most
 * every change                                          front (the home page's first page only); version up
 * a change from an older version                        Conflict, nothing changed
 * two editors at once (PostgreSQL)                      one change made, the other refused
 * a pinned or lead story unpublished or trashed         off the front page in the same write, which adds front
 * a picked story deleted                                its pick goes with it
 * a pick and an unpublish at once (PostgreSQL)          the story is never left picked while unpublished
 * </pre>
 */
class FrontPageServiceTest extends NewsroomTest {

    static final Actor EDITOR = new Actor(1, "editor@newsroom.test", Optional.of(Role.EDITOR), 0, "192.0.2.1");
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    Section world;
    Author author;
    PublicNews news;

    void open(TestDatabases db) {
        openNewsroom(db, clock);
        world = newsroom.taxonomy.saveSection(new Section(0, "", "World", "", null, 0));
        author = newsroom.authors.save(new Author(0, "", "Amina Rahimi", "", null));
        news = new PublicNews(newsroom.articles, newsroom.authors, newsroom.taxonomy, newsroom.media,
                newsroom.frontPage);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void onlyEditorsAndAdministratorsPickTheFrontPage(TestDatabases db) {
        open(db);
        Article story = publish("Story");
        FrontPageService front = newsroom.frontPage;
        for (Actor actor : List.of(actor(Role.AUTHOR), actor(Role.CONTRIBUTOR), Actor.visitor("192.0.2.9"))) {
            assertThrows(Forbidden.class, () -> front.desk(actor, ""));
            assertThrows(Forbidden.class, () -> front.lead(actor, 0, story.id()));
            assertThrows(Forbidden.class, () -> front.clearLead(actor, 0));
            assertThrows(Forbidden.class, () -> front.pin(actor, 0, story.id()));
            assertThrows(Forbidden.class, () -> front.unpin(actor, 0, story.id()));
            assertThrows(Forbidden.class, () -> front.move(actor, 0, story.id(), 1));
        }
        assertEquals(Optional.of(story.id()), front.lead(actor(Role.ADMINISTRATOR), 0, story.id()).lead());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theLeadAndPinnedStoriesGoAboveTheLatest(TestDatabases db) {
        open(db);
        List<Article> stories = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            stories.add(publish("Story " + i));
            clock.advance(Duration.ofMinutes(10));
        }
        Shown<FrontPageNews> plain = news.front(4);
        assertEquals("Story 6", plain.content().lead().title(), "nothing picked: the newest leads");
        assertEquals(List.of("Story 5", "Story 4", "Story 3"), titles(plain.content().latest().cards()));
        assertTrue(plain.content().pinned().isEmpty());
        assertTrue(plain.keys().contains(Keys.FRONT));

        FrontPageService front = newsroom.frontPage;
        FrontPage picks = front.lead(EDITOR, 0, stories.get(1).id());
        assertEquals(Set.of(Keys.FRONT), newsroom.lastChange().keys());
        picks = front.pin(EDITOR, picks.version(), stories.get(0).id());
        picks = front.pin(EDITOR, picks.version(), stories.get(4).id());
        picks = front.move(EDITOR, picks.version(), stories.get(4).id(), -1);
        assertEquals(List.of(stories.get(4).id(), stories.get(0).id()), picks.pinned());

        FrontPageNews page = news.front(4).content();
        assertEquals("Story 2", page.lead().title());
        assertEquals(List.of("Story 5", "Story 1"), titles(page.pinned()));
        assertEquals(List.of("Story 6", "Story 4", "Story 3"), titles(page.latest().cards()),
                "the first four of the latest, without the stories above them");
        assertTrue(page.latest().hasNext());

        // making a pinned story the lead takes it out of the pinned ones
        picks = front.lead(EDITOR, picks.version(), stories.get(4).id());
        assertEquals(List.of(stories.get(0).id()), picks.pinned());
        picks = front.clearLead(EDITOR, picks.version());
        assertEquals(Optional.empty(), picks.lead());
        assertEquals("Story 6", news.front(4).content().lead().title());
        picks = front.unpin(EDITOR, picks.version(), stories.get(0).id());
        assertTrue(picks.pinned().isEmpty());
        assertEquals(Set.of(Keys.FRONT), newsroom.lastChange().keys());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void onlyPublishedStoriesArePickedAndThePinnedOnesAreFew(TestDatabases db) {
        open(db);
        FrontPageService front = newsroom.frontPage;
        Article draft = newsroom.articles.save(new ArticleDraft(0, "Draft", "", "", "Text.", "", null,
                ArticleStatus.DRAFT, world.id(), List.of(author.id()), List.of(), null));
        Article lead = publish("Lead");
        String notPublished = "Only a published story can go on the front page; that one is not published (or no "
                + "longer exists).";
        assertEquals(Map.of("articleId", notPublished), refused(() -> front.lead(EDITOR, 0, draft.id())));
        assertEquals(Map.of("articleId", notPublished), refused(() -> front.pin(EDITOR, 0, 9999)));
        FrontPage picks = front.lead(EDITOR, 0, lead.id());
        long version = picks.version();
        assertEquals(Map.of("articleId", "That story is the lead already."),
                refused(() -> front.pin(EDITOR, version, lead.id())));
        for (int i = 0; i < FrontPageService.MAX_PINNED; i++) {
            picks = front.pin(EDITOR, picks.version(), publish("Pinned " + i).id());
        }
        long full = picks.version();
        long first = picks.pinned().getFirst();
        assertEquals(Map.of("articleId", "That story is pinned already."), refused(() -> front.pin(EDITOR, full,
                first)));
        Article more = publish("One more");
        assertEquals(Set.of("articleId"), refused(() -> front.pin(EDITOR, full, more.id())).keySet());
        assertThrows(NotFound.class, () -> front.unpin(EDITOR, full, more.id()));
        assertEquals(full, front.current().version(), "refused changes change nothing");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aChangeFromAnOlderVersionIsRefused(TestDatabases db) {
        open(db);
        FrontPageService front = newsroom.frontPage;
        Article one = publish("One");
        Article two = publish("Two");
        FrontPage seen = front.current();
        front.pin(EDITOR, seen.version(), one.id());
        Conflict conflict = assertThrows(Conflict.class, () -> front.lead(EDITOR, seen.version(), two.id()));
        assertTrue(conflict.getMessage().startsWith("Someone changed the front page after you opened this page"));
        assertEquals(Optional.empty(), front.current().lead());
        assertEquals(List.of(one.id()), front.current().pinned());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aStoryLeavingTheSiteLeavesTheFrontPageInTheSameWrite(TestDatabases db) {
        open(db);
        FrontPageService front = newsroom.frontPage;
        Article lead = publish("Lead");
        Article pinned = publish("Pinned");
        Article newest = publish("Newest");
        FrontPage picks = front.lead(EDITOR, 0, lead.id());
        picks = front.pin(EDITOR, picks.version(), pinned.id());

        Article unpublished = newsroom.articles.save(edit(newsroom.articles.find(pinned.id()).orElseThrow(),
                ArticleStatus.DRAFT));
        assertTrue(newsroom.lastChange().keys().contains(Keys.FRONT), newsroom.lastChange().keys().toString());
        assertTrue(front.current().pinned().isEmpty());
        assertEquals(picks.version() + 1, front.current().version(), "an editor's open page is now out of date");
        newsroom.articles.save(edit(unpublished, ArticleStatus.PUBLISHED));
        assertTrue(front.current().pinned().isEmpty(), "published again, it is not pinned again by itself");

        // moved to the trash: off the front page in the same write, and not back when restored
        picks = front.pin(EDITOR, front.current().version(), newest.id());
        Article trashed = newsroom.articles.find(newest.id()).orElseThrow();
        newsroom.desk.trash(Actor.commandLine(), trashed.id(), trashed.version());
        assertTrue(newsroom.lastChange().keys().contains(Keys.FRONT));
        assertTrue(front.current().pinned().isEmpty());
        assertEquals(picks.version() + 1, front.current().version());
        assertTrue(newsroom.desk.restore(Actor.commandLine(), trashed.id()).isPublic());
        assertTrue(front.current().pinned().isEmpty());

        // deleted: the pick goes with the row (ON DELETE CASCADE); the home page drops by the story's card key
        Article current = newsroom.articles.find(lead.id()).orElseThrow();
        newsroom.articles.delete(current.id(), current.version());
        assertTrue(newsroom.lastChange().keys().contains(Keys.card(lead.id())));
        assertEquals(Optional.empty(), front.current().lead());
        assertEquals("Newest", news.front(10).content().lead().title());

        // an edit that keeps it published leaves it where it is
        picks = front.pin(EDITOR, front.current().version(), newest.id());
        newsroom.articles.save(edit(newsroom.articles.find(newest.id()).orElseThrow(), ArticleStatus.PUBLISHED));
        assertTrue(!newsroom.lastChange().keys().contains(Keys.FRONT));
        assertEquals(List.of(newest.id()), front.current().pinned());
        assertEquals(picks.version(), front.current().version());
    }

    @Test
    void twoEditorsAtOnceLoseNothingSilently() {
        open(TestDatabases.POSTGRES);
        FrontPageService front = newsroom.frontPage;
        for (int round = 0; round < 10; round++) {
            Article left = publish("Left " + round);
            Article right = publish("Right " + round);
            long version = front.current().version();
            var barrier = new CyclicBarrier(2);
            var outcomes = new ArrayList<CompletableFuture<String>>();
            for (Article story : List.of(left, right)) {
                outcomes.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        barrier.await();
                        front.lead(EDITOR, version, story.id());
                        return "lead " + story.id();
                    } catch (Conflict conflict) {
                        return "conflict";
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            List<String> results = outcomes.stream().map(CompletableFuture::join).sorted().toList();
            assertEquals("conflict", results.get(0), "round " + round + ": " + results);
            assertEquals("lead " + front.current().lead().orElseThrow(), results.get(1));
            assertEquals(version + 1, front.current().version());
        }
    }

    @Test
    void aPickAndAnUnpublishAtOnceNeverLeaveAnUnpublishedStoryPicked() {
        open(TestDatabases.POSTGRES);
        FrontPageService front = newsroom.frontPage;
        for (int round = 0; round < 10; round++) {
            Article story = publish("Story " + round);
            long version = front.current().version();
            var barrier = new CyclicBarrier(2);
            CompletableFuture<String> pick = CompletableFuture.supplyAsync(() -> {
                try {
                    barrier.await();
                    front.pin(EDITOR, version, story.id());
                    return "pinned";
                } catch (Invalid refused) {
                    return "refused";
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            CompletableFuture<Article> unpublish = CompletableFuture.supplyAsync(() -> {
                try {
                    barrier.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return newsroom.articles.save(edit(story, ArticleStatus.DRAFT));
            });
            unpublish.join();
            String outcome = pick.join();
            assertTrue(front.current().pinned().isEmpty(), "round " + round + " (" + outcome + "): "
                    + front.current());
            assertTrue(news.front(10).content().pinned().isEmpty());
        }
    }

    private static Actor actor(Role role) {
        return new Actor(2, role.key() + "@newsroom.test", Optional.of(role), 0, "192.0.2.2");
    }

    private Article publish(String title) {
        Article article = newsroom.articles.save(new ArticleDraft(0, title, "", "", "Text.", "", null,
                ArticleStatus.PUBLISHED, world.id(), List.of(author.id()), List.of(), null));
        clock.advance(Duration.ofSeconds(1));
        return article;
    }

    private static ArticleDraft edit(Article article, ArticleStatus status) {
        return new ArticleDraft(article.id(), article.title(), article.dek(), article.slug(), article.bodyMarkdown(),
                article.excerpt(), article.featuredMediaId(), status, article.sectionId(), article.authorIds(),
                List.of(), null, article.version());
    }

    private static List<String> titles(List<ArticleCard> cards) {
        return cards.stream().map(ArticleCard::title).toList();
    }

    private static Map<String, String> refused(Runnable change) {
        return assertThrows(Invalid.class, change::run).fieldErrors();
    }
}
