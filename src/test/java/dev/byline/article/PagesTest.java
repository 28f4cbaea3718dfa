package dev.byline.article;

import static dev.byline.article.DeskPeople.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.change.Keys;
import dev.byline.error.Invalid;
import dev.byline.support.MutableClock;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pages (About, Contact): no section, no tags, on no list; their slugs keep clear of the site's own routes.
 *
 * <pre>
 * case                                                 outcome
 * a published page                                     not on home, section or author lists; counts unchanged
 * a page saved with a section                          stored without one
 * a page with tags                                     Invalid at tags
 * a page whose title makes a slug the site uses        the slug gets a suffix (search → search-2)
 * a page given a slug the site uses, or all digits     Invalid at slug
 * publishing, renaming, unpublishing a page            article:ID and nav (menus may name it); no list keys
 * editing a page's body                                article:ID only
 * an edit sent as an article (old callers)             the page stays a page
 * </pre>
 */
class PagesTest extends NewsroomTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void pagesAreOnNoListAndKeepClearOfTheSiteRoutes(TestDatabases db) {
        DeskPeople people = new DeskPeople(openNewsroom(db, new MutableClock(NOW)));
        var editor = actor(people.editor);
        Article story = people.made(people.editor, "A story", ArticleStatus.PUBLISHED, NOW);
        var withSection = new ArticleDraft(0, "About us", "", "", "Who we are.", "", null, ArticleStatus.PUBLISHED,
                people.world.id(), List.of(people.editor.authorId()), List.of(), null, 0, "", "", Kind.PAGE);
        Article about = people.desk.save(editor, withSection);
        assertEquals(Kind.PAGE, about.kind());
        assertEquals(0, about.sectionId());
        assertEquals("about-us", about.slug());
        assertEquals(Set.of(Keys.article(about.id()), Keys.NAV), newsroom.lastChange().keys());

        assertEquals(List.of(story.id()), newsroom.articles.latest(1, 10).items().stream().map(ArticleSummary::id).toList());
        assertEquals(1, newsroom.articles.countLatest());
        assertEquals(List.of(story.id()), newsroom.articles.byAuthor(people.editor.authorId(), 1, 10).items().stream()
                .map(ArticleSummary::id).toList());
        assertEquals(1, newsroom.articles.countByAuthor(people.editor.authorId()));
        assertEquals(1, newsroom.articles.countInSection(people.world.id()));

        var tagged = assertThrows(Invalid.class, () -> people.desk.save(editor, new ArticleDraft(0, "Contact", "", "",
                "Write to us.", "", null, ArticleStatus.DRAFT, null, List.of(people.editor.authorId()),
                List.of("Contact"), null, 0, "", "", Kind.PAGE)));
        assertTrue(tagged.fieldErrors().containsKey("tags"));

        Article search = people.desk.save(editor, people.page(people.editor, "Search", ArticleStatus.PUBLISHED));
        assertEquals("search-2", search.slug());
        for (String slug : List.of("admin", "feed", "2026", "wp-login")) {
            var reserved = assertThrows(Invalid.class, () -> people.desk.save(editor, new ArticleDraft(0, "Page", "",
                    slug, "Text.", "", null, ArticleStatus.DRAFT, null, List.of(people.editor.authorId()), List.of(),
                    null, 0, "", "", Kind.PAGE)), slug);
            assertTrue(reserved.fieldErrors().get("slug").contains("/" + slug + "/"), reserved.fieldErrors().toString());
        }
        Article article2026 = people.desk.save(editor, new ArticleDraft(0, "Year", "", "2026-review", "Text.", "", null,
                ArticleStatus.DRAFT, people.world.id(), List.of(people.editor.authorId()), List.of(), null));
        assertEquals("2026-review", article2026.slug(), "articles live under a date: the rule is for pages");

        Article edited = people.desk.save(editor, DeskPeople.edit(about, "Who we are, and why."));
        assertEquals(Set.of(Keys.article(about.id())), newsroom.lastChange().keys());
        // an old caller's draft says ARTICLE (the constructor's default) and gives no section: still a page
        Article renamed = people.desk.save(editor, new ArticleDraft(about.id(), "About", "", "about", "Who we are.",
                "", null, ArticleStatus.PUBLISHED, null, List.of(people.editor.authorId()), List.of(), null,
                edited.version()));
        assertEquals(Kind.PAGE, renamed.kind());
        assertEquals(Set.of(Keys.article(about.id()), Keys.NAV), newsroom.lastChange().keys());
        assertEquals(about.id(), newsroom.articles.findByOldSlug("about-us").orElseThrow().id(),
                "the old address redirects");
    }
}
