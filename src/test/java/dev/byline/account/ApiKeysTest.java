package dev.byline.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.support.MutableClock;
import dev.byline.support.Newsroom;
import dev.byline.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keys to the API on both databases: made once with the secret shown once and only its hash stored, found again by
 * the header a client sends (Bearer token, or email and application password over Basic), refused when revoked, of
 * the other kind, or the account is disabled; each person's own; the names checked; two made at once with one name.
 */
class ApiKeysTest {

    private static final String IP = "198.51.100.7";

    @TempDir
    Path dir;
    private Newsroom newsroom;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));

    @AfterEach
    void close() {
        if (newsroom != null) {
            newsroom.close();
        }
    }

    private ApiKeys open(TestDatabases db) {
        newsroom = new Newsroom(db.config(dir), clock);
        return newsroom.accounts.apiKeys();
    }

    private User add(Role role, String email) {
        return newsroom.accounts.service().add(Actor.commandLine(), new AccountService.NewUser(email, "P " + email,
                role.key()), "lantern orchard cobalt 1987");
    }

    private static Instant lastUse(ApiKeys keys, Actor actor, String label) {
        return keys.list(actor).stream().filter(key -> key.label().equals(label)).findFirst().orElseThrow()
                .lastUsedAt();
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aKeyIsShownOnceStoredAsAHashAndOpensTheApiAsItsAccount(TestDatabases db) {
        ApiKeys keys = open(db);
        User ana = add(Role.AUTHOR, "ana@example.org");
        Actor actor = Actor.of(ana, IP);

        ApiKeys.Made password = keys.make(actor, ApiKey.Kind.APPLICATION_PASSWORD, "  Mobile app ", ApiKey.Scope.READ);
        assertTrue(password.secret().matches("([A-Za-z0-9]{4} ){5}[A-Za-z0-9]{4}"), password.secret());
        assertEquals("Mobile app", password.key().label());
        ApiKeys.Made token = keys.make(actor, ApiKey.Kind.PERSONAL_TOKEN, "Script", ApiKey.Scope.WRITE);
        assertTrue(token.secret().startsWith(ApiKeys.TOKEN_PREFIX) && token.secret().length() > 40, token.secret());

        // the database holds neither secret, only hashes and the last four characters
        List<Map<String, Object>> rows = newsroom.database.jdbi().withHandle(handle ->
                handle.createQuery("SELECT * FROM api_keys").mapToMap().list());
        assertEquals(2, rows.size());
        String stored = rows.toString();
        assertFalse(stored.contains(password.secret().replace(" ", "")), stored);
        assertFalse(stored.contains(password.secret().substring(0, 9)), stored);
        assertFalse(stored.contains(token.secret()), stored);
        assertEquals(List.of("Script", "Mobile app"), keys.list(actor).stream().map(ApiKey::label).toList());
        assertEquals(token.secret().substring(token.secret().length() - 4), keys.list(actor).getFirst().hint());

        // Basic with the email (any case) and the password, spaces in or out; Bearer with the token
        for (String typed : List.of(password.secret(), password.secret().replace(" ", ""))) {
            ApiKeys.Authenticated found = keys.authenticate(basic("ANA@example.org", typed), IP).orElseThrow();
            assertEquals(ana.id(), found.user().id());
            assertFalse(found.mayWrite(), "a read key");
            assertEquals(Role.AUTHOR, found.actor(IP).role().orElseThrow());
        }
        ApiKeys.Authenticated byToken = keys.authenticate("Bearer " + token.secret(), IP).orElseThrow();
        assertEquals(ana.id(), byToken.user().id());
        assertTrue(byToken.mayWrite());

        // each kind only its own way, and the password only with its own account's email
        assertEquals(Optional.empty(), keys.authenticate("Bearer " + password.secret(), IP));
        assertEquals(Optional.empty(), keys.authenticate(basic("ana@example.org", token.secret()), IP));
        User ed = add(Role.EDITOR, "ed@example.org");
        assertEquals(Optional.empty(), keys.authenticate(basic(ed.email(), password.secret()), IP));

        // the last use is recorded (at most once a minute from one address)
        ApiKey used = keys.list(actor).stream().filter(key -> key.label().equals("Mobile app")).findFirst()
                .orElseThrow();
        assertEquals(clock.instant(), used.lastUsedAt());
        assertEquals(IP, used.lastUsedIp());
        Instant first = clock.instant();
        clock.advance(Duration.ofSeconds(30));
        keys.authenticate(basic("ana@example.org", password.secret()), IP).orElseThrow();
        assertEquals(first, lastUse(keys, actor, "Mobile app"), "not written again within the minute");
        keys.authenticate(basic("ana@example.org", password.secret()), "203.0.113.9").orElseThrow();
        assertEquals(clock.instant(), lastUse(keys, actor, "Mobile app"), "but from another address, at once");
        clock.advance(Duration.ofSeconds(61));
        keys.authenticate(basic("ana@example.org", password.secret()), "203.0.113.9").orElseThrow();
        assertEquals(clock.instant(), lastUse(keys, actor, "Mobile app"), "and after a minute");

        // the account's role as it is now: a demotion shows at the next request; a disabled account opens nothing
        newsroom.accounts.service().changeRole(Actor.commandLine(), ana.id(), Role.CONTRIBUTOR);
        assertEquals(Role.CONTRIBUTOR, keys.authenticate("Bearer " + token.secret(), IP).orElseThrow()
                .actor(IP).role().orElseThrow());
        newsroom.accounts.service().disable(Actor.commandLine(), ana.id());
        assertEquals(Optional.empty(), keys.authenticate("Bearer " + token.secret(), IP));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRevokedKeyOpensNothingAndOnlyItsOwnerRevokesIt(TestDatabases db) {
        ApiKeys keys = open(db);
        User ana = add(Role.AUTHOR, "ana@example.org");
        User ed = add(Role.ADMINISTRATOR, "ed@example.org");
        ApiKeys.Made token = keys.make(Actor.of(ana, IP), ApiKey.Kind.PERSONAL_TOKEN, "Script", ApiKey.Scope.WRITE);
        long id = token.key().id();

        assertThrows(NotFound.class, () -> keys.revoke(Actor.of(ed, IP), id), "not even an administrator's");
        assertTrue(keys.authenticate("Bearer " + token.secret(), IP).isPresent());
        keys.revoke(Actor.of(ana, IP), id);
        assertEquals(Optional.empty(), keys.authenticate("Bearer " + token.secret(), IP));
        assertEquals(List.of(), keys.list(Actor.of(ana, IP)));
        assertThrows(NotFound.class, () -> keys.revoke(Actor.of(ana, IP), id), "revoked already");

        // the activity log has both, without the secret
        List<Activity> entries = newsroom.accounts.activity().list(Actor.commandLine(),
                new ActivityLog.Filter("", 0, null, null, 1, 50)).entries();
        List<String> said = entries.stream().filter(entry -> entry.action().startsWith("api-key"))
                .map(entry -> entry.action() + " " + entry.detail()).toList();
        assertEquals(List.of("api-key-revoked Personal token \"Script\"",
                "api-key-made Personal token \"Script\", write"), said);
        assertFalse(entries.toString().contains(token.secret()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void keysAreEachPersonsOwnAndOnlyAdministratorsMakeThemForOthers(TestDatabases db) {
        ApiKeys keys = open(db);
        User ana = add(Role.AUTHOR, "ana@example.org");
        User ed = add(Role.EDITOR, "ed@example.org");
        assertThrows(Forbidden.class, () -> keys.make(Actor.visitor(IP), ApiKey.Kind.PERSONAL_TOKEN, "x",
                ApiKey.Scope.READ));
        assertThrows(Forbidden.class, () -> keys.make(Actor.commandLine(), ApiKey.Kind.PERSONAL_TOKEN, "x",
                ApiKey.Scope.READ), "the command line names an account");
        assertThrows(Forbidden.class, () -> keys.makeFor(Actor.of(ed, IP), ana.id(), ApiKey.Kind.PERSONAL_TOKEN,
                "x", ApiKey.Scope.READ), "an editor for someone else");
        ApiKeys.Made made = keys.makeFor(Actor.commandLine(), ana.id(), ApiKey.Kind.APPLICATION_PASSWORD, "CLI",
                ApiKey.Scope.WRITE);
        assertEquals(List.of("CLI"), keys.list(Actor.of(ana, IP)).stream().map(ApiKey::label).toList());
        assertEquals(List.of(), keys.list(Actor.of(ed, IP)));
        assertTrue(keys.authenticate(basic(ana.email(), made.secret()), IP).isPresent());
        newsroom.accounts.service().disable(Actor.commandLine(), ed.id());
        Invalid disabled = assertThrows(Invalid.class, () -> keys.makeFor(Actor.commandLine(), ed.id(),
                ApiKey.Kind.PERSONAL_TOKEN, "x", ApiKey.Scope.READ));
        assertTrue(disabled.fieldErrors().get("email").contains("disabled"), disabled.fieldErrors().toString());
    }

    /** What is typed for a new key, and the message each field gets. */
    record Refused(String label, ApiKey.Kind kind, ApiKey.Scope scope, Map<String, String> says) {
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aBadNameKindOrScopeIsRefusedAtItsField(TestDatabases db) {
        ApiKeys keys = open(db);
        Actor ana = Actor.of(add(Role.AUTHOR, "ana@example.org"), IP);
        keys.make(ana, ApiKey.Kind.PERSONAL_TOKEN, "Taken", ApiKey.Scope.READ);
        var cases = List.of(
                new Refused("   ", ApiKey.Kind.PERSONAL_TOKEN, ApiKey.Scope.READ, Map.of("label",
                        "Give the key a name that says where it is used, such as \"Mobile app\".")),
                new Refused(null, ApiKey.Kind.PERSONAL_TOKEN, ApiKey.Scope.READ, Map.of("label",
                        "Give the key a name that says where it is used, such as \"Mobile app\".")),
                new Refused("x".repeat(101), ApiKey.Kind.PERSONAL_TOKEN, ApiKey.Scope.READ, Map.of("label",
                        "The name is 101 characters long; 100 at most.")),
                new Refused("tab\there", ApiKey.Kind.PERSONAL_TOKEN, ApiKey.Scope.READ, Map.of("label",
                        "The name has a control character in it; use letters, digits and punctuation.")),
                new Refused("ok", null, null, Map.of(
                        "kind", "Choose an application password or a personal token.",
                        "scope", "Choose what the key may do: read, or read and write.")),
                new Refused(" Taken ", ApiKey.Kind.APPLICATION_PASSWORD, ApiKey.Scope.WRITE, Map.of("label",
                        "You already have a key named \"Taken\": choose another name, or revoke that one first.")));
        for (Refused refused : cases) {
            Invalid invalid = assertThrows(Invalid.class, () -> keys.make(ana, refused.kind(), refused.label(),
                    refused.scope()), String.valueOf(refused.label()));
            assertEquals(refused.says(), invalid.fieldErrors(), String.valueOf(refused.label()));
        }
        assertEquals(1, keys.list(ana).size(), "nothing more was made");
        // another person may use the same name
        keys.make(Actor.of(add(Role.EDITOR, "ed@example.org"), IP), ApiKey.Kind.PERSONAL_TOKEN, "Taken",
                ApiKey.Scope.READ);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void headersThatNameNoKeyOpenNothing(TestDatabases db) {
        ApiKeys keys = open(db);
        User ana = add(Role.AUTHOR, "ana@example.org");
        keys.make(Actor.of(ana, IP), ApiKey.Kind.PERSONAL_TOKEN, "Script", ApiKey.Scope.READ);
        var headers = new ArrayList<String>();
        headers.add(null);
        headers.addAll(List.of("", "Bearer", "Bearer ", "Bearer x", "Bearer " + ApiKeys.TOKEN_PREFIX,
                "Bearer " + ApiKeys.TOKEN_PREFIX + "nope", "Basic", "Basic !!!not base64", "Basic "
                        + Base64.getEncoder().encodeToString("no colon".getBytes(StandardCharsets.UTF_8)),
                basic("", "abcd"), basic("ana@example.org", ""), basic("ana@example.org", "    "),
                "Digest username=\"ana\"", "Bearer " + "x".repeat(5_000), "Bearer \u0000"));
        for (String header : headers) {
            assertEquals(Optional.empty(), keys.authenticate(header, IP), String.valueOf(header));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twoKeysMadeAtOnceWithOneNameMakeOne(TestDatabases db) throws Exception {
        ApiKeys keys = open(db);
        Actor ana = Actor.of(add(Role.AUTHOR, "ana@example.org"), IP);
        for (int round = 0; round < 5; round++) {
            String name = "Round " + round;
            var start = new CountDownLatch(1);
            var outcomes = new ArrayList<Future<String>>();
            try (var pool = Executors.newFixedThreadPool(2)) {
                for (int writer = 0; writer < 2; writer++) {
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        try {
                            return keys.make(ana, ApiKey.Kind.PERSONAL_TOKEN, name, ApiKey.Scope.READ).secret();
                        } catch (Invalid invalid) {
                            return invalid.fieldErrors().get("label");
                        }
                    }));
                }
                start.countDown();
                List<String> said = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    said.add(outcome.get());
                }
                assertEquals(1, said.stream().filter(s -> s.startsWith(ApiKeys.TOKEN_PREFIX)).count(), said.toString());
                assertEquals(1, said.stream().filter(s -> s.startsWith("You already have a key named")).count(),
                        said.toString());
            }
        }
        assertEquals(5, keys.list(ana).size());
    }
}
