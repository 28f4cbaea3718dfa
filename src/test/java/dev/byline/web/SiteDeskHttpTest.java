package dev.byline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Actor;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.article.Desk;
import dev.byline.article.Kind;
import dev.byline.article.NoteKind;
import dev.byline.article.Placement;
import dev.byline.support.DemoSiteTest;
import dev.byline.web.site.SiteUrls;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The desk's work as readers meet it, over HTTP with the page cache: 410 Gone for what was public and was trashed
 * or deleted (404 for what never was), corrections and updates on the article with their date, pages at /slug/.
 */
class SiteDeskHttpTest extends DemoSiteTest {

    static final Actor EDITOR = Actor.commandLine();
    static final DateTimeFormatter DATE_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    Desk desk() {
        return byline.services().desk();
    }

    Article any() {
        return byline.services().articles().findBySlug("girls-schooling-ban-enters-its-fifth-year").orElseThrow();
    }

    Article publish(String title, String body) {
        Article any = any();
        return desk().save(EDITOR, new ArticleDraft(0, title, "", "", body, "", null, ArticleStatus.PUBLISHED,
                any.sectionId(), any.authorIds(), List.of(), null));
    }

    static String path(Article article) {
        return "/" + DATE_PATH.format(article.publishedAt()) + "/" + article.slug() + "/";
    }

    boolean cached(String path) {
        return byline.services().pageCache().get(path).isPresent();
    }

    @Test
    void aTrashedArticleIsGoneAtOnceFromTheCacheAndAnswers410UntilRestored() {
        Article article = publish("Minister denies leak", "Text.");
        Article neighbour = publish("Harbour reopens after storm", "Text.");
        String path = path(article);
        assertEquals(200, http.get(path).statusCode());
        assertEquals(200, http.get(path(neighbour)).statusCode());
        assertTrue(cached(path));
        assertTrue(cached(path(neighbour)));

        desk().trash(EDITOR, article.id(), article.version());
        assertFalse(cached(path), "the trashed article's cached page was dropped");
        HttpResponse<String> gone = http.get(path);
        assertEquals(410, gone.statusCode());
        assertTrue(gone.body().contains("has been removed"), gone.body());
        assertEquals(410, http.get(path.substring(0, path.length() - 1)).statusCode(), "any spelling of it");
        assertFalse(http.get("/").body().contains("Minister denies leak"));
        assertEquals(200, http.get(path(neighbour)).statusCode());

        desk().restore(EDITOR, article.id());
        assertEquals(200, http.get(path).statusCode(), "restored: back at its address");

        Article again = byline.services().articles().find(article.id()).orElseThrow();
        desk().trash(EDITOR, again.id(), again.version());
        desk().deleteForever(EDITOR, again.id());
        assertEquals(410, http.get(path).statusCode(), "deleted for good: still gone, not 'never was'");
    }

    /** Taken down (made private, or a draft again) and then trashed: it was public once, so 410, as the issue says. */
    @Test
    void anArticleTakenDownAndThenTrashedAnswers410AndComesBackWhenPublishedAgain() {
        Article article = publish("Council budget leak", "Text.");
        String path = path(article);
        assertEquals(200, http.get(path).statusCode());
        Article taken = desk().save(EDITOR, dev.byline.article.ArticleDraft.of(article, List.of())
                .withStatus(ArticleStatus.PRIVATE));
        assertEquals(410, http.get(path).statusCode(), "taken down: gone to readers");
        desk().trash(EDITOR, taken.id(), taken.version());
        assertEquals(410, http.get(path).statusCode(), "trashed after being public once");
        Article restored = desk().restore(EDITOR, taken.id());
        assertEquals(410, http.get(path).statusCode(), "restored as private: still gone");
        desk().save(EDITOR, dev.byline.article.ArticleDraft.of(restored, List.of())
                .withStatus(ArticleStatus.PUBLISHED));
        assertEquals(200, http.get(path).statusCode(), "published again at its address");
    }

    /**
     * Taken down and renamed in the same save (a draft again, or scheduled later under its real headline): the
     * address readers knew answers 410, the new one, which readers never saw, 404 (a 410 would confirm the headline).
     */
    @Test
    void aSlugGivenInTheSaveThatTookTheArticleDownWasNeverPublicAndAnswers404() {
        Article mayor = publish("Mayor stays in office", "Text.");
        desk().save(EDITOR, new ArticleDraft(mayor.id(), mayor.title(), "", "mayor-resigns-tonight",
                mayor.bodyMarkdown(), "", null, ArticleStatus.DRAFT, mayor.sectionId(), mayor.authorIds(), List.of(),
                null, mayor.version()));
        assertEquals(410, http.get(path(mayor)).statusCode(), "the address readers knew is gone");
        assertEquals(404, http.get("/2020/01/01/mayor-resigns-tonight/").statusCode());

        Article preview = publish("Quarterly results preview", "Text.");
        desk().save(EDITOR, new ArticleDraft(preview.id(), preview.title(), "", "acme-to-cut-900-jobs",
                preview.bodyMarkdown(), "", null, ArticleStatus.SCHEDULED, preview.sectionId(), preview.authorIds(),
                List.of(), clock.instant().plus(java.time.Duration.ofDays(2)), preview.version()));
        assertEquals(410, http.get(path(preview)).statusCode());
        assertEquals(404, http.get("/2020/01/01/acme-to-cut-900-jobs/").statusCode(), "the embargo holds");
    }

    /** A draft that takes a published story's old address leaves the story's redirect alone until it is public. */
    @Test
    void aDraftHoldingAnOldSlugLeavesThePublishedStorysRedirect() {
        Article vote = publish("Budget vote", "Text.");
        String old = path(vote);
        Article renamed = desk().save(EDITOR, new ArticleDraft(vote.id(), vote.title(), "", "budget-vote-delayed",
                vote.bodyMarkdown(), "", null, ArticleStatus.PUBLISHED, vote.sectionId(), vote.authorIds(), List.of(),
                vote.publishedAt(), vote.version()));
        assertEquals(301, http.get(old).statusCode());
        Article any = any();
        Article draft = desk().save(EDITOR, new ArticleDraft(0, "Budget vote", "", "", "Notes.", "", null,
                ArticleStatus.DRAFT, any.sectionId(), any.authorIds(), List.of(), null));
        assertEquals("budget-vote", draft.slug(), "the draft holds the old address");
        HttpResponse<String> still = http.get(old);
        assertEquals(301, still.statusCode(), "readers' links still reach the story");
        assertTrue(still.headers().firstValue("location").orElseThrow().endsWith(path(renamed)));
        desk().trash(EDITOR, draft.id(), draft.version());
        desk().deleteForever(EDITOR, draft.id());
        assertEquals(301, http.get(old).statusCode(), "and after the draft is gone");

        Article another = desk().save(EDITOR, new ArticleDraft(0, "Budget vote", "", "", "Text.", "", null,
                ArticleStatus.PUBLISHED, any.sectionId(), any.authorIds(), List.of(), null));
        assertEquals("budget-vote", another.slug());
        assertEquals(200, http.get(path(another)).statusCode(), "a public article takes the address for itself");
    }

    @Test
    void anArticleThatNeverWasPublicAnswers404WhenTrashed() {
        Article any = any();
        Article draft = desk().save(EDITOR, new ArticleDraft(0, "Unpublished scoop", "", "", "Text.", "", null,
                ArticleStatus.DRAFT, any.sectionId(), any.authorIds(), List.of(), null));
        desk().trash(EDITOR, draft.id(), draft.version());
        String path = "/" + DATE_PATH.format(clock.instant()) + "/unpublished-scoop/";
        assertEquals(404, http.get(path).statusCode());
        assertEquals(404, http.get("/2020/01/01/no-such-story-ever/").statusCode());
    }

    @Test
    void aCorrectionShowsWithItsDateWhereTheEditorPutItAndDropsOnlyThatPage() {
        Article article = publish("Council approves budget", "The council voted on Tuesday.\n\nMore text.");
        String path = path(article);
        String before = http.get(path).body();
        assertFalse(before.contains("article-notes"));
        assertFalse(before.contains("Updated"));
        http.get("/");
        assertTrue(cached("/"));

        clock.advance(Duration.ofMinutes(20));
        desk().addNote(EDITOR, article.id(), NoteKind.CORRECTION, "The vote was on Wednesday, not Tuesday.",
                Placement.FOOT);
        assertFalse(cached(path), "the article's page was dropped");
        assertTrue(cached("/"), "the home page shows no notes and stays");
        String corrected = http.get(path).body();
        var foot = Pattern.compile("<aside class=\"article-notes article-notes-foot\"[^>]*>\\s*<p class=\"article-note "
                + "note-correction\"><strong>Correction, <time datetime=\"[^\"]+\">[^<]+</time>:</strong> "
                + "The vote was on Wednesday, not Tuesday.</p>").matcher(corrected);
        assertTrue(foot.find(), corrected);
        assertTrue(corrected.indexOf("article-notes-foot") > corrected.indexOf("<div class=\"article-body\">"),
                "at the foot, after the body");
        assertTrue(corrected.contains("Updated <time"), "the modified date shows");

        desk().addNote(EDITOR, article.id(), NoteKind.UPDATE, "The mayor has signed it.", Placement.TOP);
        String updated = http.get(path).body();
        int top = updated.indexOf("article-notes-top");
        assertTrue(top > 0 && top < updated.indexOf("<div class=\"article-body\">"), "at the top, before the body");
        assertTrue(updated.contains("<strong>Update, <time"));
    }

    @Test
    void aPageHasItsOwnAddressAndTemplateAndIsOnNoList() {
        Article any = any();
        Article page = desk().save(EDITOR, new ArticleDraft(0, "About the Daily", "We report.", "", "Founded in 1901.",
                "", null, ArticleStatus.PUBLISHED, null, any.authorIds(), List.of(), null, 0, "About us", "",
                Kind.PAGE));
        assertEquals("about-the-daily", page.slug());
        String url = SiteUrls.sitePage(page.slug());
        HttpResponse<String> shown = http.get(url);
        assertEquals(200, shown.statusCode());
        String body = shown.body();
        assertTrue(body.contains("<h1 class=\"article-title\">About the Daily</h1>"), body);
        assertTrue(body.contains("Founded in 1901."));
        assertTrue(body.contains("<title>About us – "), "the SEO title is the page's title");
        assertFalse(body.contains("class=\"byline"), "no byline");
        assertFalse(body.contains("<time"), "no date");
        assertTrue(cached(url));
        assertFalse(http.get("/").body().contains("About the Daily"), "not on the home page");

        var noSlash = http.get("/about-the-daily");
        assertEquals(301, noSlash.statusCode());
        assertEquals("/about-the-daily/", noSlash.headers().firstValue("Location").orElseThrow());

        Article renamed = desk().save(EDITOR, new ArticleDraft(page.id(), "About", "", "about", "Founded in 1901.",
                "", null, ArticleStatus.PUBLISHED, null, any.authorIds(), List.of(), null, page.version()));
        assertFalse(cached(url), "its page was dropped");
        var moved = http.get(url);
        assertEquals(301, moved.statusCode());
        assertEquals("/about/", moved.headers().firstValue("Location").orElseThrow());
        assertEquals(200, http.get("/about/").statusCode());
        assertEquals(404, http.get("/no-such-page/").statusCode());
        // the page route (/{slug}) is the site's broadest: the other surfaces' own paths stay theirs
        HttpResponse<String> admin = http.get("/admin/");
        assertTrue(admin.statusCode() != 404 && admin.body().contains("/assets/admin."),
                "the admin's door, not a page: " + admin.statusCode());
        assertTrue(http.get("/api/v1/").headers().firstValue("Content-Type").orElse("").contains("json"));
        assertEquals(404, http.get("/healthz/x/").statusCode());
        assertEquals(200, http.get("/healthz").statusCode());

        desk().trash(EDITOR, renamed.id(), renamed.version());
        assertEquals(410, http.get("/about/").statusCode());
        assertEquals(410, http.get(url).statusCode(), "its old address too");
    }
}
