package dev.byline.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.Byline;
import dev.byline.media.TestImages;
import dev.byline.people.Author;
import dev.byline.support.Staff;
import dev.byline.support.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Profiles saved by two writers at once (two tabs, two nodes): the account's name and its byline stay equal, and
 * a picture set in one tab survives the bio saved in the other. Each save is logged.
 */
class ProfileServiceTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twoSavesAtOnceKeepTheNameAndTheBylineEqualAndLoseNothing(TestDatabases database) throws Exception {
        try (Byline site = Byline.start(database.config(dir));
             ExecutorService pool = Executors.newFixedThreadPool(2)) {
            ProfileService profiles = site.services().accounts().profiles();
            User user = new Staff(site).add(Role.AUTHOR, "Lina Sato", "lina@newsroom.test");
            Actor actor = Staff.actor(user);
            for (int round = 0; round < 6; round++) {
                var start = new CountDownLatch(1);
                int n = round;
                Future<?> one = pool.submit(() -> {
                    start.await();
                    return profiles.update(actor, new ProfileService.Details("Lina A" + n, "Bio A", ""));
                });
                Future<?> two = pool.submit(() -> {
                    start.await();
                    return profiles.update(actor, new ProfileService.Details("Lina B" + n, "Bio B", ""));
                });
                start.countDown();
                one.get();
                two.get();
                ProfileService.Profile profile = profiles.profile(actor);
                assertEquals(profile.user().displayName(), profile.author().displayName(), "round " + round);
                assertTrue(Set.of("Lina A" + n, "Lina B" + n).contains(profile.author().displayName()));
            }

            // the picture from one tab, the bio from the other: both stay
            var start = new CountDownLatch(1);
            byte[] picture = TestImages.encode(TestImages.quarters(64, 64), "png");
            Future<?> upload = pool.submit(() -> {
                start.await();
                return profiles.uploadAvatar(actor, picture, "me.png");
            });
            Future<?> details = pool.submit(() -> {
                start.await();
                return profiles.update(actor, new ProfileService.Details("Lina Sato", "Reports on trade.",
                        "https://lina.example"));
            });
            start.countDown();
            upload.get();
            details.get();
            Author author = profiles.profile(actor).author();
            assertNotNull(author.avatarMediaId(), "the picture");
            assertEquals("Reports on trade.", author.bio());
            assertEquals(List.of("https://lina.example"), author.links());
            assertEquals("Lina Sato", profiles.profile(actor).user().displayName());

            long logged = site.services().accounts().activity().list(actor, new ActivityLog.Filter(
                    Activity.PROFILE_CHANGED, 0, null, null, 1, 100)).total();
            assertEquals(6 * 2 + 2, logged, "each save is in the activity log");
        }
    }
}
