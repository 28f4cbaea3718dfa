package dev.byline.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.error.Forbidden;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.change.Change;
import dev.byline.change.Keys;
import dev.byline.config.Config;
import dev.byline.demo.DemoRemoval.Removed;
import dev.byline.demo.DemoStore.Use;
import dev.byline.media.Media;
import dev.byline.media.MediaService.Upload;
import dev.byline.people.Author;
import dev.byline.support.MutableClock;
import dev.byline.support.Newsroom;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The demo newspaper goes, the newsroom's own content stays, on SQLite and PostgreSQL.
 *
 * <pre>
 * case                                                     outcome
 * demo loaded, the newsroom adds its own article, remove   every demo row and file gone; the newsroom's intact
 * remove again                                             "nothing", no change written
 * the next start on the (now demo-less) database           the demo does not load again
 * the newsroom's article uses demo items, remove           refused, listing each use; nothing removed
 * the same, remove keeping what is used                    used items (and what they need) kept, rest removed
 * </pre>
 */
class DemoRemovalTest extends NewsroomTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    /** Every table the demo writes to, and the link tables that must not keep orphans. */
    static final List<String> TABLES = List.of("articles", "authors", "sections", "tags", "media", "article_authors",
            "article_tags", "article_old_slugs", "article_media", "media_old_paths", "demo_items");

    MutableClock clock = new MutableClock(NOW);

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void removesEveryDemoItemAndKeepsTheNewsroomsOwn(TestDatabases db) {
        Newsroom newsroom = openNewsroom(db, clock);
        assertTrue(newsroom.demo.loadIfEmpty());
        int demoArticles = count("articles");
        int demoMedia = count("media");
        int demoTags = count("tags");
        assertEquals(demoArticles + 4 + 7 + demoTags + demoMedia, count("demo_items"), "every demo row is marked");
        Own own = addOwnContent(newsroom, null, null, List.of("Harbour"), null);

        Removed removed = newsroom.demoRemoval.remove(Actor.commandLine(), false);

        assertEquals(demoArticles, removed.articles());
        assertEquals(4, removed.authors());
        assertEquals(7, removed.sections());
        assertEquals(demoTags, removed.tags());
        assertEquals(demoMedia, removed.media());
        assertTrue(removed.files() > demoMedia, "originals and their scaled copies: " + removed.files());
        assertEquals(List.of(), removed.kept());
        // nothing of the demo is left, anywhere
        assertEquals(List.of(own.article.id()), ids("articles"));
        assertEquals(List.of(own.author.id()), ids("authors"));
        assertEquals(List.of(own.section.id()), ids("sections"));
        assertEquals(1, count("tags"));
        assertEquals(List.of(own.picture.id()), ids("media"));
        assertEquals(1, count("article_authors"));
        assertEquals(1, count("article_tags"));
        assertEquals(0, count("article_old_slugs"));
        assertEquals(1, count("article_media"));
        assertEquals(0, count("demo_items"));
        assertEquals(filesOf(own.picture), mediaFiles(), "only the newsroom's picture is left on disk");
        // the newsroom's article is as it was
        Article article = newsroom.articles.find(own.article.id()).orElseThrow();
        assertEquals(own.article, article);
        assertEquals("Harbour", newsroom.taxonomy.tags(article.tagIds()).getFirst().name());
        // one change announced it to every page on every node
        Change change = newsroom.lastChange();
        assertEquals("demo.removed", change.kind());
        assertEquals(Set.of(Keys.ALL, Keys.DEMO), change.keys());
        List<Change.Entity> articles = change.entities().stream()
                .filter(entity -> entity.kind().equals(Change.Entity.ARTICLE)).toList();
        assertEquals(demoArticles, articles.size());
        assertTrue(articles.stream().allMatch(entity -> entity.publicBefore() && !entity.publicAfter()));
        assertFalse(newsroom.demoNotice.shown());

        int changes = newsroom.published.size();
        assertTrue(newsroom.demoRemoval.remove(Actor.commandLine(), false).nothing(), "a second removal finds nothing");
        assertEquals(changes, newsroom.published.size(), "and writes nothing");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theDemoDoesNotComeBackOnceRemoved(TestDatabases db) {
        Config config = db.config(dir);
        newsroom = new Newsroom(config, clock);
        newsroom.demo.loadIfEmpty();
        newsroom.demoRemoval.remove(Actor.commandLine(), false);
        assertEquals(0, count("articles") + count("authors") + count("sections") + count("tags") + count("media"));

        assertFalse(newsroom.demo.loadIfEmpty(), "the database is empty, but the demo was removed");
        newsroom.close();
        newsroom = new Newsroom(config, clock);
        assertFalse(newsroom.demo.loadIfEmpty(), "nor on the next start");
        assertEquals(0, count("articles"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void onlyAdministratorsRemoveItAndTheRemovalIsLogged(TestDatabases db) {
        Newsroom newsroom = openNewsroom(db, clock);
        newsroom.demo.loadIfEmpty();
        int articles = count("articles");
        for (Role role : List.of(Role.CONTRIBUTOR, Role.AUTHOR, Role.EDITOR)) {
            var actor = new Actor(0, role.key() + "@example.org", Optional.of(role), 0, "192.0.2.1");
            var refused = assertThrows(Forbidden.class, () -> newsroom.demoRemoval.remove(actor, false));
            assertEquals("Your role (" + role.key() + ") may not remove the demo content.", refused.getMessage());
        }
        assertThrows(Forbidden.class, () -> newsroom.demoRemoval.remove(Actor.visitor("192.0.2.1"), true));
        assertEquals(articles, count("articles"), "nothing removed");
        assertEquals(0, count("activity"));

        var admin = new Actor(0, "admin@example.org", Optional.of(Role.ADMINISTRATOR), 0, "192.0.2.2");
        Removed removed = newsroom.demoRemoval.remove(admin, false);
        var entry = newsroom.database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT actor || '|' || action || '|' || subject || '|' || detail || '|' || ip FROM activity")
                .mapTo(String.class).list());
        assertEquals(List.of("admin@example.org|demo-removed|demo content|" + removed.articles() + " articles, 4 "
                + "authors, 7 sections, " + removed.tags() + " tags, " + removed.media() + " images|192.0.2.2"), entry);
        assertTrue(newsroom.demoRemoval.remove(admin, false).nothing());
        assertEquals(1, count("activity"), "a removal that finds nothing is not logged");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aDemoImageThatIsTheSitesLogoIsInUse(TestDatabases db) {
        Newsroom newsroom = openNewsroom(db, clock);
        newsroom.demo.loadIfEmpty();
        Media picture = newsroom.media.find(newsroom.articles.latest(1, 1).items().getFirst().featuredMediaId())
                .orElseThrow();
        newsroom.database.jdbi().useHandle(handle -> handle.execute(
                "INSERT INTO settings (name, value, updated_at) VALUES ('logo', ?, 0)", String.valueOf(picture.id())));
        var refused = assertThrows(DemoRemoval.InUse.class,
                () -> newsroom.demoRemoval.remove(Actor.commandLine(), false));
        assertEquals(List.of("image " + picture.path() + " is the site's logo"),
                refused.uses().stream().map(Use::describe).toList());
        newsroom.demoRemoval.remove(Actor.commandLine(), true);
        assertEquals(List.of(picture.id()), ids("media"), "kept as the newsroom's own");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void refusesWhileTheNewsroomsContentUsesDemoItems(TestDatabases db) {
        Newsroom newsroom = openNewsroom(db, clock);
        newsroom.demo.loadIfEmpty();
        Section asia = newsroom.taxonomy.findSectionBySlug("asia").orElseThrow();
        Author amina = newsroom.authors.findBySlug("amina-rahimi").orElseThrow();
        Media demoPicture = newsroom.media.find(newsroom.articles.latest(1, 1).items().getFirst().featuredMediaId())
                .orElseThrow();
        Own own = addOwnContent(newsroom, asia, amina, List.of("Russia", "Harbour"), demoPicture);
        Set<String> filesBefore = mediaFiles();
        int rowsBefore = TABLES.stream().mapToInt(this::count).sum();

        var refused = assertThrows(DemoRemoval.InUse.class,
                () -> newsroom.demoRemoval.remove(Actor.commandLine(), false));

        assertEquals(List.of(
                "author “Amina Rahimi” is on the byline of the article “Harbour reopens after the storm”",
                "image " + demoPicture.path() + " is shown by the article “Harbour reopens after the storm”",
                "section “Asia” holds the article “Harbour reopens after the storm”",
                "tag “Russia” is on the article “Harbour reopens after the storm”"),
                refused.uses().stream().map(Use::describe).sorted().toList());
        assertEquals(rowsBefore, TABLES.stream().mapToInt(this::count).sum(), "nothing was removed");
        assertEquals(filesBefore, mediaFiles());
        assertTrue(newsroom.demoNotice.shown());

        Removed removed = newsroom.demoRemoval.remove(Actor.commandLine(), true);

        // kept: what the article uses, and what those need in turn (Asia's parent, Amina's avatar)
        assertEquals(Set.of("section:Asia", "section:World", "author:Amina Rahimi", "tag:Russia",
                        "media:" + demoPicture.path(), "media:" + avatarOf(newsroom, amina).path()),
                removed.kept().stream().map(use -> use.kind() + ":" + use.name()).collect(Collectors.toSet()));
        assertEquals(Set.of(asia.id(), asia.parentId(), own.section.id()), Set.copyOf(ids("sections")));
        assertEquals(Set.of(amina.id(), own.author.id()), Set.copyOf(ids("authors")));
        assertEquals(List.of(own.article.id()), ids("articles"));
        assertEquals(Set.of(demoPicture.id(), amina.avatarMediaId(), own.picture.id()), Set.copyOf(ids("media")));
        assertEquals(2, count("tags"));
        assertEquals(0, count("demo_items"), "what was kept is the newsroom's now");
        var expectedFiles = new TreeSet<>(filesOf(own.picture));
        expectedFiles.addAll(filesOf(demoPicture));
        expectedFiles.addAll(filesOf(avatarOf(newsroom, amina)));
        assertEquals(expectedFiles, mediaFiles());
        assertEquals(own.article, newsroom.articles.find(own.article.id()).orElseThrow());
        assertFalse(newsroom.demoNotice.shown());
        assertFalse(newsroom.demo.loadIfEmpty());
    }

    /** The newsroom's own section, author (with a picture of their own), and a published article. */
    record Own(Section section, Author author, Media picture, Article article) {
    }

    private Own addOwnContent(Newsroom newsroom, Section inSection, Author coAuthor, List<String> tags,
                              Media featured) {
        Section section = newsroom.taxonomy.saveSection(new Section(0, "", "Local", "Our town.", null, 9));
        Media picture = newsroom.media.store(new Upload(PlaceholderImages.landscape(7, 900, 500), "quay.jpg",
                "The quay", "", "Our photographer"));
        Author author = newsroom.authors.save(new Author(0, "", "Ola Nordmann", "Reports on the port.",
                picture.id()));
        List<Long> byline = coAuthor == null ? List.of(author.id()) : List.of(author.id(), coAuthor.id());
        Article article = newsroom.articles.save(new ArticleDraft(0, "Harbour reopens after the storm", "", "",
                "The harbour reopened on Monday.", "", featured == null ? picture.id() : featured.id(),
                ArticleStatus.PUBLISHED, inSection == null ? section.id() : inSection.id(), byline, tags, null));
        return new Own(section, author, picture, article);
    }

    private static Media avatarOf(Newsroom newsroom, Author author) {
        return newsroom.media.find(author.avatarMediaId()).orElseThrow();
    }

    private int count(String table) {
        return newsroom.database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table)
                .mapTo(Integer.class).one());
    }

    private List<Long> ids(String table) {
        return newsroom.database.jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM " + table
                + " ORDER BY id").mapTo(Long.class).list());
    }

    /** Every regular file under the media root, relative to it. */
    private Set<String> mediaFiles() {
        Path root = dir.resolve("media");
        if (!Files.exists(root)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The original and the scaled copies of one image, as paths under the media root. */
    private static Set<String> filesOf(Media media) {
        var files = new TreeSet<String>();
        files.add(media.path());
        media.variants().forEach(width -> files.add(media.url(width).substring(Media.URL_PREFIX.length())));
        return files;
    }
}
