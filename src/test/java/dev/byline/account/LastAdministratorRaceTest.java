package dev.byline.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.error.Forbidden;
import dev.byline.support.Staff;
import dev.byline.support.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two administrators, the only two, each disabling (or demoting) the other at the same moment, from two
 * requests: one of them wins and the newsroom keeps an administrator. Each refuses only after seeing the other's
 * change, so this holds on PostgreSQL's concurrent transactions too.
 */
class LastAdministratorRaceTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twoAdministratorsRemovingEachOtherLeaveOneStanding(TestDatabases database) throws Exception {
        try (Byline site = Byline.start(database.config(dir));
             ExecutorService pool = Executors.newFixedThreadPool(2)) {
            AccountService accounts = site.services().accounts().service();
            var staff = new Staff(site);
            List<User> survivors = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                User a = staff.add(Role.ADMINISTRATOR);
                User b = staff.add(Role.ADMINISTRATOR);
                survivors.forEach(old -> accounts.disable(Actor.commandLine(), old.id()));
                boolean demote = round % 2 == 1;
                var start = new CountDownLatch(1);
                Future<Boolean> first = pool.submit(() -> remove(accounts, start, a, b, demote));
                Future<Boolean> second = pool.submit(() -> remove(accounts, start, b, a, demote));
                start.countDown();
                int done = (first.get() ? 1 : 0) + (second.get() ? 1 : 0);
                assertEquals(1, done, "round " + round + ": exactly one of the two goes through");
                survivors = accounts.list(Actor.commandLine()).stream()
                        .filter(user -> user.role() == Role.ADMINISTRATOR && user.active()).toList();
                assertEquals(1, survivors.size(), "round " + round + ": one administrator is left");
                assertTrue(survivors.getFirst().id() == a.id() || survivors.getFirst().id() == b.id());
            }
        }
    }

    /** {@code actor} disables (or demotes) {@code other}; false when the service refuses. */
    private static boolean remove(AccountService accounts, CountDownLatch start, User actor, User other,
                                  boolean demote) throws InterruptedException {
        start.await();
        Supplier<User> action = demote
                ? () -> accounts.changeRole(Staff.actor(actor), other.id(), Role.EDITOR)
                : () -> accounts.disable(Staff.actor(actor), other.id());
        try {
            action.get();
            return true;
        } catch (Forbidden refused) {
            return false;
        }
    }
}
