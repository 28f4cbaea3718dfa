package dev.byline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.account.AccountService.NewUser;
import dev.byline.account.Activity;
import dev.byline.account.ActivityLog;
import dev.byline.account.Actor;
import dev.byline.account.User;
import dev.byline.support.AdminBrowser;
import dev.byline.support.MutableClock;
import dev.byline.support.QrSvg;
import dev.byline.support.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Setting up two-factor authentication from /admin/profile/two-factor over real HTTP, as a person with an
 * authenticator app would: the test reads the key (and the QR code) the page shows and computes the app's codes
 * itself, with java-otp and the key, not with Byline's code. The clock is moved, never waited for.
 */
class TwoFactorHttpTest {

    static final String PASSWORD = "violet kettle harbour 42";
    static final String EMAIL = "ed@example.org";
    static final String PAGE = "/admin/profile/two-factor";
    static final Pattern KEY = Pattern.compile("<code class=\"secret\" id=\"secret-key\">([A-Z2-7 ]+)</code>");
    static final Pattern SEAL = Pattern.compile("name=\"seal\" value=\"([^\"]+)\"");
    static final Pattern SVG = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL);
    static final Pattern RECOVERY_CODE = Pattern.compile("<code>([a-z0-9]{5}-[a-z0-9]{5})</code>");

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    Byline byline;

    @BeforeEach
    void start() {
        byline = Byline.start(TestConfigs.forTests(dir), clock);
        byline.services().accounts().service().add(Actor.commandLine(), new NewUser(EMAIL, "Ed Itor", "editor"),
                PASSWORD);
    }

    @AfterEach
    void stop() {
        byline.close();
    }

    AdminBrowser signedIn() {
        var browser = new AdminBrowser(byline.baseUrl());
        assertEquals(302, browser.login(EMAIL, PASSWORD).statusCode());
        return browser;
    }

    /** What the phone's app holds after the set-up page: the key, and its code at any moment. */
    record App(byte[] key) {
        String code(Instant at) {
            return dev.byline.support.AuthenticatorApp.code(key, at);
        }
    }

    static App appFrom(String page) {
        return new App(new Base32().decode(find(KEY, page).replace(" ", "")));
    }

    @Test
    void setUpFromThePageThenSignInWithTheAppsCode() {
        var browser = signedIn();
        var page = browser.get(PAGE);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<strong>Off.</strong>"), page.body());
        String key = find(KEY, page.body());
        assertTrue(key.matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}"), "a 160-bit key in groups of four: " + key);
        String svg = find(SVG, page.body());
        assertTrue(svg.contains("role=\"img\" aria-label=\"QR code for setting up an authenticator app for "
                + EMAIL + "\""), svg);
        assertEquals("otpauth://totp/Byline%20Test:ed%40example.org?secret=" + key.replace(" ", "")
                + "&issuer=Byline%20Test", QrSvg.decode(svg),
                "the QR code holds the key shown");
        assertFalse(page.body().contains(" style="), "no inline style: the CSP forbids it");
        App app = appFrom(page.body());

        String right = app.code(clock.instant());
        String wrong = right.equals("123456") ? "654321" : "123456";
        var refused = browser.post(PAGE + "/setup", Map.of("seal", find(SEAL, page.body()),
                "code", wrong.substring(0, 3) + " " + wrong.substring(3)));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("class=\"field-error\" id=\"code-error\">That code is not right."),
                refused.body());
        assertTrue(refused.body().contains("value=\"" + wrong.substring(0, 3) + " " + wrong.substring(3) + "\""),
                "what was typed is kept");
        assertEquals(key, find(KEY, refused.body()), "the same key again: the app holds it already");
        assertFalse(user().twoFactor());

        var done = browser.post(PAGE + "/setup", Map.of("seal", find(SEAL, refused.body()),
                "code", right.substring(0, 3) + "-" + right.substring(3)));
        assertEquals(200, done.statusCode(), done.body());
        List<String> recoveryCodes = findAll(RECOVERY_CODE, done.body());
        assertEquals(10, recoveryCodes.size(), done.body());
        assertTrue(done.body().contains("shown only this once"));
        assertTrue(user().twoFactor());
        assertEquals(1, activity(Activity.TWO_FACTOR_ENABLED));
        var status = browser.get(PAGE);
        assertTrue(status.body().contains("<strong>On.</strong>"));
        assertTrue(status.body().contains("10 recovery codes left."));
        assertFalse(RECOVERY_CODE.matcher(status.body()).find(), "the codes are shown once, never again");

        // the next sign-in asks for the code; the code used to set up is spent
        browser.post("/admin/logout", Map.of());
        var half = new AdminBrowser(byline.baseUrl());
        var password = half.login(EMAIL, PASSWORD);
        assertEquals(302, password.statusCode());
        assertTrue(password.headers().firstValue("Location").orElseThrow().startsWith("/admin/login/code"));
        assertEquals(302, half.get("/admin/").statusCode(), "the password alone opens nothing");
        assertEquals(401, half.post("/admin/login/code", Map.of("code", right)).statusCode(), "a code works once");
        clock.advance(Duration.ofSeconds(30));
        var in = half.post("/admin/login/code", Map.of("code", app.code(clock.instant())));
        assertEquals(302, in.statusCode(), in.body());
        assertEquals(200, half.get("/admin/").statusCode());

        // and a recovery code instead of the app's, once
        half.post("/admin/logout", Map.of());
        var lost = new AdminBrowser(byline.baseUrl());
        lost.login(EMAIL, PASSWORD);
        assertEquals(302, lost.post("/admin/login/code", Map.of("code", recoveryCodes.get(4).toUpperCase()))
                .statusCode());
        assertTrue(lost.get(PAGE).body().contains("9 recovery codes left."));
        assertEquals(1, activity(Activity.RECOVERY_CODE_USED));
    }

    @Test
    void everyTwoFactorFormWithoutThisSessionsTokenIsRefused() {
        var browser = signedIn();
        var page = browser.get(PAGE);
        App app = appFrom(page.body());
        String seal = find(SEAL, page.body());
        String otherBrowsersToken = new AdminBrowser(byline.baseUrl()).tokenFrom("/admin/login").orElseThrow();
        for (String token : new String[] {null, "forged", otherBrowsersToken}) {
            var form = new java.util.HashMap<>(Map.of("seal", seal, "code", app.code(clock.instant())));
            if (token != null) {
                form.put("csrf", token);
            }
            var refused = browser.postRaw(PAGE + "/setup", form, Map.of());
            assertEquals(403, refused.statusCode(), String.valueOf(token));
            assertTrue(refused.body().contains("reload the page"));
        }
        assertFalse(user().twoFactor(), "nothing forged set up a second factor");

        assertEquals(200, browser.post(PAGE + "/setup", Map.of("seal", seal, "code", app.code(clock.instant())))
                .statusCode());
        for (String form : List.of("/off", "/recovery-codes")) {
            String field = form.equals("/off") ? "offProof" : "renewProof";
            var refused = browser.postRaw(PAGE + form, Map.of("csrf", "forged", field, PASSWORD), Map.of());
            assertEquals(403, refused.statusCode(), form);
        }
        assertTrue(user().twoFactor(), "nothing forged turned it off");
        assertEquals(0, activity(Activity.RECOVERY_CODES_REPLACED));
    }

    @Test
    void replacingTheCodesAndTurningOffAskForThePassword() {
        var browser = signedIn();
        var page = browser.get(PAGE);
        App app = appFrom(page.body());
        var first = browser.post(PAGE + "/setup", Map.of("seal", find(SEAL, page.body()),
                "code", app.code(clock.instant())));
        List<String> oldCodes = findAll(RECOVERY_CODE, first.body());

        browser.get(PAGE);
        var wrong = browser.post(PAGE + "/recovery-codes", Map.of("renewProof", "not my password at all"));
        assertEquals(422, wrong.statusCode());
        assertTrue(wrong.body().contains("id=\"renewProof-error\">That is not your password"), wrong.body());
        assertFalse(wrong.body().contains("not my password at all"), "never what was typed as a password");

        var renewed = browser.post(PAGE + "/recovery-codes", Map.of("renewProof", PASSWORD));
        assertEquals(200, renewed.statusCode());
        List<String> newCodes = findAll(RECOVERY_CODE, renewed.body());
        assertEquals(10, newCodes.size());
        assertTrue(newCodes.stream().noneMatch(oldCodes::contains));
        var old = new AdminBrowser(byline.baseUrl());
        old.login(EMAIL, PASSWORD);
        assertEquals(401, old.post("/admin/login/code", Map.of("code", oldCodes.getFirst())).statusCode(),
                "the old codes no longer work");

        browser.get(PAGE);
        var notOff = browser.post(PAGE + "/off", Map.of("offProof", "123456"));
        assertEquals(422, notOff.statusCode());
        assertTrue(notOff.body().contains("id=\"offProof-error\">"), notOff.body());
        assertTrue(user().twoFactor());

        clock.advance(Duration.ofSeconds(30));
        var off = browser.post(PAGE + "/off", Map.of("offProof", app.code(clock.instant())));
        assertEquals(302, off.statusCode(), off.body());
        assertEquals(PAGE, off.headers().firstValue("Location").orElseThrow());
        var after = browser.get(PAGE);
        assertTrue(after.body().contains("Two-factor authentication is off."), "the flash says what happened");
        assertTrue(after.body().contains("<strong>Off.</strong>"));
        assertNotEquals(find(KEY, page.body()), find(KEY, after.body()), "setting up again starts with a new key");
        assertFalse(user().twoFactor());
        assertEquals(1, activity(Activity.TWO_FACTOR_DISABLED));
    }

    @Test
    void thePageIsOnlyForSomeoneSignedIn() {
        var visitor = new AdminBrowser(byline.baseUrl());
        var answer = visitor.get(PAGE);
        assertEquals(302, answer.statusCode());
        assertEquals("/admin/login?next=%2Fadmin%2Fprofile%2Ftwo-factor",
                answer.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void whenTheSettingsRequireItEditorsMustSetItUpAndAuthorsNeedNot() {
        var settings = byline.services().settings();
        Actor admin = Actor.of(byline.services().accounts().service().add(Actor.commandLine(),
                new NewUser("chief@example.org", "Chief", "administrator"), PASSWORD), "");
        byline.services().accounts().service().add(Actor.commandLine(),
                new NewUser("amy@example.org", "Amy Author", "author"), PASSWORD);
        settings.save(admin, settings.form(admin).with("two_factor_required", "true"));

        var editor = signedIn();
        for (String path : java.util.List.of("/admin/", "/admin/people", "/admin/profile")) {
            var sent = editor.get(path);
            assertEquals(302, sent.statusCode(), path);
            assertEquals(PAGE, sent.headers().firstValue("Location").orElseThrow(), path + " leads to the set-up");
        }
        String setUp = editor.get(PAGE).body();
        assertTrue(setUp.contains("requires two-factor authentication for your role"), setUp);
        var codes = editor.post(PAGE + "/setup", java.util.Map.of("seal", find(SEAL, setUp),
                "code", appFrom(setUp).code(clock.instant())));
        assertEquals(200, codes.statusCode());
        assertTrue(codes.body().contains("shown only this once"), "the recovery codes");
        assertEquals(200, editor.get("/admin/").statusCode(), "set up: the admin opens");

        var author = new AdminBrowser(byline.baseUrl());
        assertEquals(302, author.login("amy@example.org", PASSWORD).statusCode());
        assertEquals(200, author.get("/admin/").statusCode(), "authors are not required to");

        var chief = new AdminBrowser(byline.baseUrl());
        assertEquals(302, chief.login("chief@example.org", PASSWORD).statusCode());
        assertEquals(PAGE, chief.get("/admin/").headers().firstValue("Location").orElseThrow());
        var out = chief.post("/admin/logout", java.util.Map.of("csrf", chief.tokenFrom(PAGE).orElseThrow()));
        assertEquals("/admin/login", out.headers().firstValue("Location").orElseThrow(),
                "signing out is always allowed");
    }

    User user() {
        return byline.services().accounts().service().findByEmail(Actor.commandLine(), EMAIL).orElseThrow();
    }

    int activity(String action) {
        return byline.services().accounts().activity().list(Actor.commandLine(),
                new ActivityLog.Filter(action, user().id(), null, null, 1, 50)).total();
    }

    static String find(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertTrue(matcher.find(), () -> pattern + " not in " + body);
        return matcher.groupCount() == 0 ? matcher.group() : matcher.group(1);
    }

    static List<String> findAll(Pattern pattern, String body) {
        var found = new ArrayList<String>();
        Matcher matcher = pattern.matcher(body);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
