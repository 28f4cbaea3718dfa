package dev.byline.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.db.Database;
import dev.byline.support.MutableClock;
import dev.byline.support.TestDatabases;
import dev.byline.web.support.CachedPage;
import dev.byline.web.support.PageCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL database, each with its own feed; node B follows what node A commits. The follower is
 * polled by hand, so each step is deterministic.
 */
class ChangeFollowerTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(NOW);
    Database nodeA;
    Database nodeB;
    ChangeFeed feedA;
    ChangeFeed feedB;
    ChangeFollower followerB;
    PageCache cacheB = new PageCache(1 << 20);
    List<Change> heardByB = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void open() {
        var config = TestDatabases.POSTGRES.config(dir);
        nodeA = Database.open(config);
        nodeB = Database.open(config);
        feedA = new ChangeFeed(nodeA.jdbi(), clock, true);
        feedB = new ChangeFeed(nodeB.jdbi(), clock, true);
        feedB.subscribe(cacheB::onChange);
        feedB.subscribe(heardByB::add);
        followerB = new ChangeFollower(feedB, nodeB.jdbi(), 60_000); // never started: the test polls
    }

    @AfterEach
    void close() {
        followerB.close();
        nodeA.close();
        nodeB.close();
    }

    void cache(String path, String key) {
        cacheB.get(path, () -> CachedPage.of("text/html", path.getBytes(StandardCharsets.UTF_8), Set.of(key), NOW));
    }

    @Test
    void changesCommittedInTheReverseOrderOfTheirIdsAreBothSeen() {
        cache("/one/", "article:1");
        cache("/two/", "article:2");
        try (Handle first = nodeA.jdbi().open(); Handle second = nodeA.jdbi().open()) {
            first.begin();
            Change ten = feedA.store().append(first, NOW, "article.updated", List.of(), Set.of("article:1"));
            second.begin();
            Change eleven = feedA.store().append(second, NOW, "article.updated", List.of(), Set.of("article:2"));
            assertTrue(ten.id() < eleven.id());
            second.commit(); // 11 commits while 10 is still open

            followerB.poll();
            assertTrue(cacheB.get("/two/").isEmpty(), "change 11 dropped its page");
            assertTrue(cacheB.get("/one/").isPresent(), "change 10 has not committed yet");

            first.commit();
        }
        followerB.poll();
        assertTrue(cacheB.get("/one/").isEmpty(), "change 10, committed after 11, still reached node B");
        assertEquals(2, heardByB.size(), "each change handed on once: " + heardByB);

        followerB.poll();
        assertEquals(2, heardByB.size(), "and never again");
    }

    @Test
    void aRolledBackChangeIsNeverSeenAndDoesNotHoldTheOthersBack() {
        cache("/one/", "article:1");
        try (Handle aborted = nodeA.jdbi().open()) {
            aborted.begin();
            feedA.store().append(aborted, NOW, "article.updated", List.of(), Set.of("article:1"));
            aborted.rollback();
        }
        feedA.write("article.updated", handle -> ChangeFeed.Written.of(1, Set.of("article:2"),
                List.of(new Change.Entity("article", 2, true, true))));
        followerB.poll();
        assertTrue(cacheB.get("/one/").isPresent());
        assertEquals(1, heardByB.size());
        assertEquals(List.of(new Change.Entity("article", 2, true, true)), heardByB.getFirst().entities(),
                "entities travel with the change");
    }

    @Test
    void aNodesOwnChangesReachItsSubscribersOnce() {
        var heardByA = Collections.synchronizedList(new ArrayList<Change>());
        feedA.subscribe(heardByA::add);
        var followerA = new ChangeFollower(feedA, nodeA.jdbi(), 60_000);
        feedA.write("article.updated", handle -> ChangeFeed.Written.of(1, Set.of("article:1"), List.of()));
        followerA.poll();
        followerA.close();
        assertEquals(1, heardByA.size(), "told at commit, skipped by its own follower");
    }

    @Test
    void aNodeAwayLongerThanTheHistoryKeptDropsEverything() {
        cache("/one/", "article:1");
        cache("/unrelated/", "article:99");
        feedA.write("article.updated", handle -> ChangeFeed.Written.of(1, Set.of("article:1"), List.of()));
        // node B does not poll; a week and a day later the row is pruned before it could read it
        clock.advance(ChangeFeed.RETENTION.plus(Duration.ofDays(1)));
        assertEquals(1, feedA.prune());

        followerB.poll();
        assertTrue(cacheB.get("/unrelated/").isEmpty(), "it cannot know what it missed: every page goes");
        assertTrue(heardByB.getLast().isReset());
        assertEquals(Change.RESET, heardByB.getLast().kind());

        cache("/two/", "article:2");
        feedA.write("article.updated", handle -> ChangeFeed.Written.of(1, Set.of("article:7"), List.of()));
        followerB.poll();
        assertTrue(cacheB.get("/two/").isPresent(), "after the reset it follows normally again");
        assertFalse(heardByB.getLast().isReset());
    }

    @Test
    void aFollowerThatKeepsUpIsNotResetByPruning() {
        feedA.write("article.updated", handle -> ChangeFeed.Written.of(1, Set.of("article:1"), List.of()));
        followerB.poll();
        clock.advance(ChangeFeed.RETENTION.plus(Duration.ofDays(1)));
        feedA.write("article.updated", handle -> ChangeFeed.Written.of(1, Set.of("article:2"), List.of()));
        followerB.poll();
        assertEquals(1, feedA.prune());
        cache("/three/", "article:3");
        followerB.poll();
        assertTrue(cacheB.get("/three/").isPresent());
        assertTrue(heardByB.stream().noneMatch(Change::isReset), heardByB.toString());
    }
}
