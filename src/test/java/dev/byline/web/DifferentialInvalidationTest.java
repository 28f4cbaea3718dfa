package dev.byline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.Actor;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.article.ArticleSummary;
import dev.byline.comment.Comment;
import dev.byline.comment.CommentModeration;
import dev.byline.comment.CommentStatus;
import dev.byline.comment.Submission;
import dev.byline.config.Config;
import dev.byline.menu.Menu;
import dev.byline.menu.MenuItem;
import dev.byline.menu.MenuService;
import dev.byline.people.Author;
import dev.byline.support.Http;
import dev.byline.support.MutableClock;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.Tag;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The differential invalidation test. Render every page of the demo site; make one kind of write (the articles',
 * and the newsroom's changes to sections, tags, menus and the front page); then compare
 * what the cache kept with what a fresh render shows: every page whose bytes (or status) changed must have been
 * dropped, and every page that did not change must have been kept. On SQLite, on PostgreSQL, and across two nodes
 * on PostgreSQL (written on node A, read on node B).
 */
class DifferentialInvalidationTest {

    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");

    enum Setup {
        SQLITE, POSTGRES, TWO_NODES_ON_POSTGRES
    }

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    Byline writer;
    Byline reader;
    Http http;

    @ParameterizedTest
    @EnumSource(Setup.class)
    void everyWriteDropsExactlyThePagesItChanges(Setup setup) {
        Config config = (setup == Setup.SQLITE ? TestDatabases.SQLITE : TestDatabases.POSTGRES).config(dirA)
                .withDemo(true);
        writer = Byline.start(config, clock);
        reader = setup == Setup.TWO_NODES_ON_POSTGRES ? Byline.start(new Config(config.host(), 0, dirB,
                config.dbUrl(), config.dbUser(), config.dbPassword(), config.baseUrl(), true, config.zone(),
                config.siteName(), config.smtp()), clock) : writer;
        http = new Http(reader.baseUrl());
        try {
            var failures = new ArrayList<String>();
            var services = writer.services();
            var articles = services.articles();
            List<ArticleSummary> latest = articles.latest(1, 100).items();
            Author someone = services.authors().all().getFirst();
            Section asia = services.taxonomy().findSectionBySlug("asia").orElseThrow();
            Section europe = services.taxonomy().findSectionBySlug("europe").orElseThrow();
            Tag taliban = services.taxonomy().findTagBySlug("taliban").orElseThrow();
            Instant now = clock.instant();

            failures.addAll(check("publish an article", () -> articles.save(new ArticleDraft(0,
                    "A brand new story from Kabul", "Just in.", "", "First paragraph.\n\nSecond.", "", null,
                    ArticleStatus.PUBLISHED, asia.id(), List.of(someone.id()), List.of("Taliban", "Brand new tag"),
                    null))));
            failures.addAll(check("edit an article's headline", () -> {
                Article article = articles.find(latest.get(24).id()).orElseThrow();
                articles.save(edit(article, article.title() + " (updated)", article.status(), services));
            }));
            failures.addAll(check("edit only an article's body", () -> {
                Article article = articles.find(latest.get(30).id()).orElseThrow();
                articles.save(new ArticleDraft(article.id(), article.title(), article.dek(), article.slug(),
                        article.bodyMarkdown() + "\n\nA correction at the end.", article.excerpt(),
                        article.featuredMediaId(), article.status(), article.sectionId(), article.authorIds(),
                        tagNames(article, services), null, article.version()));
            }));
            failures.addAll(check("unpublish an article", () -> {
                Article article = articles.find(latest.get(34).id()).orElseThrow();
                articles.save(edit(article, article.title(), ArticleStatus.DRAFT, services));
            }));
            failures.addAll(check("delete an article", () -> {
                Article article = articles.find(latest.get(44).id()).orElseThrow();
                articles.delete(article.id(), article.version());
            }));
            Instant embargo = now.plus(Duration.ofHours(1));
            failures.addAll(check("schedule an article", () -> articles.save(new ArticleDraft(0, "Embargoed report",
                    "", "", "Text.", "", null, ArticleStatus.SCHEDULED, europe.id(), List.of(someone.id()),
                    List.of("Taliban"), embargo))));
            failures.addAll(check("a scheduled article goes live", () -> {
                clock.advance(Duration.ofHours(2));
                writer.schedule().tick();
                assertTrue(articles.findBySlug("embargoed-report").orElseThrow().isPublic());
            }));
            failures.addAll(check("rename a section", () -> services.taxonomy().saveSection(new Section(europe.id(),
                    europe.slug(), "Europe and Russia", europe.description(), europe.parentId(), europe.position()))));
            failures.addAll(check("rename a tag", () -> services.taxonomy().saveTag(new Tag(taliban.id(),
                    taliban.slug(), "The Taliban", taliban.description()))));
            failures.addAll(check("edit an author's bio", () -> {
                Author author = services.authors().find(someone.id()).orElseThrow();
                services.authors().save(new Author(author.id(), author.slug(), author.displayName(),
                        author.bio() + " Based in Kabul.", author.avatarMediaId()));
            }));
            failures.addAll(check("edit an image's caption", () -> {
                Article seed = articles.findBySlug(
                        "russia-hosts-taliban-delegation-warns-against-foreign-military-in-afghanistan").orElseThrow();
                var image = services.media().find(seed.featuredMediaId()).orElseThrow();
                services.images().describe(image.id(), image.alt(), image.caption() + " (corrected)", image.credit());
            }));
            failures.addAll(structure(services, latest));
            failures.addAll(discussion(services));
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        } finally {
            if (reader != writer) {
                reader.close();
            }
            writer.close();
        }
    }

    /**
     * The newsroom's changes to the paper's structure, as an administrator makes them: sections renamed, moved and
     * reordered, tags renamed, merged and deleted, the front page's picks, the menus.
     */
    private List<String> structure(Byline.Services services, List<ArticleSummary> latest) {
        var failures = new ArrayList<String>();
        Actor editor = Actor.commandLine();
        var taxonomy = services.taxonomy();
        Section business = taxonomy.findSectionBySlug("business").orElseThrow();
        Section politics = taxonomy.findSectionBySlug("politics").orElseThrow();
        Section science = taxonomy.findSectionBySlug("science").orElseThrow();
        Section asia = taxonomy.findSectionBySlug("asia").orElseThrow();
        failures.addAll(check("rename a top-level section and its slug (the header shows it)", () -> services.sections()
                .update(editor, new Section(business.id(), "business-economy", "Business and Economy",
                        business.description(), null, 0))));
        failures.addAll(check("move a section under another", () -> services.sections().update(editor,
                new Section(asia.id(), asia.slug(), asia.name(), asia.description(), politics.id(), 0))));
        failures.addAll(check("move a top-level section up (the header shows the order)",
                () -> services.sections().reorder(editor, science.id(), -1)));
        failures.addAll(check("rename a tag and its slug", () -> {
            Tag tag = taxonomy.findTagBySlug("taliban").orElseThrow();
            services.tags().rename(editor, new Tag(tag.id(), "the-taliban", "Taliban movement", tag.description()));
        }));
        failures.addAll(check("merge a tag into another", () -> services.tags().merge(editor,
                taxonomy.findTagBySlug("diplomacy").orElseThrow().id(), "Trade")));
        failures.addAll(check("delete a tag", () -> services.tags().delete(editor,
                taxonomy.findTagBySlug("afghanistan").orElseThrow().id())));
        long pinned = latest.get(52).id(); // mid-page: removing the row at a page's edge drops that page too (Keys.reaches)
        failures.addAll(check("pin an older story on the front page", () -> services.frontPage().pin(editor,
                services.frontPage().current().version(), pinned)));
        failures.addAll(check("choose the lead story", () -> services.frontPage().lead(editor,
                services.frontPage().current().version(), latest.get(56).id())));
        failures.addAll(check("unpublish the pinned story", () -> {
            Article article = services.articles().find(pinned).orElseThrow();
            services.articles().save(edit(article, article.title(), ArticleStatus.DRAFT, services));
        }));
        failures.addAll(check("add a link to the footer menu", () -> services.menus().add(editor, Menu.Name.FOOTER,
                services.menus().site().footer().version(), new MenuService.NewItem(MenuItem.Kind.LINK, null, null,
                        "/about/", "About us", null))));
        failures.addAll(check("make the header menu the newsroom's own, with a link", () -> services.menus().add(
                editor, Menu.Name.HEADER, services.menus().site().header().version(), new MenuService.NewItem(
                        MenuItem.Kind.LINK, null, null, "https://example.org/", "Our sister paper", null))));
        failures.addAll(check("rename a section the header menu does not show", () -> {
            Section section = taxonomy.findSection(asia.id()).orElseThrow();
            services.sections().update(editor, new Section(section.id(), section.slug(), "Asia and the Pacific",
                    section.description(), section.parentId(), 0));
        }));
        failures.addAll(check("rename a section the header menu shows", () -> {
            Section section = taxonomy.findSection(politics.id()).orElseThrow();
            services.sections().update(editor, new Section(section.id(), section.slug(), "Politics and Power",
                    section.description(), section.parentId(), 0));
        }));
        return failures;
    }

    /**
     * Readers' comments under the seed article: one held for moderation changes no page anyone else sees; approving,
     * editing and trashing it change the article's page.
     */
    private List<String> discussion(Byline.Services services) {
        var failures = new ArrayList<String>();
        Actor editor = Actor.commandLine();
        var comments = services.comments();
        var moderation = services.moderation();
        Article seed = services.articles().findBySlug(
                "russia-hosts-taliban-delegation-warns-against-foreign-military-in-afghanistan").orElseThrow();
        var comment = new Comment[1];
        failures.addAll(check("a reader's first comment, held for moderation", () -> {
            comment[0] = comments.post(new Submission(seed.id(), 0, "Farid Noori", "farid@example.org", "",
                    "Thank you for the report.", false, "198.51.100.30", "Firefox", "",
                    comments.tokens().issue(seed.id(), clock.instant().minusSeconds(60)), null)).comment();
            assertEquals(CommentStatus.PENDING, comment[0].status());
        }));
        failures.addAll(check("approve the comment", () -> comment[0] = moderation.act(editor, comment[0].id(),
                comment[0].version(), CommentModeration.Action.APPROVE).orElseThrow()));
        failures.addAll(check("edit the approved comment", () -> comment[0] = moderation.edit(editor,
                comment[0].id(), comment[0].version(), comment[0].authorName(), comment[0].authorEmail(),
                comment[0].authorUrl(), "Thank you for the report, and the photographs.")));
        failures.addAll(check("trash the approved comment", () -> moderation.act(editor, comment[0].id(),
                comment[0].version(), CommentModeration.Action.TRASH)));
        return failures;
    }

    /**
     * Renders every page into the reader's cache, runs the write, then compares. Returns what went wrong: pages
     * kept though they changed (stale news), and pages dropped though they did not (wasted renders).
     */
    private List<String> check(String write, Runnable work) {
        Map<String, String> before = crawl();
        // what the cache holds at all (a 404, such as a menu's link to a page not written yet, is never kept)
        Set<String> cached = new LinkedHashSet<>();
        for (String path : before.keySet()) {
            if (reader.services().pageCache().get(path).isPresent()) {
                cached.add(path);
            }
        }
        work.run();
        reader.catchUp();
        Set<String> kept = new LinkedHashSet<>();
        for (String path : before.keySet()) {
            if (reader.services().pageCache().get(path).isPresent()) {
                kept.add(path);
            }
        }
        reader.services().pageCache().clear();
        var failures = new ArrayList<String>();
        int changed = 0;
        for (var page : before.entrySet()) {
            String after = fetch(page.getKey());
            boolean same = after.equals(page.getValue());
            changed += same ? 0 : 1;
            if (!same && kept.contains(page.getKey())) {
                failures.add(write + ": STALE, changed but kept: " + page.getKey());
            } else if (same && cached.contains(page.getKey()) && !kept.contains(page.getKey())) {
                failures.add(write + ": dropped though unchanged: " + page.getKey());
            }
        }
        System.out.printf("%s: %d pages, %d changed, %d kept%n", write, before.size(), changed, kept.size());
        return failures;
    }

    /** Every page reachable from the home page, each fetched once (so cached), as status and body. */
    private Map<String, String> crawl() {
        var pages = new LinkedHashMap<String, String>();
        var queue = new ArrayDeque<String>(List.of("/"));
        while (!queue.isEmpty()) {
            String path = queue.poll();
            if (pages.containsKey(path)) {
                continue;
            }
            String page = fetch(path);
            pages.put(path, page);
            var links = LINK.matcher(page);
            while (links.find()) {
                String link = links.group(1).replace("&amp;", "&");
                if (!link.startsWith("/media/") && !link.startsWith("/assets/") && !pages.containsKey(link)) {
                    queue.add(link);
                }
            }
        }
        assertTrue(pages.size() > 100, "the crawl found the demo site: " + pages.size());
        return pages;
    }

    private String fetch(String path) {
        HttpResponse<String> response = http.get(path);
        return response.statusCode() + "\n" + response.body();
    }

    private static ArticleDraft edit(Article article, String title, ArticleStatus status, Byline.Services services) {
        return new ArticleDraft(article.id(), title, article.dek(), article.slug(), article.bodyMarkdown(),
                article.excerpt(), article.featuredMediaId(), status, article.sectionId(), article.authorIds(),
                tagNames(article, services), null, article.version());
    }

    private static List<String> tagNames(Article article, Byline.Services services) {
        return services.taxonomy().tags(article.tagIds()).stream()
                .sorted(java.util.Comparator.comparingInt(tag -> article.tagIds().indexOf(tag.id())))
                .map(Tag::name).toList();
    }

}
