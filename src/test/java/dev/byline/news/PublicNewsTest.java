package dev.byline.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.change.Keys;
import dev.byline.error.NotFound;
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
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public read model on SQLite and PostgreSQL: what the public may see, and the keys of what it is shown.
 *
 * <pre>
 * an article in each status but published (draft, pending, scheduled, private, and any added later) is
 *   found by its slug / by a slug it had while published / by id      no / no / NotFound
 *   in the latest, section, tag and author lists                       absent, and no next page for it
 *   counted (the last page a page past the end names)                  no
 *   in a published neighbour's "related" box                           absent
 * a tag, author or section whose only article is hidden              no archive: NotFound, worded as for none
 * the same article published (the control)                           found everywhere above
 * an empty paper                                                     an empty first page; page 2 NotFound
 * every answer's keys                                                cover each article, section, tag, author and
 *                                                                    image in it; the writes that change one hit them
 * a body edit / a new bio                                            reaches the article page, not the lists
 * a list write below the row past a page / at it / on the last page   does not reach it / does / does
 * </pre>
 */
class PublicNewsTest extends NewsroomTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
    PublicNews news;
    Section world;
    Section europe;
    Author amina;
    Author ghost;
    Media photo;
    Media portrait;

    void open(TestDatabases db) {
        openNewsroom(db, clock);
        news = new PublicNews(newsroom.articles, newsroom.authors, newsroom.taxonomy, newsroom.media);
        world = newsroom.taxonomy.saveSection(new Section(0, "", "World", "", null, 0));
        europe = newsroom.taxonomy.saveSection(new Section(0, "", "Europe", "", world.id(), 0));
        photo = newsroom.media.store(new MediaService.Upload(png(640, 400), "photo.png", "A photo", "Caption", ""));
        portrait = newsroom.media.store(new MediaService.Upload(png(96, 96), "amina.png", "", "", ""));
        amina = newsroom.authors.save(new Author(0, "", "Amina Rahimi", "Reporter.", portrait.id()));
        ghost = newsroom.authors.save(new Author(0, "", "Ghost Writer", "", null));
    }

    static Stream<Arguments> hiddenStatuses() {
        return Arrays.stream(TestDatabases.values()).flatMap(db -> Arrays.stream(ArticleStatus.values())
                .filter(status -> status != ArticleStatus.PUBLISHED).map(status -> Arguments.of(db, status)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hiddenStatuses")
    void onlyPublishedArticlesAreEverShown(TestDatabases db, ArticleStatus hidden) {
        open(db);
        Article shown = newsroom.articles.save(draft(0, "Kabul reopens the border", "", ArticleStatus.PUBLISHED,
                world, List.of(amina), List.of("Kabul"), NOW.minus(Duration.ofHours(2))));
        // the hidden one: published first under another slug, alone in Europe, in the tag Merger and under Ghost
        Article once = newsroom.articles.save(draft(0, "Merger talks", "hidden-story", ArticleStatus.PUBLISHED,
                europe, List.of(amina, ghost), List.of("Kabul", "Merger"), NOW.minus(Duration.ofHours(1))));

        // the control: while it is published, it is everywhere the assertions below look
        assertTrue(news.locate("hidden-story").isPresent());
        assertEquals(2, news.latest(1, 10).content().cards().size());
        assertEquals(once.id(), news.article(shown.id(), 3).content().related().getFirst().id());
        news.tag("merger", 1, 10);
        news.author(ghost.slug(), 1, 10);
        news.section(europe.slug(), 1, 10);

        Instant when = hidden == ArticleStatus.SCHEDULED ? NOW.plus(Duration.ofDays(1)) : once.publishedAt();
        ArticleDraft hide = draft(once.id(), once.title(), "hidden-story-now", hidden, europe, List.of(amina, ghost),
                List.of("Kabul", "Merger"), when);
        // the trash is reached by the desk's trash, not by a save: renamed while public, then trashed
        boolean trash = hidden == ArticleStatus.TRASH;
        Article saved = newsroom.articles.save(new ArticleDraft(hide.id(), hide.title(), hide.dek(), hide.slug(),
                hide.bodyMarkdown(), hide.excerpt(), hide.featuredMediaId(),
                trash ? ArticleStatus.PUBLISHED : hide.status(), hide.sectionId(),
                hide.authorIds(), hide.tagNames(), hide.publishedAt(), once.version()));
        if (trash) {
            newsroom.desk.trash(dev.byline.account.Actor.commandLine(), saved.id(), saved.version());
        }
        Article gone = newsroom.articles.find(saved.id()).orElseThrow();
        assertEquals(hidden, gone.status());
        assertEquals(once.id(), newsroom.articles.findByOldSlug("hidden-story").orElseThrow().id(), "setup");

        assertTrue(news.locate("hidden-story-now").isEmpty(), "by slug");
        assertTrue(news.locate("hidden-story").isEmpty(), "by old slug");
        assertThrows(NotFound.class, () -> news.article(gone.id(), 3), "by id");

        assertOnly(shown, news.latest(1, 1).content());
        assertOnly(shown, news.section(world.slug(), 1, 1).content().listing());
        assertOnly(shown, news.tag("kabul", 1, 1).content().listing());
        assertOnly(shown, news.author(amina.slug(), 1, 1).content().listing());
        assertTrue(news.article(shown.id(), 3).content().related().isEmpty(), "related box");

        // counted, a second article would make page 2 the last page
        for (Supplier<?> pageTwo : List.<Supplier<?>>of(() -> news.latest(2, 1),
                () -> news.section(world.slug(), 2, 1), () -> news.tag("kabul", 2, 1),
                () -> news.author(amina.slug(), 2, 1))) {
            var past = assertThrows(NotFound.class, pageTwo::get);
            assertEquals("There is no page 2 here; the last page is 1.", past.getMessage());
        }

        assertEquals(PublicNews.NO_TAG, assertThrows(NotFound.class, () -> news.tag("merger", 1, 10)).getMessage());
        assertEquals(PublicNews.NO_TAG, assertThrows(NotFound.class, () -> news.tag("no-such", 1, 10)).getMessage());
        assertEquals(PublicNews.NO_AUTHOR,
                assertThrows(NotFound.class, () -> news.author(ghost.slug(), 1, 10)).getMessage());
        assertEquals(PublicNews.NO_SECTION,
                assertThrows(NotFound.class, () -> news.section(europe.slug(), 1, 10)).getMessage());
        assertThrows(NotFound.class, () -> news.tag("merger", 2, 10), "nor a page past its end");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anEmptyPaperHasAnEmptyFrontPage(TestDatabases db) {
        open(db);
        Listing first = news.latest(1, 10).content();
        assertTrue(first.cards().isEmpty());
        assertFalse(first.hasNext());
        assertEquals("There is no page 2 here; the last page is 1.",
                assertThrows(NotFound.class, () -> news.latest(2, 10)).getMessage());
        assertEquals(PublicNews.NO_SECTION,
                assertThrows(NotFound.class, () -> news.section(world.slug(), 1, 10)).getMessage());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void everyAnswerCarriesTheKeysOfWhatItShows(TestDatabases db) {
        open(db);
        Article older = newsroom.articles.save(draft(0, "Older story", "", ArticleStatus.PUBLISHED, europe,
                List.of(ghost), List.of("Kabul"), NOW.minus(Duration.ofHours(3))));
        Article story = newsroom.articles.save(new ArticleDraft(0, "Kabul reopens the border", "A dek.", "",
                "Text.", "", photo.id(), ArticleStatus.PUBLISHED, world.id(), List.of(amina.id(), ghost.id()),
                List.of("Kabul", "Trade"), NOW.minus(Duration.ofHours(1))));

        var answers = Map.<String, Supplier<Shown<?>>>of(
                "latest", () -> news.latest(1, 10),
                "article", () -> news.article(story.id(), 3),
                "section", () -> news.section(world.slug(), 1, 10),
                "tag", () -> news.tag("kabul", 1, 10),
                "author", () -> news.author(ghost.slug(), 1, 10));
        answers.forEach((name, answer) -> {
            Shown<?> shown = answer.get();
            Set<String> expected = keysOf(shown.content());
            Set<String> names = new HashSet<>(shown.keys().stream().map(key -> Keys.parse(key).name()).toList());
            assertTrue(names.containsAll(expected), name + ": " + shown.keys() + " lacks some of " + expected);
        });
        ArticleDetail detail = news.article(story.id(), 3).content();
        assertEquals(List.of("World"), detail.sectionTrail().stream().map(Section::name).toList());
        assertEquals(List.of("kabul", "trade"), detail.tags().stream().map(tag -> tag.slug()).toList());
        assertEquals(List.of("Amina Rahimi", "Ghost Writer"), detail.bylines().stream().map(Contributor::name).toList());
        assertEquals(portrait.id(), detail.bylines().getFirst().avatar().id());
        assertEquals(photo.id(), detail.image().id());
        assertEquals(List.of(older.id()), detail.related().stream().map(ArticleCard::id).toList());

        // each kind of write that changes something these answers show announces a key they hold
        var writes = new java.util.LinkedHashMap<String, Runnable>();
        writes.put("author renamed", () -> newsroom.authors.save(new Author(ghost.id(), ghost.slug(), "G. Writer",
                "", null)));
        writes.put("section renamed", () -> newsroom.taxonomy.saveSection(new Section(europe.id(), europe.slug(),
                "Europa", "", world.id(), 0)));
        writes.put("article published", () -> newsroom.articles.save(draft(0, "Newest", "", ArticleStatus.PUBLISHED,
                europe, List.of(ghost), List.of("Kabul"), null)));
        writes.forEach((write, run) -> {
            var before = new java.util.LinkedHashMap<String, Set<String>>();
            answers.forEach((name, answer) -> before.put(name, answer.get().keys()));
            run.run();
            before.forEach((name, keys) -> assertTrue(reaches(newsroom.lastChange().keys(), keys),
                    write + " must reach " + name + ": announced " + newsroom.lastChange().keys() + ", shown " + keys));
        });

        // and the writes that change nothing a list shows reach the article, not the lists
        Set<String> latestKeys = news.latest(1, 10).keys();
        Set<String> storyKeys = news.article(story.id(), 3).keys();
        Article current = newsroom.articles.find(older.id()).orElseThrow();
        newsroom.articles.save(new ArticleDraft(current.id(), current.title(), current.dek(), current.slug(),
                current.bodyMarkdown() + "\n\nA correction.", current.excerpt(), current.featuredMediaId(),
                current.status(), current.sectionId(), current.authorIds(), List.of("Kabul"), null,
                current.version()));
        assertTrue(reaches(newsroom.lastChange().keys(), news.article(older.id(), 3).keys()), "its own page");
        assertFalse(reaches(newsroom.lastChange().keys(), latestKeys), "a body edit leaves the lists alone");
        assertFalse(reaches(newsroom.lastChange().keys(), storyKeys), "and the pages that list it as related");
        Author writer = newsroom.authors.find(amina.id()).orElseThrow();
        newsroom.authors.save(new Author(writer.id(), writer.slug(), writer.displayName(), "Now in Kabul.",
                writer.avatarMediaId()));
        assertTrue(reaches(newsroom.lastChange().keys(), storyKeys), "a new bio reaches the author box");
        assertFalse(reaches(newsroom.lastChange().keys(), latestKeys), "but not the teasers with her name");
    }

    /** Whether a write announcing {@code announced} drops an answer that holds {@code shown}, as the page cache decides. */
    static boolean reaches(Set<String> announced, Set<String> shown) {
        return announced.stream().map(Keys::parse).anyMatch(written -> shown.stream().map(Keys::parse)
                .anyMatch(key -> key.name().equals(written.name()) && Keys.reaches(written, key)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aListReadsDownToTheRowPastIt(TestDatabases db) {
        open(db);
        var stories = new java.util.ArrayList<Article>();
        for (int i = 1; i <= 7; i++) { // story 7 is the newest
            stories.add(newsroom.articles.save(draft(0, "Story " + i, "", ArticleStatus.PUBLISHED, world,
                    List.of(amina), List.of(), NOW.minus(Duration.ofHours(8 - i)))));
        }
        Set<String> first = news.latest(1, 3).keys(); // 7, 6, 5; read down to 4
        assertTrue(first.contains(Keys.listDownTo(Keys.HOME, Keys.Position.of(stories.get(3).publishedAt(),
                stories.get(3).id()))), first.toString());
        unpublish(stories.get(1));
        assertFalse(reaches(newsroom.lastChange().keys(), first), "story 2 is below everything page 1 reads");
        unpublish(stories.get(3));
        assertTrue(reaches(newsroom.lastChange().keys(), first), "story 4 decided that page 1 has a next page");

        Set<String> last = news.latest(2, 3).keys(); // 3, 1: read to the end
        assertTrue(last.contains(Keys.HOME), last.toString());
        Set<String> box = news.article(stories.get(6).id(), 3).keys(); // 6, 5, 3
        newsroom.articles.save(draft(0, "An old story", "", ArticleStatus.PUBLISHED, world, List.of(amina), List.of(),
                NOW.minus(Duration.ofHours(20))));
        assertTrue(reaches(newsroom.lastChange().keys(), last), "the last page takes what is published below it");
        assertFalse(reaches(newsroom.lastChange().keys(), news.latest(1, 3).keys()), "the first page does not");
        assertFalse(reaches(newsroom.lastChange().keys(), box), "nor a full related box");
        unpublish(stories.get(2));
        assertTrue(reaches(newsroom.lastChange().keys(), box), "story 3 was in the box");
    }

    private void unpublish(Article story) {
        Article current = newsroom.articles.find(story.id()).orElseThrow();
        newsroom.articles.save(new ArticleDraft(current.id(), current.title(), current.dek(), current.slug(),
                current.bodyMarkdown(), current.excerpt(), current.featuredMediaId(), ArticleStatus.DRAFT,
                current.sectionId(), current.authorIds(), List.of(), current.publishedAt(), current.version()));
    }

    /** The keys an answer must hold, worked out from what is in it. */
    static Set<String> keysOf(Object content) {
        var keys = new HashSet<String>();
        switch (content) {
            case Listing listing -> listing.cards().forEach(card -> keys.addAll(keysOf(card)));
            case ArticleCard card -> {
                keys.add(Keys.card(card.id()));
                keys.add(Keys.section(card.section().id()));
                card.bylines().forEach(name -> keys.add(Keys.byline(name.id())));
                if (card.image() != null) {
                    keys.add(Keys.media(card.image().id()));
                }
            }
            case Contributor contributor -> {
                keys.add(Keys.author(contributor.id()));
                if (contributor.avatar() != null) {
                    keys.add(Keys.media(contributor.avatar().id()));
                }
            }
            case ArticleDetail detail -> {
                keys.add(Keys.article(detail.id()));
                detail.sectionTrail().forEach(section -> keys.add(Keys.section(section.id())));
                keys.add(Keys.sectionList(detail.section().id()));
                detail.tags().forEach(tag -> keys.add(Keys.tag(tag.id())));
                detail.bylines().forEach(byline -> keys.addAll(keysOf(byline)));
                if (detail.image() != null) {
                    keys.add(Keys.media(detail.image().id()));
                    keys.add(Keys.caption(detail.image().id()));
                }
                detail.related().forEach(card -> keys.addAll(keysOf(card)));
            }
            case SectionArchive archive -> {
                keys.add(Keys.sectionList(archive.section().id()));
                archive.trail().forEach(section -> keys.add(Keys.section(section.id())));
                keys.addAll(keysOf(archive.listing()));
            }
            case TagArchive archive -> {
                keys.add(Keys.tagList(archive.tag().id()));
                keys.add(Keys.tag(archive.tag().id()));
                keys.addAll(keysOf(archive.listing()));
            }
            case AuthorArchive archive -> {
                keys.add(Keys.authorList(archive.author().id()));
                keys.addAll(keysOf(archive.author()));
                keys.addAll(keysOf(archive.listing()));
            }
            default -> throw new AssertionError("no rule for " + content.getClass());
        }
        assertFalse(keys.isEmpty());
        return keys;
    }

    private static void assertOnly(Article expected, Listing listing) {
        assertEquals(List.of(expected.id()), listing.cards().stream().map(ArticleCard::id).toList());
        assertFalse(listing.hasNext(), "no next page for a hidden article");
        ArticleCard card = listing.cards().getFirst();
        assertNotNull(card.section());
        assertEquals(expected.slug(), card.slug());
    }

    private ArticleDraft draft(long id, String title, String slug, ArticleStatus status, Section section,
                               List<Author> authors, List<String> tags, Instant publishedAt) {
        return new ArticleDraft(id, title, "", slug, "Text of " + title + ".", "", null, status, section.id(),
                authors.stream().map(Author::id).toList(), tags, publishedAt);
    }

    private static byte[] png(int width, int height) {
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
