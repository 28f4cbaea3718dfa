package dev.byline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.Byline;
import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.support.AdminBrowser;
import dev.byline.support.Http;
import dev.byline.support.Staff;
import dev.byline.support.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keys to the API as a person makes and uses them: /admin/profile/keys shows a new key's secret on the answer to
 * the form and never again, refuses a bad name at its field keeping what was typed, revokes; GET /api/v1/me opens
 * with the key (Basic with the email, or Bearer) and answers 401 problem details without one or after revoking.
 */
class ApiKeysHttpTest {

    static final AdminSites SITES = new AdminSites();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern KEY_ID = Pattern.compile("name=\"key\" value=\"(\\d+)\"");

    @AfterAll
    static void stop() {
        SITES.close();
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aKeyMadeOnTheProfileOpensTheApiUntilItIsRevoked(TestDatabases database) throws Exception {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        User ana = staff.add(Role.AUTHOR);
        AdminBrowser browser = staff.signIn(ana);
        var api = new Http(site.baseUrl());

        HttpResponse<String> profile = browser.get("/admin/profile");
        assertTrue(profile.body().contains("href=\"/admin/profile/keys\""), "the way from the profile");
        HttpResponse<String> empty = browser.get("/admin/profile/keys");
        assertEquals(200, empty.statusCode());
        assertTrue(empty.body().contains("You have no keys to the API."));

        // an application password: shown once, on the answer to the form
        HttpResponse<String> made = browser.post("/admin/profile/keys", Map.of("label", "Mobile app", "kind",
                "application-password", "scope", "read"));
        assertEquals(201, made.statusCode(), made.body());
        Document page = Jsoup.parse(made.body());
        String password = page.getElementById("secret").attr("value");
        assertTrue(password.matches("([A-Za-z0-9]{4} ){5}[A-Za-z0-9]{4}"), password);
        assertTrue(page.text().contains("Sign in with your email, " + ana.email()), page.text());
        HttpResponse<String> again = browser.get("/admin/profile/keys");
        assertFalse(again.body().contains(password), "never shown again");
        assertFalse(again.body().contains(password.replace(" ", "")), "not even without its spaces");
        assertTrue(Jsoup.parse(again.body()).text().contains("Mobile app …" + password.substring(password.length() - 4)),
                again.body());

        HttpResponse<String> me = api.get("/api/v1/me", "Authorization", basic(ana.email(), password));
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals("no-store", me.headers().firstValue("Cache-Control").orElseThrow());
        JsonNode who = JSON.readTree(me.body());
        assertEquals(ana.id(), who.get("id").asLong());
        assertEquals("author", who.get("role").asText());
        assertEquals("Mobile app", who.at("/key/label").asText());
        assertEquals("read", who.at("/key/scope").asText());
        assertTrue(Jsoup.parse(browser.get("/admin/profile/keys").body()).text().contains("from "),
                "the last use is shown");

        // a personal token, sent as Bearer
        HttpResponse<String> tokenMade = browser.post("/admin/profile/keys", Map.of("label", "Script", "kind",
                "personal-token", "scope", "write"));
        assertEquals(201, tokenMade.statusCode());
        String token = Jsoup.parse(tokenMade.body()).getElementById("secret").attr("value");
        HttpResponse<String> byToken = api.get("/api/v1/me", "Authorization", "Bearer " + token);
        assertEquals(200, byToken.statusCode());
        assertEquals("write", JSON.readTree(byToken.body()).at("/key/scope").asText());

        // revoked: 401 at once, with problem details and the challenge
        Matcher ids = KEY_ID.matcher(browser.get("/admin/profile/keys").body());
        assertTrue(ids.find());
        long newest = Long.parseLong(ids.group(1));
        HttpResponse<String> revoked = browser.post("/admin/profile/keys/revoke", Map.of("key", String.valueOf(newest)));
        assertEquals(302, revoked.statusCode());
        assertTrue(browser.follow(revoked).body().contains("The key is revoked"));
        HttpResponse<String> refused = api.get("/api/v1/me", "Authorization", "Bearer " + token);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().contains("Basic realm=\"Byline\""));
        assertTrue(JSON.readTree(refused.body()).get("detail").asText().startsWith("The key is not valid"));
        assertEquals(200, api.get("/api/v1/me", "Authorization", basic(ana.email(), password)).statusCode(),
                "the other key still works");

        HttpResponse<String> none = api.get("/api/v1/me");
        assertEquals(401, none.statusCode());
        assertTrue(JSON.readTree(none.body()).get("detail").asText().startsWith("This needs a key"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aBadKeyFormIsRefusedAtItsFieldsAndKeepsWhatWasTyped(TestDatabases database) {
        Byline site = SITES.site(database);
        var staff = new Staff(site);
        AdminBrowser browser = staff.signIn(staff.add(Role.CONTRIBUTOR));
        String typed = "<b>Newsletter</b> " + "x".repeat(100);
        HttpResponse<String> refused = browser.post("/admin/profile/keys", Map.of("label", typed, "kind",
                "personal-token", "scope", "admin"));
        assertEquals(422, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertEquals(typed, page.getElementById("label").attr("value"), "what was typed, kept (and escaped)");
        assertFalse(refused.body().contains("<b>Newsletter</b>"), "escaped");
        assertTrue(page.getElementById("label-error").text().startsWith("The name is " + typed.length() + " characters long"));
        assertEquals("Choose what the key may do: read, or read and write.", page.getElementById("scope-error").text());
        assertEquals("personal-token", page.select("#kind option[selected]").attr("value"));
        assertTrue(page.getElementById("secret") == null, "no key shown");
        assertTrue(browser.get("/admin/profile/keys").body().contains("You have no keys to the API."));

        // without the form's token nothing is made; a key number that is not one is a 400; someone else's a 404
        HttpResponse<String> forged = browser.postRaw("/admin/profile/keys", Map.of("label", "Forged", "kind",
                "personal-token", "scope", "read"), Map.of());
        assertEquals(403, forged.statusCode());
        assertTrue(browser.get("/admin/profile/keys").body().contains("You have no keys to the API."));
        assertEquals(400, browser.post("/admin/profile/keys/revoke", Map.of("key", "one")).statusCode());
        AdminBrowser other = staff.signIn(staff.add(Role.EDITOR));
        other.post("/admin/profile/keys", Map.of("label", "Theirs", "kind", "personal-token", "scope", "read"));
        Matcher theirs = KEY_ID.matcher(other.get("/admin/profile/keys").body());
        assertTrue(theirs.find());
        assertEquals(404, browser.post("/admin/profile/keys/revoke", Map.of("key", theirs.group(1))).statusCode());
        assertTrue(other.get("/admin/profile/keys").body().contains("Theirs"), "still there");
    }
}
