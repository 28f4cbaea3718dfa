package dev.byline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Actor;
import dev.byline.Byline;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.article.ArticleSummary;
import dev.byline.people.Author;
import dev.byline.support.DemoSiteTest;
import dev.byline.taxonomy.Section;
import dev.byline.web.site.SiteUrls;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo notice over HTTP: on every page while a demo article is public, off every page (cached ones included)
 * as soon as the last one leaves the site or the demo is removed, back when one returns.
 */
class DemoNoticeHttpTest extends DemoSiteTest {

    static final String NOTICE = "<aside class=\"demo-notice\" aria-label=\"Demo content\">";
    static final String SEED_URL =
            "/2025/10/08/russia-hosts-taliban-delegation-warns-against-foreign-military-in-afghanistan/";

    @Test
    void theNoticeIsOnEveryPageExactlyWhileDemoArticlesArePublic() {
        Byline.Services services = byline.services();
        Section local = services.taxonomy().saveSection(new Section(0, "", "Local", "Our town.", null, 9));
        Author ola = services.authors().save(new Author(0, "", "Ola Nordmann", "Reports on the port.", null));
        Article own = services.articles().save(new ArticleDraft(0, "Harbour reopens after the storm", "", "",
                "The harbour reopened on Monday.", "", null, ArticleStatus.PUBLISHED, local.id(),
                List.of(ola.id()), List.of("Harbour"), null));
        String ownUrl = new SiteUrls(ZoneId.of("UTC")).article(own.slug(), own.publishedAt());
        List<String> ownPages = List.of("/", ownUrl, "/section/local/", "/author/ola-nordmann/", "/tag/harbour/");

        assertNotice(true, ownPages);
        assertNotice(true, List.of(SEED_URL, "/section/world/", "/?page=2"));
        assertNotice(true, List.of("/no/such/page"));
        ownPages.forEach(path -> assertTrue(services.pageCache().get(path).isPresent(), path + " is cached"));
        String escaped = http.get("/").body();
        assertTrue(escaped.contains("Remove it with <code>./byline demo remove</code> or from the admin's settings."));

        // the newsroom deletes all demo articles but one: the notice stays
        List<ArticleSummary> demo = services.articles().latest(1, 1000).items().stream()
                .filter(summary -> summary.id() != own.id()).toList();
        for (ArticleSummary summary : demo.subList(1, demo.size())) {
            services.articles().delete(summary.id(), services.articles().find(summary.id()).orElseThrow().version());
        }
        assertNotice(true, ownPages);

        // and unpublishes the last: the notice goes from every page, the cached ones first of all
        Article last = services.articles().find(demo.getFirst().id()).orElseThrow();
        last = services.articles().save(edit(last, ArticleStatus.DRAFT));
        assertNotice(false, ownPages);
        assertNotice(false, List.of("/no/such/page"));

        // it comes back with a demo article
        last = services.articles().save(edit(last, ArticleStatus.PUBLISHED));
        assertNotice(true, ownPages);

        // and goes for good with the demo
        services.demoRemoval().remove(Actor.commandLine(), false);
        assertNotice(false, ownPages);
        assertEquals(404, http.get("/section/world/").statusCode());
        assertFalse(http.get("/section/world/").body().contains(NOTICE));
        assertTrue(http.get(ownUrl).body().contains("Harbour reopens after the storm"));
    }

    /** Each page twice: rendered (or already cached), then certainly from the cache. */
    private static void assertNotice(boolean shown, List<String> paths) {
        for (String path : paths) {
            for (int time = 1; time <= 2; time++) {
                HttpResponse<String> page = http.get(path);
                assertEquals(shown, page.body().contains(NOTICE),
                        path + " (" + page.statusCode() + ", request " + time + ") shows the notice: " + !shown);
            }
        }
    }

    private static ArticleDraft edit(Article article, ArticleStatus status) {
        return new ArticleDraft(article.id(), article.title(), article.dek(), article.slug(), article.bodyMarkdown(),
                article.excerpt(), article.featuredMediaId(), status, article.sectionId(), article.authorIds(),
                List.of(), null, article.version());
    }
}
