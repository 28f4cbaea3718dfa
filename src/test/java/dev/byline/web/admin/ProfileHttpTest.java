package dev.byline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.error.Forbidden;
import dev.byline.media.TestImages;
import dev.byline.people.Author;
import dev.byline.support.AdminBrowser;
import dev.byline.support.Http;
import dev.byline.support.Staff;
import dev.byline.support.TestDatabases;
import dev.byline.taxonomy.Section;
import dev.byline.web.site.SiteUrls;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * /admin/profile over HTTP: everyone's own profile, shown on the public author page and bylines at once (the
 * cached pages are dropped), links and avatars checked, initials when there is no picture; the password change and
 * the session list, which end other browsers' sessions at once.
 */
class ProfileHttpTest {

    static final AdminSites SITES = new AdminSites();
    static final Pattern SESSION_ID = Pattern.compile("name=\"session\" value=\"([^\"]+)\"");

    @AfterAll
    static void stop() {
        SITES.close();
    }

    @Test
    void everyoneSignedInHasTheirOwnProfileAndVisitorsAreSentToSignIn() {
        Byline site = SITES.site(TestDatabases.SQLITE);
        var staff = new Staff(site);
        for (Role role : Role.values()) {
            User user = staff.add(role);
            AdminBrowser browser = staff.signIn(user);
            HttpResponse<String> page = browser.get("/admin/profile");
            assertEquals(200, page.statusCode(), role.key());
            assertTrue(page.body().contains(user.email() + " · " + role.label()));
            assertTrue(page.body().contains("value=\"" + user.displayName() + "\""));
            assertTrue(page.body().contains("href=\"/admin/profile/two-factor\""), "the way to the two-factor page");
            assertTrue(page.body().contains("<svg class=\"avatar avatar-large avatar-initials"), "initials, no picture");
        }
        HttpResponse<String> visitor = new AdminBrowser(site.baseUrl()).get("/admin/profile");
        assertEquals(302, visitor.statusCode());
        assertEquals("/admin/login?next=%2Fadmin%2Fprofile", visitor.headers().firstValue("Location").orElseThrow());
        var visitorsForm = new AdminBrowser(site.baseUrl());
        visitorsForm.get("/admin/login");
        HttpResponse<String> post = visitorsForm.post("/admin/profile", Map.of("displayName", "Nobody"));
        assertEquals(302, post.statusCode());
        assertTrue(post.headers().firstValue("Location").orElseThrow().startsWith("/admin/login"));
        // and the service has no profile for a visitor or the command line to change
        var profiles = site.services().accounts().profiles();
        var details = new dev.byline.account.ProfileService.Details("Nobody", "", "");
        assertThrows(Forbidden.class, () -> profiles.update(Actor.visitor("127.0.0.1"), details));
        assertThrows(Forbidden.class, () -> profiles.update(Actor.commandLine(), details));
        assertThrows(Forbidden.class, () -> profiles.removeAvatar(Actor.visitor("127.0.0.1")));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSavedProfileShowsOnTheAuthorPageAndBylinesAtOnce(TestDatabases database) {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        String suffix = database.name().toLowerCase();
        User writer = staff.add(Role.AUTHOR, "Amina Rahimi", "amina-" + suffix + "@newsroom.test");
        Author author = site.services().authors().find(writer.authorId()).orElseThrow();
        String articleUrl = publish(site, author, "Harbour reopens " + suffix);
        String authorUrl = SiteUrls.author(author.slug());
        var reader = new Http(site.baseUrl());

        String before = reader.get(authorUrl).body();
        assertTrue(before.contains("Amina Rahimi"));
        assertTrue(before.contains("<svg class=\"avatar avatar-large avatar-initials avatar-tone-"), "initials");
        assertTrue(before.contains(">AR</text>"));
        assertTrue(reader.get(articleUrl).body().contains(">AR</text>"), "initials on the byline too");
        assertTrue(site.services().pageCache().get(authorUrl).isPresent(), "the author page is cached");
        assertTrue(site.services().pageCache().get(articleUrl).isPresent(), "the article is cached");

        AdminBrowser browser = staff.signIn(writer);
        browser.get("/admin/profile");
        HttpResponse<String> saved = browser.post("/admin/profile", Map.of("displayName", "Amina R.",
                "bio", "Covers the port and the <harbour>.", "links",
                "https://mastodon.example/@amina\r\n\r\nhttps://www.amina.example/ "));
        assertEquals(302, saved.statusCode());
        assertTrue(browser.follow(saved).body().contains("Your profile is saved."));

        String after = reader.get(authorUrl).body();
        assertTrue(after.contains("Amina R."), "the new name, not a stale cached page");
        assertTrue(after.contains("Covers the port and the &lt;harbour&gt;."));
        assertTrue(after.contains("<a href=\"https://mastodon.example/@amina\" rel=\"me noopener\">"
                + "mastodon.example/@amina</a>"), after);
        assertTrue(after.contains("<a href=\"https://www.amina.example/\" rel=\"me noopener\">amina.example</a>"));
        String article = reader.get(articleUrl).body();
        assertTrue(article.contains("Amina R."), "the byline");
        assertTrue(article.contains("Covers the port and the &lt;harbour&gt;."), "the author box");
        User renamed = site.services().accounts().service().find(Actor.commandLine(), writer.id()).orElseThrow();
        assertEquals("Amina R.", renamed.displayName(), "the account's name is the byline");
        assertTrue(browser.get("/admin/").body().contains(">Amina R.</a>"), "the admin's header");
        assertEquals(author.slug(), site.services().authors().find(author.id()).orElseThrow().slug(), "same address");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void controlCharactersInTheNameOrBioAreRefusedNotStored(TestDatabases database) {
        Byline site = SITES.site(database);
        AdminBrowser browser = new Staff(site).signedIn(Role.AUTHOR);
        browser.get("/admin/profile");
        HttpResponse<String> nul = browser.post("/admin/profile", Map.of("displayName", "Kai\u0000",
                "bio", "Line one\nline\u001b[31m two", "links", ""));
        assertEquals(422, nul.statusCode(), "PostgreSQL refuses a NUL in text: it must be refused before");
        assertTrue(nul.body().contains("The name has an invisible control character: type it again."));
        assertTrue(nul.body().contains("The bio has an invisible control character"));
        HttpResponse<String> lines = browser.post("/admin/profile", Map.of("displayName", "Kai",
                "bio", "Line one\r\n\tline two", "links", ""));
        assertEquals(302, lines.statusCode(), "line breaks and tabs are a bio's own");
        HttpResponse<String> override = browser.post("/admin/profile", Map.of("displayName", "Kai \u202eevil",
                "bio", "", "links", ""));
        assertEquals(422, override.statusCode(), "a right-to-left override would show the name as something else");
        browser.get("/admin/profile");
        HttpResponse<String> session = browser.post("/admin/profile/sessions/end", Map.of("session", "\u0000"));
        assertEquals(404, session.statusCode(), "a session id that cannot be one is simply not found");
    }

    @Test
    void badLinksAndNamesAreRefusedWithWhatWasTypedKept() {
        Byline site = SITES.site(TestDatabases.SQLITE);
        AdminBrowser browser = new Staff(site).signedIn(Role.CONTRIBUTOR);
        browser.get("/admin/profile");
        HttpResponse<String> script = browser.post("/admin/profile", Map.of("displayName", "Kai", "bio", "Hi.",
                "links", "https://kai.example\njavascript:alert(1)"));
        assertEquals(422, script.statusCode());
        assertTrue(script.body().contains("Link 2 (javascript:alert(1)) is not a web address: give one starting "
                + "with https:// or http://, such as https://example.org/me."), script.body());
        assertTrue(script.body().contains(">https://kai.example\njavascript:alert(1)</textarea>"), "kept as typed");
        assertTrue(script.body().contains("Your profile was not saved"));

        String eleven = String.join("\n", java.util.stream.IntStream.rangeClosed(1, 11)
                .mapToObj(n -> "https://example.org/" + n).toList());
        HttpResponse<String> tooMany = browser.post("/admin/profile", Map.of("displayName", "Kai", "bio", "",
                "links", eleven));
        assertEquals(422, tooMany.statusCode());
        assertTrue(tooMany.body().contains("Give at most 10 links (there are 11)."));

        HttpResponse<String> noName = browser.post("/admin/profile", Map.of("displayName", "  ", "bio", "Still here",
                "links", ""));
        assertEquals(422, noName.statusCode());
        assertTrue(noName.body().contains("An author needs a name."));
        assertTrue(noName.body().contains(">Still here</textarea>"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anUploadedAvatarReplacesTheInitialsUntilItIsRemoved(TestDatabases database) {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        // a contributor may not upload media for articles, but their own picture is theirs to set
        User writer = staff.add(Role.CONTRIBUTOR);
        Author author = site.services().authors().find(writer.authorId()).orElseThrow();
        String authorUrl = SiteUrls.author(author.slug());
        publish(site, author, "A contributor's story " + database.name());
        var reader = new Http(site.baseUrl());
        assertTrue(reader.get(authorUrl).body().contains("avatar-initials"));

        AdminBrowser browser = staff.signIn(writer);
        browser.get("/admin/profile");
        byte[] photo = TestImages.phoneJpeg(900, 600, 1);
        HttpResponse<String> uploaded = browser.upload("/admin/profile/avatar", Map.of(), "avatar", "me.jpg",
                "image/jpeg", photo);
        assertEquals(302, uploaded.statusCode(), uploaded.body());
        String profile = browser.follow(uploaded).body();
        assertTrue(profile.contains("Your picture is saved."));
        assertTrue(profile.contains("<img class=\"avatar avatar-large\" src=\"/media/"));

        String page = reader.get(authorUrl).body();
        var src = Pattern.compile("<img class=\"avatar avatar-large\" src=\"(/media/[^\"]+)\"").matcher(page);
        assertTrue(src.find(), "the picture on the author page at once");
        assertFalse(page.contains("avatar-initials"));
        HttpResponse<byte[]> file = reader.getBytes(src.group(1));
        assertEquals(200, file.statusCode());
        assertEquals("image/jpeg", file.headers().firstValue("Content-Type").orElseThrow());
        assertFalse(new String(file.body(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("SECRET-CAMERA"),
                "the camera's metadata is not served");

        HttpResponse<String> notAnImage = browser.upload("/admin/profile/avatar", Map.of(), "avatar", "me.jpg",
                "image/jpeg", "not a picture at all".getBytes());
        assertEquals(422, notAnImage.statusCode());
        assertTrue(notAnImage.body().contains("<p class=\"field-error\" id=\"avatar-error\">"), notAnImage.body());
        HttpResponse<String> nothing = browser.upload("/admin/profile/avatar", Map.of(), "avatar", "", 
                "application/octet-stream", new byte[0]);
        assertEquals(422, nothing.statusCode());
        assertTrue(nothing.body().contains("Choose a picture to upload: a JPEG, PNG, WebP or GIF file."));

        HttpResponse<String> removed = browser.post("/admin/profile/avatar/remove", Map.of());
        assertEquals(302, removed.statusCode());
        assertTrue(browser.follow(removed).body().contains("Your picture is removed"));
        String without = reader.get(authorUrl).body();
        assertTrue(without.contains("avatar-initials"), "the initials are back");
        assertFalse(without.contains("<img class=\"avatar"));
        assertEquals(null, site.services().authors().find(author.id()).orElseThrow().avatarMediaId());

        HttpResponse<String> png = browser.upload("/admin/profile/avatar", Map.of(), "avatar", "me.png", "image/png",
                TestImages.encode(TestImages.quarters(120, 120), "png"));
        assertEquals(302, png.statusCode());
        assertTrue(reader.get(authorUrl).body().contains("<img class=\"avatar avatar-large\" src=\"/media/"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void changingThePasswordEndsEveryOtherSession(TestDatabases database) {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        User user = staff.add(Role.EDITOR);
        AdminBrowser laptop = staff.signIn(user);
        AdminBrowser phone = staff.signIn(user);
        laptop.get("/admin/profile");

        HttpResponse<String> wrong = laptop.post("/admin/profile/password", Map.of("current", "not it at all",
                "password", "a new and better one 77", "password2", "a new and better one 77"));
        assertEquals(422, wrong.statusCode());
        assertTrue(wrong.body().contains("That is not your current password."));
        assertFalse(wrong.body().contains("not it at all"), "a password never comes back");
        HttpResponse<String> mismatch = laptop.post("/admin/profile/password", Map.of("current", Staff.PASSWORD,
                "password", "a new and better one 77", "password2", "a new and better one 78"));
        assertEquals(422, mismatch.statusCode());
        assertTrue(mismatch.body().contains("The two new passwords are not the same."));
        HttpResponse<String> weak = laptop.post("/admin/profile/password", Map.of("current", Staff.PASSWORD,
                "password", "password1", "password2", "password1"));
        assertEquals(422, weak.statusCode());
        assertEquals(200, phone.get("/admin/").statusCode(), "nothing changed yet");

        HttpResponse<String> changed = laptop.post("/admin/profile/password", Map.of("current", Staff.PASSWORD,
                "password", "a new and better one 77", "password2", "a new and better one 77"));
        assertEquals(302, changed.statusCode());
        assertTrue(laptop.follow(changed).body().contains("Your password is changed."));
        assertEquals(200, laptop.get("/admin/profile").statusCode(), "this browser stays signed in");
        HttpResponse<String> ended = phone.get("/admin/");
        assertEquals(302, ended.statusCode(), "the other session ended at once");
        assertTrue(ended.headers().firstValue("Location").orElseThrow().startsWith("/admin/login"));
        assertEquals(401, new AdminBrowser(site.baseUrl()).login(user.email(), Staff.PASSWORD).statusCode());
        assertEquals(302, new AdminBrowser(site.baseUrl()).login(user.email(), "a new and better one 77")
                .statusCode());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void oneOtherSessionOrAllOthersCanBeSignedOut(TestDatabases database) {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        User user = staff.add(Role.AUTHOR);
        AdminBrowser here = staff.signIn(user);
        AdminBrowser second = staff.signIn(user);
        AdminBrowser third = staff.signIn(user);

        String page = here.get("/admin/profile").body();
        assertEquals(1, count(page, "This browser</strong>"));
        List<String> others = SESSION_ID.matcher(page).results().map(match -> match.group(1)).toList();
        assertEquals(2, others.size(), "a sign-out button for each other browser");
        assertTrue(page.contains("Java HTTP client"), "the browser, summarised");
        assertTrue(page.contains("127.0.0.1"));

        // someone else cannot end this person's sessions, even with their ids
        User stranger = staff.add(Role.ADMINISTRATOR);
        var refused = assertThrows(dev.byline.error.NotFound.class, () -> site.services().accounts().service()
                .endSession(Staff.actor(stranger), others.getFirst()));
        assertEquals("That session has already ended.", refused.getMessage());
        AdminBrowser strangers = staff.signIn(stranger);
        assertEquals(404, strangers.post("/admin/profile/sessions/end", Map.of("session", others.getFirst()))
                .statusCode());
        assertEquals(3, site.services().accounts().sessions().list(user.id()).size());

        HttpResponse<String> one = here.post("/admin/profile/sessions/end", Map.of("session", others.getFirst()));
        assertEquals(302, one.statusCode());
        assertTrue(here.follow(one).body().contains("That browser is signed out."));
        assertEquals(2, site.services().accounts().sessions().list(user.id()).size());
        int stillIn = (second.get("/admin/").statusCode() == 200 ? 1 : 0) + (third.get("/admin/").statusCode() == 200
                ? 1 : 0);
        assertEquals(1, stillIn, "exactly the one session ended");

        here.get("/admin/profile");
        HttpResponse<String> all = here.post("/admin/profile/sessions/others", Map.of());
        assertEquals(302, all.statusCode());
        assertTrue(here.follow(all).body().contains("Signed out of 1 other browser."));
        assertEquals(302, second.get("/admin/").statusCode());
        assertEquals(302, third.get("/admin/").statusCode());
        assertEquals(200, here.get("/admin/").statusCode());
        assertEquals(1, site.services().accounts().sessions().list(user.id()).size());
    }

    private static String publish(Byline site, Author author, String title) {
        Section section = site.services().taxonomy().saveSection(new Section(0, "", "Port " + title, "", null, 1));
        var article = site.services().articles().save(new ArticleDraft(0, title, "", "", "The harbour reopened.", "",
                null, ArticleStatus.PUBLISHED, section.id(), List.of(author.id()), List.of(), null));
        return new SiteUrls(java.time.ZoneId.of("UTC")).article(article.slug(), article.publishedAt());
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
