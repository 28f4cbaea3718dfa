package dev.byline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.config.Config;
import dev.byline.people.Author;
import dev.byline.support.AdminBrowser;
import dev.byline.support.Http;
import dev.byline.support.Staff;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import dev.byline.web.site.SiteUrls;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes over one PostgreSQL, as behind a load balancer: an administrator on one node disables someone signed
 * in on the other, whose next request there goes to the sign-in page; a profile saved on one node reaches the
 * other's cached author page through the change feed.
 */
class PeopleNodesTest {

    @Test
    void whatOneNodeDoesToAnAccountHoldsOnTheOther(@TempDir Path dirA, @TempDir Path dirB) {
        Config config = TestDatabases.POSTGRES.config(dirA);
        try (Byline nodeA = Byline.start(config);
             Byline nodeB = Byline.start(new Config(config.host(), 0, dirB, config.dbUrl(), config.dbUser(),
                     config.dbPassword(), config.baseUrl(), false, config.zone(), config.siteName(),
                     config.smtp()))) {
            var staffA = new Staff(nodeA);
            var staffB = new Staff(nodeB);
            User editor = staffA.add(Role.EDITOR, "Noor Haddad", "noor@newsroom.test");
            AdminBrowser editorOnB = staffB.signIn(editor);
            AdminBrowser adminOnA = staffA.signedIn(Role.ADMINISTRATOR);

            // a profile saved through node A; node B had the author page cached
            Author author = nodeA.services().authors().find(editor.authorId()).orElseThrow();
            Section section = nodeA.services().taxonomy().saveSection(new Section(0, "", "City", "", null, 1));
            nodeA.services().articles().save(new ArticleDraft(0, "Bridge reopens", "", "", "The bridge reopened.",
                    "", null, ArticleStatus.PUBLISHED, section.id(), List.of(author.id()), List.of(), null));
            nodeB.catchUp();
            String authorUrl = SiteUrls.author(author.slug());
            var readerOnB = new Http(nodeB.baseUrl());
            assertTrue(readerOnB.get(authorUrl).body().contains("Noor Haddad"));
            assertTrue(nodeB.services().pageCache().get(authorUrl).isPresent(), "cached on node B");
            AdminBrowser editorOnA = staffA.signIn(editor);
            editorOnA.get("/admin/profile");
            assertEquals(302, editorOnA.post("/admin/profile", Map.of("displayName", "Noor H.", "bio",
                    "City desk.", "links", "https://noor.example")).statusCode());
            nodeB.catchUp();
            String page = readerOnB.get(authorUrl).body();
            assertTrue(page.contains("Noor H.") && page.contains("City desk."), "node B shows the new profile");
            assertTrue(page.contains("href=\"https://noor.example\" rel=\"me noopener\""));

            // disabled on node A: the session on node B ends with the next request
            assertEquals(200, editorOnB.get("/admin/").statusCode());
            adminOnA.get("/admin/people");
            assertEquals(302, adminOnA.post("/admin/people/" + editor.id() + "/disable", Map.of()).statusCode());
            HttpResponse<String> next = editorOnB.get("/admin/profile");
            assertEquals(302, next.statusCode());
            assertTrue(next.headers().firstValue("Location").orElseThrow().startsWith("/admin/login"));
            assertEquals(302, editorOnA.get("/admin/").statusCode(), "and on node A");
        }
    }
}
