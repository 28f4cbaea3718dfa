package dev.byline.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.byline.config.Config;
import dev.byline.support.MutableClock;
import dev.byline.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A code is accepted once even when two nodes are asked at the same moment: two service instances, each with its
 * own connection pool, over one database (SQLite's file, or one PostgreSQL), their requests released together.
 */
class TwoFactorRacesTest {

    static final int ROUNDS = 20;

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:10Z"));

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRecoveryCodeTriedOnTwoNodesAtOnceWorksOnce(TestDatabases db) throws Exception {
        Config config = db.config(dir);
        try (var first = new AccountNode(config, clock); var second = new AccountNode(config, clock)) {
            Actor amina = first.person("amina@example.org", Role.EDITOR);
            var app = first.enrol(amina, "session-1", clock);
            User user = first.user(amina);
            int accepted = 0;
            for (String code : app.recoveryCodes()) {
                List<Boolean> answers = AccountNode.together(
                        () -> first.twoFactor.verify(user, code, amina),
                        () -> second.twoFactor.verify(user, code, amina));
                assertEquals(1, answers.stream().filter(Boolean::booleanValue).count(), code + ": " + answers);
                accepted++;
            }
            assertEquals(10, accepted);
            assertEquals(0, first.twoFactor.status(amina, amina.userId()).recoveryCodesLeft());
            assertEquals(10, first.activity(Activity.RECOVERY_CODE_USED, amina).size(), "each use logged once");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theSameCodeReplayedToTwoNodesAtOnceWorksOnce(TestDatabases db) throws Exception {
        Config config = db.config(dir);
        try (var first = new AccountNode(config, clock); var second = new AccountNode(config, clock)) {
            Actor amina = first.person("amina@example.org", Role.EDITOR);
            var app = first.enrol(amina, "session-1", clock);
            User user = first.user(amina);
            for (int round = 0; round < ROUNDS; round++) {
                clock.advance(Duration.ofSeconds(30));
                String code = app.code(clock, 0);
                List<Boolean> answers = AccountNode.together(
                        () -> first.twoFactor.verify(user, code, amina),
                        () -> second.twoFactor.verify(user, code, amina));
                assertEquals(1, answers.stream().filter(Boolean::booleanValue).count(),
                        "round " + round + ": " + answers);
            }
        }
    }
}
