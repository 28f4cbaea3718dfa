package dev.byline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.support.DemoSiteTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The site over HTTP while the newsroom publishes: these tests put new stories at the top of the home page, so
 * they run on a Byline of their own and leave SiteHttpTest's front page as the demo made it.
 */
class SiteNewsHttpTest extends DemoSiteTest {

    @Test
    void aScheduledArticleAppearsWhenItsTimeComes() {
        var services = byline.services();
        Article anyArticle = services.articles().findBySlug("solar-panel-prices-fall-again")
                .or(() -> services.articles().findBySlug("solar-panel-prices-hit-a-new-low")).orElseThrow();
        Instant at = clock.instant().plus(Duration.ofHours(1));
        services.articles().save(new ArticleDraft(0, "Embargoed report goes live", "Scheduled an hour ahead.", "",
                "Text.", "", null, ArticleStatus.SCHEDULED, anyArticle.sectionId(), anyArticle.authorIds(),
                List.of(), at));
        assertFalse(http.get("/").body().contains("Embargoed report goes live"), "not before its time");

        clock.advance(Duration.ofMinutes(59));
        byline.schedule().tick();
        assertEquals(ArticleStatus.SCHEDULED, status("embargoed-report-goes-live"), "a minute early");
        assertFalse(http.get("/").body().contains("Embargoed report goes live"), "the cached home page stays");

        clock.advance(Duration.ofMinutes(1));
        byline.schedule().tick();
        Article published = services.articles().findBySlug("embargoed-report-goes-live").orElseThrow();
        assertEquals(ArticleStatus.PUBLISHED, published.status());
        assertEquals(at, published.publishedAt(), "published at the time it was scheduled for");
        assertTrue(http.get("/").body().contains("Embargoed report goes live"), "the cached home page was dropped");
    }

    @Test
    void theNotFoundPageKeepsUpWithTheLatestNews() {
        String before = http.get("/no/such/page").body();
        assertEquals(before, http.get("/no/such/page").body(), "the same page again");
        var services = byline.services();
        Article any = services.articles().findBySlug("girls-schooling-ban-enters-its-fifth-year").orElseThrow();
        services.articles().save(new ArticleDraft(0, "Breaking: a brand new story", "", "", "Text.", "", null,
                ArticleStatus.PUBLISHED, any.sectionId(), any.authorIds(), List.of(), null));
        assertTrue(http.get("/no/such/page").body().contains("Breaking: a brand new story"),
                "a remembered 404 page is dropped when the news changes");
    }

    @Test
    void whatIsNotPublishedHasNoPage() {
        var services = byline.services();
        Article any = services.articles().findBySlug("girls-schooling-ban-enters-its-fifth-year").orElseThrow();
        services.articles().save(new ArticleDraft(0, "Merger talks under embargo", "", "", "Text.", "", null,
                ArticleStatus.DRAFT, any.sectionId(), any.authorIds(), List.of("Embargoed merger"), null));
        var tag = http.get("/tag/embargoed-merger/");
        assertEquals(404, tag.statusCode(), "a tag with only a draft has no archive");
        assertEquals(http.get("/tag/no-such-tag/").body(), tag.body(), "and says no more than for no tag at all");
        assertEquals(404, http.get("/2025/10/08/merger-talks-under-embargo/").statusCode());
        assertFalse(http.get("/").body().contains("Merger talks under embargo"));
    }

    private ArticleStatus status(String slug) {
        return byline.services().articles().findBySlug(slug).orElseThrow().status();
    }
}
