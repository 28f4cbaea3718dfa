package dev.byline.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.byline.menu.Menu;
import dev.byline.menu.MenuItem;
import dev.byline.menu.MenuService;
import dev.byline.people.Author;
import dev.byline.support.MutableClock;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The newsroom's changes to sections, on SQLite and PostgreSQL.
 *
 * <pre>
 * case                                             outcome
 * author, contributor, visitor                     Forbidden, for every change and the list
 * create                                           last among its siblings; nav when top-level (default header)
 * rename with a new slug                           section:ID, nav (top-level); the old slug finds the section
 * rename a nested section                          section:ID only
 * move under another section                       trail:ID, the lists it leaves and joins at its newest
 *                                                  article's place; none of those when nothing is published in it
 * move under itself / its own subsection           Invalid at parentId
 * empty name, bad or clashing slug, lost parent    Invalid at name / slug / parentId; nothing written
 * unknown id                                       NotFound
 * reorder                                          positions among siblings; nav for top-level sections only
 * delete a section holding things                  Invalid at delete naming them: subsections, articles by status
 * delete an empty section shown in a menu          gone, its menu item too, the items under it moved up; nav
 * two moves at once making a cycle (PostgreSQL)    one is refused: the tree has no cycle
 * </pre>
 */
class SectionServiceTest extends NewsroomTest {

    static final Actor EDITOR = actor(Role.EDITOR);
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    static Actor actor(Role role) {
        return new Actor(1, role.key() + "@newsroom.test", Optional.of(role), 0, "192.0.2.1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void onlyEditorsAndAdministratorsManageSections(TestDatabases db) {
        openNewsroom(db, clock);
        SectionService sections = newsroom.sections;
        Section world = sections.create(EDITOR, new Section(0, "", "World", "", null, 0));
        assertEquals("sport", sections.create(actor(Role.ADMINISTRATOR), new Section(0, "", "Sport", "", null, 0))
                .slug());
        for (Actor actor : List.of(actor(Role.AUTHOR), actor(Role.CONTRIBUTOR), Actor.visitor("192.0.2.9"))) {
            assertThrows(Forbidden.class, () -> sections.tree(actor));
            assertThrows(Forbidden.class, () -> sections.create(actor, new Section(0, "", "Opinion", "", null, 0)));
            assertThrows(Forbidden.class, () -> sections.update(actor, new Section(world.id(), "globe", "Globe", "",
                    null, 0)));
            assertThrows(Forbidden.class, () -> sections.reorder(actor, world.id(), 1));
            assertThrows(Forbidden.class, () -> sections.delete(actor, world.id()));
        }
        assertEquals(List.of("World", "Sport"), newsroom.taxonomy.sections().stream().map(Section::name).toList());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void renamingKeepsTheOldAddressAndDropsExactlyWhatShowsTheName(TestDatabases db) {
        openNewsroom(db, clock);
        SectionService sections = newsroom.sections;
        Section world = sections.create(EDITOR, new Section(0, "", "World", "", null, 0));
        assertEquals(Set.of(Keys.NAV), newsroom.lastChange().keys(), "a new top-level section joins the header");
        Section asia = sections.create(EDITOR, new Section(0, "", "Asia", "", world.id(), 0));
        assertEquals(Set.of(), newsroom.lastChange().keys(), "a new subsection is shown nowhere yet");

        Section globe = sections.update(EDITOR, new Section(world.id(), "globe", "Globe", "", null, 0));
        assertEquals("globe", globe.slug());
        assertEquals(Set.of(Keys.section(world.id()), Keys.NAV), newsroom.lastChange().keys());
        assertEquals(world.id(), newsroom.taxonomy.findSectionByOldSlug("world").orElseThrow().id());
        assertTrue(newsroom.taxonomy.findSectionBySlug("world").isEmpty());

        sections.update(EDITOR, new Section(asia.id(), "asia", "Asia and Pacific", "", world.id(), 0));
        assertEquals(Set.of(Keys.section(asia.id())), newsroom.lastChange().keys(), "no menu shows a subsection");

        // a slug given up can be taken again: it stops redirecting
        Section another = sections.create(EDITOR, new Section(0, "world", "World Cup", "", null, 0));
        assertEquals("world", another.slug());
        assertTrue(newsroom.taxonomy.findSectionByOldSlug("world").isEmpty());
        // and renaming back and forth leaves one redirect per old slug
        sections.update(EDITOR, new Section(world.id(), "the-globe", "Globe", "", null, 0));
        assertEquals(world.id(), newsroom.taxonomy.findSectionByOldSlug("globe").orElseThrow().id());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void badInputIsRefusedAtItsFieldAndNothingIsWritten(TestDatabases db) {
        openNewsroom(db, clock);
        SectionService sections = newsroom.sections;
        Section world = sections.create(EDITOR, new Section(0, "", "World", "", null, 0));
        Section asia = sections.create(EDITOR, new Section(0, "", "Asia", "", world.id(), 0));
        Section kabul = sections.create(EDITOR, new Section(0, "", "Kabul", "", asia.id(), 0));
        long changes = newsroom.published.size();

        assertEquals(Set.of("name"), fields(() -> sections.create(EDITOR, new Section(0, "", "  ", "", null, 0))));
        assertEquals(Set.of("slug"), fields(() -> sections.create(EDITOR, new Section(0, "Not A Slug", "X", "", null,
                0))));
        assertEquals(Set.of("slug"), fields(() -> sections.create(EDITOR, new Section(0, "asia", "Asia again", "",
                null, 0))));
        assertEquals(Set.of("slug"), fields(() -> sections.create(EDITOR, new Section(0, "", "!!!", "", null, 0))));
        assertEquals(Set.of("parentId"), fields(() -> sections.create(EDITOR, new Section(0, "", "Lost", "", 9999L,
                0))));
        Invalid itself = assertThrows(Invalid.class, () -> sections.update(EDITOR, new Section(world.id(), "world",
                "World", "", world.id(), 0)));
        assertEquals("A section cannot sit inside itself.", itself.fieldErrors().get("parentId"));
        Invalid cycle = assertThrows(Invalid.class, () -> sections.update(EDITOR, new Section(world.id(), "world",
                "World", "", kabul.id(), 0)));
        assertEquals("A section cannot sit inside one of its own subsections.", cycle.fieldErrors().get("parentId"));
        assertEquals(Set.of("name", "slug"), fields(() -> sections.update(EDITOR, new Section(asia.id(), "BAD SLUG",
                "", "", world.id(), 0))));
        assertThrows(NotFound.class, () -> sections.update(EDITOR, new Section(9999, "x", "X", "", null, 0)));
        assertThrows(NotFound.class, () -> sections.reorder(EDITOR, 9999, 1));
        assertThrows(NotFound.class, () -> sections.delete(EDITOR, 9999));

        assertEquals(changes, newsroom.published.size(), "nothing was written");
        assertEquals(Set.of(world, asia, kabul), Set.copyOf(newsroom.taxonomy.sections()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void movingASectionTakesItsArticlesToTheNewParentsLists(TestDatabases db) {
        openNewsroom(db, clock);
        SectionService sections = newsroom.sections;
        Section world = sections.create(EDITOR, new Section(0, "", "World", "", null, 0));
        Section politics = sections.create(EDITOR, new Section(0, "", "Politics", "", null, 0));
        Section asia = sections.create(EDITOR, new Section(0, "", "Asia", "", world.id(), 0));
        Section kabul = sections.create(EDITOR, new Section(0, "", "Kabul", "", asia.id(), 0));
        Section empty = sections.create(EDITOR, new Section(0, "", "Empty", "", world.id(), 0));
        Author author = newsroom.authors.save(new Author(0, "", "Amina Rahimi", "", null));
        publish("Older story", asia, author);
        clock.advance(Duration.ofHours(1));
        Article newest = publish("Newer story in Kabul", kabul, author);
        Keys.Position place = Keys.Position.of(newest.publishedAt(), newest.id());

        Section moved = sections.update(EDITOR, new Section(asia.id(), "asia", "Asia", "", politics.id(), 0));
        assertEquals(politics.id(), moved.parentId());
        assertEquals(Set.of(Keys.trail(asia.id()), Keys.listAt(Keys.sectionList(world.id()), place),
                Keys.listAt(Keys.sectionList(politics.id()), place)), newsroom.lastChange().keys());
        assertEquals(List.of(politics, moved, kabul).stream().map(Section::id).toList(),
                newsroom.taxonomy.ancestorsAndSelf(kabul.id()).stream().map(Section::id).toList());
        assertEquals(2, newsroom.articles.inSection(politics.id(), 1, 10).items().size(), "Politics lists them");
        assertTrue(newsroom.articles.inSection(world.id(), 1, 10).items().isEmpty(), "World no longer does");

        // moving within the same family: the common parent keeps them
        sections.update(EDITOR, new Section(kabul.id(), "kabul", "Kabul", "", politics.id(), 0));
        assertEquals(Set.of(Keys.trail(kabul.id()), Keys.listAt(Keys.sectionList(asia.id()), place)),
                newsroom.lastChange().keys());
        // nothing published in it: no list changes
        sections.update(EDITOR, new Section(empty.id(), "empty", "Empty", "", politics.id(), 0));
        assertEquals(Set.of(Keys.trail(empty.id())), newsroom.lastChange().keys());
        assertEquals(2, newsroom.taxonomy.findSection(empty.id()).orElseThrow().position(),
                "last among its new siblings (after Asia, Kabul: " + newsroom.taxonomy.sections() + ")");
        // to the top level: it joins the default header
        sections.update(EDITOR, new Section(empty.id(), "empty", "Empty", "", null, 0));
        assertTrue(newsroom.lastChange().keys().contains(Keys.NAV));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void reorderingMovesASectionAmongItsSiblings(TestDatabases db) {
        openNewsroom(db, clock);
        SectionService sections = newsroom.sections;
        Section world = sections.create(EDITOR, new Section(0, "", "World", "", null, 0));
        Section politics = sections.create(EDITOR, new Section(0, "", "Politics", "", null, 0));
        Section sport = sections.create(EDITOR, new Section(0, "", "Sport", "", null, 0));
        Section asia = sections.create(EDITOR, new Section(0, "", "Asia", "", world.id(), 0));
        Section europe = sections.create(EDITOR, new Section(0, "", "Europe", "", world.id(), 0));

        sections.reorder(EDITOR, sport.id(), -1);
        assertEquals(List.of("World", "Sport", "Politics"), topLevel());
        assertEquals(Set.of(Keys.NAV), newsroom.lastChange().keys(), "the default header shows the order");
        sections.reorder(EDITOR, world.id(), -1);
        assertEquals(List.of("World", "Sport", "Politics"), topLevel(), "the first stays first");
        sections.reorder(EDITOR, world.id(), 1);
        assertEquals(List.of("Sport", "World", "Politics"), topLevel());

        sections.reorder(EDITOR, europe.id(), -1);
        assertEquals(Set.of(), newsroom.lastChange().keys(), "no page shows the order of subsections");
        assertEquals(List.of(europe.id(), asia.id()), newsroom.sections.tree(EDITOR).placed().stream()
                .filter(placed -> placed.depth() == 1).map(placed -> placed.section().id()).toList());
        assertEquals(List.of(0, 1, 2), newsroom.taxonomy.sections().stream().filter(Section::isTopLevel)
                .map(Section::position).sorted().toList(), "positions renumbered 0..n-1");
        assertFalse(politics.id() == 0);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void onlyAnEmptySectionCanBeDeletedAndItsMenuItemsGoWithIt(TestDatabases db) {
        openNewsroom(db, clock);
        SectionService sections = newsroom.sections;
        Section world = sections.create(EDITOR, new Section(0, "", "World", "", null, 0));
        Section asia = sections.create(EDITOR, new Section(0, "", "Asia", "", world.id(), 0));
        sections.create(EDITOR, new Section(0, "", "Europe", "", world.id(), 0));
        Author author = newsroom.authors.save(new Author(0, "", "Amina Rahimi", "", null));
        publish("A story", asia, author);
        newsroom.articles.save(new ArticleDraft(0, "A draft", "", "", "Text.", "", null, ArticleStatus.DRAFT,
                asia.id(), List.of(author.id()), List.of(), null));
        newsroom.articles.save(new ArticleDraft(0, "Another draft", "", "", "Text.", "", null, ArticleStatus.DRAFT,
                asia.id(), List.of(author.id()), List.of(), null));

        Invalid full = assertThrows(Invalid.class, () -> sections.delete(EDITOR, world.id()));
        assertEquals("“World” still holds 2 sections (Asia, Europe). Move them to another section or delete them "
                + "first; only an empty section can be deleted.", full.fieldErrors().get("delete"));
        Invalid articles = assertThrows(Invalid.class, () -> sections.delete(EDITOR, asia.id()));
        assertEquals("“Asia” still holds 3 articles (2 drafts, 1 published). Move them to another section or "
                + "delete them first; only an empty section can be deleted.", articles.fieldErrors().get("delete"));

        // an empty section shown in the header, with an item nested under its item
        MenuService menus = newsroom.menus;
        Section opinion = sections.create(EDITOR, new Section(0, "", "Opinion", "", null, 0));
        Menu header = menus.customise(EDITOR, Menu.Name.HEADER, 0);
        long opinionItem = header.items().stream().filter(item -> opinion.id() == item.sectionId()).findFirst()
                .orElseThrow().id();
        menus.add(EDITOR, Menu.Name.HEADER, header.version(), new MenuService.NewItem(MenuItem.Kind.LINK, null, null,
                "/letters/", "Letters", opinionItem));
        sections.delete(EDITOR, opinion.id());
        assertEquals(Set.of(Keys.section(opinion.id()), Keys.NAV), newsroom.lastChange().keys());
        assertTrue(newsroom.taxonomy.findSection(opinion.id()).isEmpty());
        Menu after = newsroom.menus.site().header();
        assertEquals(List.of("section", "link"), after.items().stream().map(item -> item.kind().key()).toList());
        assertEquals(List.of("Letters"), after.topLevel().stream().filter(item -> item.kind() == MenuItem.Kind.LINK)
                .map(MenuItem::label).toList(), "the item under it moved up to the top level");
    }

    @Test
    void twoMovesAtOnceCannotMakeACycle() throws Exception {
        openNewsroom(TestDatabases.POSTGRES, clock);
        SectionService sections = newsroom.sections;
        Section a = sections.create(EDITOR, new Section(0, "", "A", "", null, 0));
        Section b = sections.create(EDITOR, new Section(0, "", "B", "", null, 0));
        for (int round = 0; round < 10; round++) {
            var barrier = new CyclicBarrier(2);
            var outcomes = new ArrayList<CompletableFuture<String>>();
            for (long[] move : new long[][] {{a.id(), b.id()}, {b.id(), a.id()}}) {
                outcomes.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        barrier.await();
                        Section section = newsroom.taxonomy.findSection(move[0]).orElseThrow();
                        sections.update(EDITOR, new Section(move[0], section.slug(), section.name(), "", move[1], 0));
                        return "moved";
                    } catch (Invalid refused) {
                        return refused.fieldErrors().get("parentId");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            List<String> results = outcomes.stream().map(CompletableFuture::join).sorted().toList();
            assertEquals(List.of("A section cannot sit inside one of its own subsections.", "moved"), results,
                    "round " + round);
            List<Section> all = newsroom.taxonomy.sections();
            assertEquals(1, all.stream().filter(Section::isTopLevel).count(), "one of them is on top: " + all);
            // back to both on top for the next round
            for (Section section : all) {
                sections.update(EDITOR, new Section(section.id(), section.slug(), section.name(), "", null, 0));
            }
        }
    }

    private List<String> topLevel() {
        return newsroom.sections.tree(EDITOR).placed().stream().filter(placed -> placed.depth() == 0)
                .map(placed -> placed.section().name()).toList();
    }

    private Article publish(String title, Section section, Author author) {
        return newsroom.articles.save(new ArticleDraft(0, title, "", "", "Text.", "", null, ArticleStatus.PUBLISHED,
                section.id(), List.of(author.id()), List.of(), null));
    }

    private static Set<String> fields(Runnable write) {
        return assertThrows(Invalid.class, write::run).fieldErrors().keySet();
    }
}
