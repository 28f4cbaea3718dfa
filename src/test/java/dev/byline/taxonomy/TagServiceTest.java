package dev.byline.taxonomy;

import static dev.byline.taxonomy.SectionServiceTest.EDITOR;
import static dev.byline.taxonomy.SectionServiceTest.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.change.Keys;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.people.Author;
import dev.byline.support.MutableClock;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The newsroom's changes to tags, on SQLite and PostgreSQL.
 *
 * <pre>
 * case                                         outcome
 * author, contributor, visitor                 Forbidden
 * the list                                     by name, with articles and published counted; searched by name
 * rename with a new slug                       tag:ID; the old slug finds the tag; writing the old name gives it
 * empty name, bad or clashing slug             Invalid at name / slug; unknown id: NotFound
 * merge A into B                               A's articles carry B where A was (once); A is gone; A's slug finds B;
 *                                              tag:A and list:tag:B at the newest published article B gains
 * merge into itself, into nothing              Invalid at into
 * delete                                       its articles lose it; tag:ID
 * two merges of a pair either way at once      one merges, the other is refused; no deadlock (PostgreSQL)
 * an article saved with a tag being merged     it ends up with the surviving tag, whichever commits first
 * </pre>
 */
class TagServiceTest extends NewsroomTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    Section world;
    Author author;

    void open(TestDatabases db) {
        openNewsroom(db, clock);
        world = newsroom.taxonomy.saveSection(new Section(0, "", "World", "", null, 0));
        author = newsroom.authors.save(new Author(0, "", "Amina Rahimi", "", null));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void onlyEditorsAndAdministratorsManageTags(TestDatabases db) {
        open(db);
        Tag kabul = newsroom.taxonomy.tag("Kabul");
        Tag trade = newsroom.taxonomy.tag("Trade");
        for (Actor actor : List.of(actor(Role.AUTHOR), actor(Role.CONTRIBUTOR), Actor.visitor("192.0.2.9"))) {
            assertThrows(Forbidden.class, () -> newsroom.tags.list(actor, "", 1));
            assertThrows(Forbidden.class, () -> newsroom.tags.find(actor, kabul.id()));
            assertThrows(Forbidden.class, () -> newsroom.tags.rename(actor, new Tag(kabul.id(), "k", "K", "")));
            assertThrows(Forbidden.class, () -> newsroom.tags.merge(actor, kabul.id(), "trade"));
            assertThrows(Forbidden.class, () -> newsroom.tags.delete(actor, kabul.id()));
        }
        assertEquals(List.of(kabul, trade), newsroom.tags.list(actor(Role.ADMINISTRATOR), "", 1).tags().stream()
                .map(TagService.Counted::tag).toList());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theListCountsArticlesAndSearchesByName(TestDatabases db) {
        open(db);
        publish("One", "Kabul", "Trade");
        publish("Two", "Kabul");
        draft("Three", "Kabul", "100% Afghan");
        var listing = newsroom.tags.list(EDITOR, "", 1);
        assertEquals(List.of("100% Afghan 1 0", "Kabul 3 2", "Trade 1 1"), listing.tags().stream()
                .map(counted -> counted.tag().name() + " " + counted.articles() + " " + counted.published()).toList());
        assertEquals(3, listing.total());
        assertEquals(List.of("Kabul"), names(newsroom.tags.list(EDITOR, "kab", 1)));
        assertEquals(List.of("100% Afghan"), names(newsroom.tags.list(EDITOR, "100%", 1)), "% is taken literally");
        assertEquals(List.of(), names(newsroom.tags.list(EDITOR, "_", 1)), "_ is taken literally");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void renamingKeepsTheOldAddress(TestDatabases db) {
        open(db);
        Article story = publish("Border reopens", "Kabul");
        Tag kabul = newsroom.taxonomy.findTagBySlug("kabul").orElseThrow();
        Tag renamed = newsroom.tags.rename(EDITOR, new Tag(kabul.id(), "kabul-city", "Kabul City", "The capital."));
        assertEquals(new Tag(kabul.id(), "kabul-city", "Kabul City", "The capital."), renamed);
        assertEquals(Set.of(Keys.tag(kabul.id())), newsroom.lastChange().keys());
        assertEquals(kabul.id(), newsroom.taxonomy.findTagByOldSlug("kabul").orElseThrow().id());
        // a writer typing the old name gets the renamed tag, not a new "Kabul"
        Article again = newsroom.articles.save(new ArticleDraft(0, "Another", "", "", "Text.", "", null,
                ArticleStatus.PUBLISHED, world.id(), List.of(author.id()), List.of("Kabul"), null));
        assertEquals(List.of(kabul.id()), again.tagIds());
        assertEquals(List.of(kabul.id()), newsroom.articles.find(story.id()).orElseThrow().tagIds());

        Tag trade = newsroom.taxonomy.tag("Trade");
        assertEquals(Set.of("name"), fields(() -> newsroom.tags.rename(EDITOR, new Tag(kabul.id(), "x", " ", ""))));
        assertEquals(Set.of("slug"), fields(() -> newsroom.tags.rename(EDITOR, new Tag(kabul.id(), "Bad Slug", "X",
                ""))));
        Invalid clash = assertThrows(Invalid.class, () -> newsroom.tags.rename(EDITOR, new Tag(kabul.id(), "trade",
                "Trade", "")));
        assertEquals("Another tag already uses the slug “trade”.", clash.fieldErrors().get("slug"));
        assertThrows(NotFound.class, () -> newsroom.tags.rename(EDITOR, new Tag(9999, "x", "X", "")));
        assertEquals("trade", newsroom.taxonomy.findTag(trade.id()).orElseThrow().slug());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void mergingMovesTheArticlesAndTheAddress(TestDatabases db) {
        open(db);
        Article both = publish("Both tags", "Trade", "Kabul");
        clock.advance(Duration.ofHours(1));
        Article older = publish("Kabul only, older", "Kabul", "Diplomacy");
        clock.advance(Duration.ofHours(1));
        Article newest = publish("Kabul only, newest", "Diplomacy", "Kabul");
        clock.advance(Duration.ofHours(1));
        Article draft = draft("Kabul draft, newer still", "Kabul");
        Tag kabul = newsroom.taxonomy.findTagBySlug("kabul").orElseThrow();
        Tag trade = newsroom.taxonomy.findTagBySlug("trade").orElseThrow();
        Tag diplomacy = newsroom.taxonomy.findTagBySlug("diplomacy").orElseThrow();

        assertEquals(Set.of("into"), fields(() -> newsroom.tags.merge(EDITOR, kabul.id(), "kabul")));
        assertEquals(Set.of("into"), fields(() -> newsroom.tags.merge(EDITOR, kabul.id(), "Nowhere")));
        assertEquals(Set.of("into"), fields(() -> newsroom.tags.merge(EDITOR, kabul.id(), " ")));

        Tag survivor = newsroom.tags.merge(EDITOR, kabul.id(), "Trade");
        assertEquals(trade, survivor);
        assertEquals(Set.of(Keys.tag(kabul.id()), Keys.listAt(Keys.tagList(trade.id()),
                Keys.Position.of(newest.publishedAt(), newest.id()))), newsroom.lastChange().keys(),
                "the newest published article Trade gains; the draft is in no public list");
        assertTrue(newsroom.taxonomy.findTag(kabul.id()).isEmpty());
        assertEquals(List.of(trade.id()), tags(both), "carried both: Trade once");
        assertEquals(List.of(trade.id(), diplomacy.id()), tags(older), "Trade where Kabul was");
        assertEquals(List.of(diplomacy.id(), trade.id()), tags(newest));
        assertEquals(List.of(trade.id()), tags(draft));
        assertEquals(trade.id(), newsroom.taxonomy.findTagByOldSlug("kabul").orElseThrow().id());
        assertEquals(3, newsroom.articles.countWithTag(trade.id()));

        // slugs a merged tag had before go with it
        newsroom.tags.rename(EDITOR, new Tag(diplomacy.id(), "diplomacy-and-talks", "Diplomacy", ""));
        newsroom.tags.merge(EDITOR, diplomacy.id(), "trade");
        assertEquals(trade.id(), newsroom.taxonomy.findTagByOldSlug("diplomacy").orElseThrow().id());
        assertEquals(trade.id(), newsroom.taxonomy.findTagByOldSlug("diplomacy-and-talks").orElseThrow().id());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void deletingATagTakesItOffItsArticles(TestDatabases db) {
        open(db);
        Article story = publish("Story", "Kabul", "Trade");
        Tag kabul = newsroom.taxonomy.findTagBySlug("kabul").orElseThrow();
        Tag trade = newsroom.taxonomy.findTagBySlug("trade").orElseThrow();
        assertEquals(kabul, newsroom.tags.delete(EDITOR, kabul.id()));
        assertEquals(Set.of(Keys.tag(kabul.id())), newsroom.lastChange().keys());
        assertEquals(List.of(trade.id()), tags(story));
        assertTrue(newsroom.taxonomy.findTagBySlug("kabul").isEmpty());
        assertThrows(NotFound.class, () -> newsroom.tags.delete(EDITOR, kabul.id()));
    }

    @Test
    void twoMergesOfOnePairAtOnceNeitherDeadlockNorLoseArticles() {
        open(TestDatabases.POSTGRES);
        for (int round = 0; round < 8; round++) {
            Article story = publish("Story " + round, "Left " + round, "Right " + round);
            Article left = publish("Left only " + round, "Left " + round);
            Tag a = newsroom.taxonomy.findTagBySlug("left-" + round).orElseThrow();
            Tag b = newsroom.taxonomy.findTagBySlug("right-" + round).orElseThrow();
            var barrier = new CyclicBarrier(2);
            var outcomes = new ArrayList<CompletableFuture<String>>();
            for (Tag[] pair : new Tag[][] {{a, b}, {b, a}}) {
                outcomes.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        barrier.await();
                        return "into " + newsroom.tags.merge(EDITOR, pair[0].id(), pair[1].slug()).slug();
                    } catch (Invalid | NotFound refused) {
                        return "refused";
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            List<String> results = outcomes.stream().map(CompletableFuture::join).sorted().toList();
            assertEquals("refused", results.getLast(), "round " + round + ": " + results);
            String survivor = results.getFirst().substring("into ".length());
            long survivorId = newsroom.taxonomy.findTagBySlug(survivor).orElseThrow().id();
            assertEquals(List.of(survivorId), tags(story));
            assertEquals(List.of(survivorId), tags(left));
        }
    }

    @Test
    void anArticleSavedWhileItsTagIsMergedEndsUpWithTheSurvivor() {
        open(TestDatabases.POSTGRES);
        Tag trade = newsroom.taxonomy.tag("Trade");
        for (int round = 0; round < 8; round++) {
            String name = "Kabul " + round;
            Tag merged = newsroom.taxonomy.tag(name);
            var barrier = new CyclicBarrier(2);
            CompletableFuture<Article> save = CompletableFuture.supplyAsync(() -> {
                await(barrier);
                return newsroom.articles.save(new ArticleDraft(0, "Story " + name, "", "", "Text.", "", null,
                        ArticleStatus.PUBLISHED, world.id(), List.of(author.id()), List.of(name), null));
            });
            CompletableFuture<Tag> merge = CompletableFuture.supplyAsync(() -> {
                await(barrier);
                return newsroom.tags.merge(EDITOR, merged.id(), "trade");
            });
            assertEquals(trade, merge.join());
            Article saved = save.join();
            assertEquals(List.of(trade.id()), tags(saved), "round " + round);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Long> tags(Article article) {
        return newsroom.articles.find(article.id()).orElseThrow().tagIds();
    }

    private static List<String> names(TagService.Listing listing) {
        return listing.tags().stream().map(counted -> counted.tag().name()).toList();
    }

    private Article publish(String title, String... tags) {
        return newsroom.articles.save(new ArticleDraft(0, title, "", "", "Text.", "", null, ArticleStatus.PUBLISHED,
                world.id(), List.of(author.id()), List.of(tags), null));
    }

    private Article draft(String title, String... tags) {
        return newsroom.articles.save(new ArticleDraft(0, title, "", "", "Text.", "", null, ArticleStatus.DRAFT,
                world.id(), List.of(author.id()), List.of(tags), null));
    }

    private static Set<String> fields(Runnable write) {
        return assertThrows(Invalid.class, write::run).fieldErrors().keySet();
    }
}
