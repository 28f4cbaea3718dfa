package dev.byline.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.change.Change;
import dev.byline.change.Keys;
import dev.byline.error.Conflict;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.menu.MenuItem.Kind;
import dev.byline.menu.MenuService.NewItem;
import dev.byline.people.Author;
import dev.byline.support.MutableClock;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The header and footer menus, on SQLite and PostgreSQL.
 *
 * <pre>
 * case                                               outcome
 * author, contributor, visitor                       Forbidden, for the menus and every change
 * a header never edited                              the top-level sections (not customised, no items)
 * the first change to it                             starts from those sections as items, then applies
 * add, up, down, nest, take out, remove              one item at a time; removing a parent moves its items up
 * every change                                       nav (every page), a menu entity; the version goes up
 * a change made from an older version                Conflict; nothing changed
 * two editors changing a menu at once (PostgreSQL)   one change is made, the other is refused: none lost silently
 * bad items                                          Invalid at kind / sectionId / articleId / url / label /
 *                                                    parentId
 * a page item                                        a published page only (not an article, not a draft); once
 *                                                    deleted, the item stays without a page (not shown)
 * back to the default                                the top-level sections again
 * a section renamed, moved or reordered              nav exactly when a menu shows what changed
 * </pre>
 */
class MenuServiceTest extends NewsroomTest {

    static final Actor EDITOR = new Actor(1, "editor@newsroom.test", Optional.of(Role.EDITOR), 0, "192.0.2.1");
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    Section world;
    Section politics;
    Section asia;
    Section europe;

    void open(TestDatabases db) {
        openNewsroom(db, clock);
        world = newsroom.taxonomy.saveSection(new Section(0, "", "World", "", null, 0));
        politics = newsroom.taxonomy.saveSection(new Section(0, "", "Politics", "", null, 1));
        asia = newsroom.taxonomy.saveSection(new Section(0, "", "Asia", "", world.id(), 0));
        europe = newsroom.taxonomy.saveSection(new Section(0, "", "Europe", "", world.id(), 1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void onlyEditorsAndAdministratorsEditTheMenus(TestDatabases db) {
        open(db);
        MenuService menus = newsroom.menus;
        for (Role role : List.of(Role.AUTHOR, Role.CONTRIBUTOR)) {
            Actor actor = new Actor(2, role.key() + "@newsroom.test", Optional.of(role), 0, "192.0.2.2");
            for (Runnable change : changes(menus, actor)) {
                assertThrows(Forbidden.class, change::run, role.key());
            }
        }
        for (Runnable change : changes(menus, Actor.visitor("192.0.2.3"))) {
            assertThrows(Forbidden.class, change::run);
        }
        assertFalse(menus.site().header().customised());
        Actor administrator = new Actor(3, "admin@newsroom.test", Optional.of(Role.ADMINISTRATOR), 0, "192.0.2.4");
        assertEquals(1, menus.add(administrator, Menu.Name.FOOTER, 0, link("/about/", "About", null)).items().size());
    }

    private static List<Runnable> changes(MenuService menus, Actor actor) {
        return List.of(() -> menus.menus(actor),
                () -> menus.add(actor, Menu.Name.FOOTER, 0, link("/about/", "About", null)),
                () -> menus.remove(actor, Menu.Name.FOOTER, 0, 1),
                () -> menus.move(actor, Menu.Name.FOOTER, 0, 1, 1),
                () -> menus.nest(actor, Menu.Name.FOOTER, 0, 1),
                () -> menus.unnest(actor, Menu.Name.FOOTER, 0, 1),
                () -> menus.customise(actor, Menu.Name.HEADER, 0),
                () -> menus.reset(actor, Menu.Name.HEADER, 0));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theHeaderStartsFromTheTopLevelSectionsAndChangesOneItemAtATime(TestDatabases db) {
        open(db);
        MenuService menus = newsroom.menus;
        Menu header = menus.site().header();
        assertFalse(header.customised());
        assertTrue(header.items().isEmpty());

        header = menus.add(EDITOR, Menu.Name.HEADER, header.version(), link("/about/", "About us", null));
        assertEquals(Set.of(Keys.NAV), newsroom.lastChange().keys());
        assertEquals(List.of(new Change.Entity(Change.Entity.MENU, 1, true, true)), newsroom.lastChange().entities());
        assertTrue(header.customised());
        assertEquals(List.of("World", "Politics", "About us"), labels(header));
        long worldItem = header.items().get(0).id();
        long politicsItem = header.items().get(1).id();
        long about = header.items().get(2).id();

        header = menus.add(EDITOR, Menu.Name.HEADER, header.version(), new NewItem(Kind.SECTION, asia.id(), null, "",
                "", worldItem));
        assertEquals(List.of("World", "  Asia", "Politics", "About us"), labels(header));
        long asiaItem = header.items().get(1).id();
        header = menus.move(EDITOR, Menu.Name.HEADER, header.version(), about, -1);
        assertEquals(List.of("World", "  Asia", "About us", "Politics"), labels(header));
        header = menus.nest(EDITOR, Menu.Name.HEADER, header.version(), about);
        assertEquals(List.of("World", "  Asia", "  About us", "Politics"), labels(header));
        header = menus.move(EDITOR, Menu.Name.HEADER, header.version(), about, -1);
        assertEquals(List.of("World", "  About us", "  Asia", "Politics"), labels(header));
        header = menus.move(EDITOR, Menu.Name.HEADER, header.version(), about, -1);
        assertEquals(List.of("World", "  About us", "  Asia", "Politics"), labels(header), "the first stays first");
        header = menus.unnest(EDITOR, Menu.Name.HEADER, header.version(), about);
        assertEquals(List.of("World", "  Asia", "About us", "Politics"), labels(header), "just after its parent");
        header = menus.move(EDITOR, Menu.Name.HEADER, header.version(), politicsItem, -2);
        assertEquals(List.of("World", "  Asia", "Politics", "About us"), labels(header), "one place at a time");

        header = menus.nest(EDITOR, Menu.Name.HEADER, header.version(), about);
        assertEquals(List.of("World", "  Asia", "Politics", "  About us"), labels(header));
        long version = header.version();
        assertEquals(Map.of("item", "It has items nested under it: menus nest one level deep. Take those out first."),
                refused(() -> menus.nest(EDITOR, Menu.Name.HEADER, version, politicsItem)));
        assertEquals(Map.of("item", "The first item has no item above it to nest under."),
                refused(() -> menus.nest(EDITOR, Menu.Name.HEADER, version, worldItem)));
        assertEquals(Map.of("item", "It is already nested: menus nest one level deep."),
                refused(() -> menus.nest(EDITOR, Menu.Name.HEADER, version, asiaItem)));
        assertEquals(Map.of("item", "It is already at the top level."),
                refused(() -> menus.unnest(EDITOR, Menu.Name.HEADER, version, worldItem)));
        assertThrows(NotFound.class, () -> menus.remove(EDITOR, Menu.Name.HEADER, version, 9999));
        assertEquals(version, menus.site().header().version(), "a refused change changes nothing");

        header = menus.remove(EDITOR, Menu.Name.HEADER, version, worldItem);
        assertEquals(List.of("Asia", "Politics", "  About us"), labels(header), "its items take its place");

        header = menus.reset(EDITOR, Menu.Name.HEADER, header.version());
        assertFalse(header.customised());
        assertTrue(header.items().isEmpty());
        assertEquals(Set.of(Keys.NAV), newsroom.lastChange().keys());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void badItemsAreRefusedAtTheirFields(TestDatabases db) {
        open(db);
        MenuService menus = newsroom.menus;
        int changes = newsroom.published.size();
        assertEquals(Set.of("kind"), refused(() -> menus.add(EDITOR, Menu.Name.FOOTER, 0, new NewItem(null, null,
                null, "", "", null))).keySet());
        assertEquals(Set.of("articleId"), refused(() -> menus.add(EDITOR, Menu.Name.FOOTER, 0, new NewItem(Kind.PAGE,
                null, null, "", "", null))).keySet());
        assertEquals(Set.of("sectionId"), refused(() -> menus.add(EDITOR, Menu.Name.FOOTER, 0,
                new NewItem(Kind.SECTION, null, null, "", "", null))).keySet());
        assertEquals(Set.of("url", "label"), refused(() -> menus.add(EDITOR, Menu.Name.FOOTER, 0,
                link("javascript:alert(1)", " ", null))).keySet());
        assertEquals(Set.of("label"), refused(() -> menus.add(EDITOR, Menu.Name.FOOTER, 0,
                link("/about/", "x".repeat(81), null))).keySet());
        assertEquals(Set.of("label"), refused(() -> menus.add(EDITOR, Menu.Name.FOOTER, 0,
                link("/about/", "About\u0000", null))).keySet());
        assertEquals(changes, newsroom.published.size(), "refused before anything is written");
        assertEquals(Map.of("sectionId", "That section no longer exists."), refused(() -> menus.add(EDITOR,
                Menu.Name.FOOTER, 0, new NewItem(Kind.SECTION, 9999L, null, "", "", null))));
        assertEquals(Map.of("articleId", "Only a published page can go in a menu; that one is not published (or no "
                + "longer exists)."), refused(() -> menus.add(EDITOR, Menu.Name.FOOTER, 0, new NewItem(Kind.PAGE,
                null, 9999L, "", "", null))));
        assertEquals(Map.of("parentId", "Nest it under an item at the top level of this menu."), refused(() ->
                menus.add(EDITOR, Menu.Name.FOOTER, 0, link("/about/", "About", 9999L))));
        assertEquals(0, menus.site().footer().version(), "a refused change changes nothing");

        Menu footer = menus.site().footer();
        for (int i = 0; i < MenuService.MAX_ITEMS; i++) {
            footer = menus.add(EDITOR, Menu.Name.FOOTER, footer.version(), link("/page-" + i + "/", "Page " + i, null));
        }
        long full = footer.version();
        assertEquals(Set.of("kind"), refused(() -> menus.add(EDITOR, Menu.Name.FOOTER, full,
                link("/one-more/", "One more", null))).keySet());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aChangeMadeFromAnOlderVersionIsRefused(TestDatabases db) {
        open(db);
        MenuService menus = newsroom.menus;
        Menu seen = menus.site().footer();
        Menu saved = menus.add(EDITOR, Menu.Name.FOOTER, seen.version(), link("/about/", "About", null));
        Conflict conflict = assertThrows(Conflict.class, () -> menus.add(EDITOR, Menu.Name.FOOTER, seen.version(),
                link("/contact/", "Contact", null)));
        assertTrue(conflict.getMessage().startsWith("Someone changed the footer menu after you opened this page"));
        assertEquals(List.of("About"), labels(menus.site().footer()));
        assertEquals(saved.version(), menus.site().footer().version());
        assertThrows(Conflict.class, () -> menus.remove(EDITOR, Menu.Name.FOOTER, seen.version(),
                saved.items().getFirst().id()));
        assertEquals(List.of("About"), labels(menus.site().footer()), "nothing removed");
    }

    @Test
    void twoEditorsChangingAMenuAtOnceLoseNothingSilently() {
        open(TestDatabases.POSTGRES);
        MenuService menus = newsroom.menus;
        for (int round = 0; round < 10; round++) {
            long version = menus.site().header().version();
            var barrier = new CyclicBarrier(2);
            var outcomes = new ArrayList<CompletableFuture<String>>();
            for (String label : List.of("Left " + round, "Right " + round)) {
                outcomes.add(CompletableFuture.supplyAsync(attempt(barrier, () -> {
                    menus.add(EDITOR, Menu.Name.HEADER, version, link("/" + label.replace(' ', '-') + "/", label, null));
                    return "added " + label;
                })));
            }
            List<String> results = outcomes.stream().map(CompletableFuture::join).sorted().toList();
            assertEquals("conflict", results.getLast(), "round " + round + ": " + results);
            String winner = results.getFirst().substring("added ".length());
            List<String> labels = labels(menus.site().header());
            assertTrue(labels.contains(winner), labels.toString());
            assertEquals(round + 1, labels.stream().filter(label -> label.startsWith("Left") || label.startsWith(
                    "Right")).count(), "one item per round: " + labels);
            assertEquals(version + 1, menus.site().header().version());
        }
    }

    private static Supplier<String> attempt(CyclicBarrier barrier, Supplier<String> change) {
        return () -> {
            try {
                barrier.await();
                return change.get();
            } catch (Conflict conflict) {
                return "conflict";
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSectionChangeDropsEveryPageOnlyWhenAMenuShowsIt(TestDatabases db) {
        open(db);
        var sections = newsroom.sections;
        // the default header: top-level sections, by name, slug and order
        sections.update(EDITOR, new Section(politics.id(), "politics", "Politics & Power", "", null, 0));
        assertTrue(newsroom.lastChange().keys().contains(Keys.NAV));
        sections.update(EDITOR, new Section(asia.id(), "asia", "Asia & Pacific", "", world.id(), 0));
        assertFalse(newsroom.lastChange().keys().contains(Keys.NAV));
        sections.reorder(EDITOR, politics.id(), -1);
        assertTrue(newsroom.lastChange().keys().contains(Keys.NAV));

        // a header of the editors' own: Politics out, Asia in under a label of its own
        MenuService menus = newsroom.menus;
        Menu header = menus.customise(EDITOR, Menu.Name.HEADER, 0);
        long politicsItem = header.items().stream().filter(item -> politics.id() == item.sectionId()).findFirst()
                .orElseThrow().id();
        header = menus.remove(EDITOR, Menu.Name.HEADER, header.version(), politicsItem);
        menus.add(EDITOR, Menu.Name.FOOTER, 0, new NewItem(Kind.SECTION, asia.id(), null, "", "Asia desk", null));

        sections.update(EDITOR, new Section(politics.id(), "politics", "Politics", "", null, 0));
        assertFalse(newsroom.lastChange().keys().contains(Keys.NAV), "no menu shows Politics now");
        sections.reorder(EDITOR, politics.id(), 1);
        assertEquals(Set.of(), newsroom.lastChange().keys(), "the header no longer follows the sections' order");
        sections.update(EDITOR, new Section(asia.id(), "asia", "Asia", "", world.id(), 0));
        assertFalse(newsroom.lastChange().keys().contains(Keys.NAV), "the footer shows its own label for Asia");
        sections.update(EDITOR, new Section(asia.id(), "asia-pacific", "Asia", "", world.id(), 0));
        assertTrue(newsroom.lastChange().keys().contains(Keys.NAV), "but links to its address");
        sections.update(EDITOR, new Section(world.id(), "world", "The World", "", null, 0));
        assertTrue(newsroom.lastChange().keys().contains(Keys.NAV), "the header shows World by its name");
        sections.update(EDITOR, new Section(europe.id(), "europe", "Europe", "Our continent.", world.id(), 0));
        assertEquals(Set.of(Keys.section(europe.id())), newsroom.lastChange().keys());
        assertEquals(List.of("The World"), labels(menus.site().header()).stream()
                .filter(label -> !label.isBlank()).toList());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aPageItemShowsThePageWhilePublished(TestDatabases db) {
        open(db);
        MenuService menus = newsroom.menus;
        Author author = newsroom.authors.save(new Author(0, "", "Desk", "", null));
        Article about = newsroom.articles.save(page("About us", ArticleStatus.PUBLISHED, author));
        Article draft = newsroom.articles.save(page("Privacy", ArticleStatus.DRAFT, author));
        Article story = newsroom.articles.save(new ArticleDraft(0, "A story", "", "", "Text.", "", null,
                ArticleStatus.PUBLISHED, world.id(), List.of(author.id()), List.of(), null));
        assertEquals(List.of(new MenuService.PageChoice(about.id(), "About us", "about-us")), menus.pages(EDITOR));
        String notAPage = "Only a published page can go in a menu; that one is not published (or no longer exists).";
        assertEquals(Map.of("articleId", notAPage), refused(() -> menus.add(EDITOR, Menu.Name.FOOTER, 0,
                new NewItem(Kind.PAGE, null, draft.id(), "", "", null))));
        assertEquals(Map.of("articleId", notAPage), refused(() -> menus.add(EDITOR, Menu.Name.FOOTER, 0,
                new NewItem(Kind.PAGE, null, story.id(), "", "", null))), "an article is not a page");

        Menu footer = menus.add(EDITOR, Menu.Name.FOOTER, 0, new NewItem(Kind.PAGE, null, about.id(), "", "", null));
        MenuItem item = footer.items().getFirst();
        assertEquals(new MenuItem.PageTarget("About us", "about-us", true), item.page());
        assertEquals(Set.of(Keys.NAV), newsroom.lastChange().keys());

        // unpublished: the article service announces nav, and the item's page is no longer public
        Article unpublished = newsroom.articles.save(edit(about, ArticleStatus.DRAFT));
        assertTrue(newsroom.lastChange().keys().contains(Keys.NAV));
        assertFalse(menus.site().footer().items().getFirst().page().published());
        // deleted: the item stays, without a page, for an editor to see and remove
        newsroom.articles.delete(unpublished.id(), unpublished.version());
        MenuItem left = menus.site().footer().items().getFirst();
        assertEquals(item.id(), left.id());
        assertEquals(null, left.articleId());
        assertEquals(null, left.page());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void removingTheDemoKeepsTheNewsroomsOwnItems(TestDatabases db) {
        openNewsroom(db, clock);
        newsroom.demo.loadIfEmpty();
        MenuService menus = newsroom.menus;
        Menu header = menus.customise(EDITOR, Menu.Name.HEADER, 0);
        long worldItem = header.topLevel().getFirst().id();
        menus.add(EDITOR, Menu.Name.HEADER, header.version(), link("/letters/", "Letters", worldItem));
        newsroom.demoRemoval.remove(Actor.commandLine(), false);
        assertEquals(List.of("Letters"), labels(menus.site().header()),
                "the demo's sections went, the item nested under one stays, at the top level");
    }

    private ArticleDraft page(String title, ArticleStatus status, Author author) {
        return new ArticleDraft(0, title, "", "", "Text.", "", null, status, null, List.of(author.id()), List.of(),
                null, 0, "", "", dev.byline.article.Kind.PAGE);
    }

    private static ArticleDraft edit(Article article, ArticleStatus status) {
        return new ArticleDraft(article.id(), article.title(), article.dek(), article.slug(), article.bodyMarkdown(),
                article.excerpt(), null, status, null, article.authorIds(), List.of(), null, article.version(), "", "",
                article.kind());
    }

    /** Each item as the site shows it, nested ones indented; sections by their current name. */
    private List<String> labels(Menu menu) {
        List<Section> sections = newsroom.taxonomy.sections();
        return menu.items().stream().map(item -> (item.isNested() ? "  " : "") + (!item.label().isEmpty() ? item.label()
                : sections.stream().filter(section -> section.id() == item.sectionId()).findFirst()
                        .map(Section::name).orElse("?"))).toList();
    }

    private static NewItem link(String url, String label, Long parentId) {
        return new NewItem(Kind.LINK, null, null, url, label, parentId);
    }

    private static Map<String, String> refused(Runnable change) {
        return assertThrows(Invalid.class, change::run).fieldErrors();
    }
}
