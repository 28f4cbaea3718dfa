package dev.byline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.support.AdminBrowser;
import dev.byline.support.MutableClock;
import dev.byline.support.Staff;
import dev.byline.support.TestDatabases;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * /admin/activity over HTTP: administrators see everyone's entries and filter them by person, action and days
 * (in the newsroom's zone), a page at a time; everyone else sees only their own, including what was done to
 * their account. The clock is moved to put entries on different days.
 */
class ActivityHttpTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    static final AdminSites SITES = new AdminSites(CLOCK);
    static final Pattern ROW = Pattern.compile("<td data-label=\"When\">");

    @AfterAll
    static void stop() {
        SITES.close();
    }

    @Test
    void administratorsSeeEveryoneAndFilterOthersSeeTheirOwn() {
        Byline site = SITES.site(TestDatabases.SQLITE);
        var staff = new Staff(site);
        User admin = staff.add(Role.ADMINISTRATOR, "Ada Admin", "ada@newsroom.test");
        User editor = staff.add(Role.EDITOR, "Ed Itor", "ed@newsroom.test");
        User author = staff.add(Role.AUTHOR, "Au Thor", "au@newsroom.test");
        // 2 March: two failed sign-ins on the author's account, then they sign in
        for (int i = 0; i < 2; i++) {
            assertEquals(401, new AdminBrowser(site.baseUrl()).login(author.email(), "wrong " + i).statusCode());
        }
        AdminBrowser authors = staff.signIn(author);
        // 3 March: the editor signs in; the administrator changes the author's role
        CLOCK.advance(Duration.ofDays(1));
        AdminBrowser editors = staff.signIn(editor);
        AdminBrowser admins = staff.signIn(admin);
        admins.get("/admin/people");
        assertEquals(302, admins.post("/admin/people/" + author.id() + "/role", Map.of("role", "contributor"))
                .statusCode());
        authors = staff.signIn(author);

        String everything = admins.get("/admin/activity").body();
        assertTrue(everything.contains("<h1>Activity</h1>"));
        assertTrue(everything.contains("<label for=\"person\">Person</label>"), "the person filter");
        assertTrue(everything.contains("Sign-in failed") && everything.contains("Role changed"));
        assertTrue(everything.contains("author → contributor"));
        assertTrue(everything.contains("<time datetime=\"2026-03-03T09:00Z\">3 Mar 2026, 09:00</time>"), everything);

        String byPerson = admins.get("/admin/activity?person=" + editor.id()).body();
        assertTrue(byPerson.contains("<td data-label=\"Who\">ed@newsroom.test</td>"));
        assertFalse(byPerson.contains("<td data-label=\"Who\">au@newsroom.test</td>"), "only the editor's entries");
        assertEquals(2, rows(byPerson), "the editor's account added, and their sign-in");

        String failures = admins.get("/admin/activity?action=sign-in-failed").body();
        assertEquals(2, rows(failures));
        assertTrue(failures.contains("<option value=\"sign-in-failed\" selected>Sign-in failed</option>"));
        String secondDay = admins.get("/admin/activity?from=2026-03-03&until=2026-03-03").body();
        assertFalse(secondDay.contains("Sign-in failed</td>"), "the failures were on the 2nd");
        assertTrue(secondDay.contains("Role changed"));
        String firstDay = admins.get("/admin/activity?until=2026-03-02&person=" + author.id()).body();
        assertEquals(4, rows(firstDay), "on the 2nd: the account added, two failures and a sign-in");
        HttpResponse<String> badDate = admins.get("/admin/activity?from=yesterday");
        assertEquals(400, badDate.statusCode());
        assertTrue(badDate.body().contains("Give a date as year-month-day, such as 2026-03-31."));
        for (String extreme : java.util.List.of("+999999999-12-31", "-999999999-01-01", "99999-01-01")) {
            HttpResponse<String> far = admins.get("/admin/activity?until=" + java.net.URLEncoder.encode(extreme,
                    java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(400, far.statusCode(), extreme);
            assertTrue(far.body().contains("Give a date as year-month-day"), extreme);
        }
        assertTrue(badDate.body().contains("value=\"yesterday\""));

        // the author sees what concerns their account, and nothing of the editor's
        String own = authors.get("/admin/activity").body();
        assertTrue(own.contains("<h1>Your activity</h1>"));
        assertFalse(own.contains("<label for=\"person\">"), "no person filter");
        assertTrue(own.contains("Sign-in failed"), "the failed attempts on their account");
        assertTrue(own.contains("author → contributor"), "the role change done to them");
        assertFalse(own.contains("ed@newsroom.test"));
        String sneaky = authors.get("/admin/activity?person=" + editor.id()).body();
        assertFalse(sneaky.contains("ed@newsroom.test"), "a person filter in the address changes nothing");
        assertTrue(editors.get("/admin/activity").body().contains("<h1>Your activity</h1>"));

        HttpResponse<String> visitor = new AdminBrowser(site.baseUrl()).get("/admin/activity");
        assertEquals(302, visitor.statusCode());
        assertEquals("/admin/login?next=%2Fadmin%2Factivity", visitor.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void longLogsComeAPageAtATimeWithTheFiltersKept() {
        Byline site = SITES.site(TestDatabases.POSTGRES);
        var staff = new Staff(site);
        User admin = staff.add(Role.ADMINISTRATOR);
        for (int i = 0; i < ActivityHandler.PER_PAGE + 5; i++) {
            staff.signIn(admin);
        }
        AdminBrowser browser = staff.signIn(admin);
        String first = browser.get("/admin/activity?action=signed-in&person=" + admin.id()).body();
        int signIns = ActivityHandler.PER_PAGE + 6; // 55 in the loop, and this browser's
        assertTrue(first.contains(signIns + " entries, page 1 of 2"), first);
        assertEquals(ActivityHandler.PER_PAGE, rows(first));
        String next = "/admin/activity?person=" + admin.id() + "&amp;action=signed-in&amp;page=2";
        assertTrue(first.contains("href=\"" + next + "\" rel=\"next\">Older</a>"), first);
        String second = browser.get(next.replace("&amp;", "&")).body();
        assertEquals(6, rows(second));
        assertTrue(second.contains("rel=\"prev\">Newer</a>"));
        assertFalse(second.contains("rel=\"next\""));
    }

    private static int rows(String page) {
        return (int) ROW.matcher(page).results().count();
    }
}
