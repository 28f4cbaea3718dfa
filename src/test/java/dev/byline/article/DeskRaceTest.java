package dev.byline.article;

import static dev.byline.article.DeskPeople.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Actor;
import dev.byline.config.Config;
import dev.byline.error.Conflict;
import dev.byline.support.MutableClock;
import dev.byline.support.Newsroom;
import dev.byline.support.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two editors on two nodes (two connection pools over one embedded PostgreSQL) save the same version of an
 * article at the same moment: one wins, the other gets Conflict, and nothing of the loser's is written, not even
 * a revision. Autosaves racing on two nodes leave one autosave per person.
 */
class DeskRaceTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    @RepeatedTest(3)
    void twoEditorsOnTwoNodesSavingOneVersionOneWinsNothingIsOverwritten() throws Exception {
        Config config = TestDatabases.POSTGRES.config(dir);
        var clock = new MutableClock(NOW);
        try (var nodeA = new Newsroom(config, clock); var nodeB = new Newsroom(config, clock)) {
            DeskPeople people = new DeskPeople(nodeA);
            Actor second = actor(nodeA.accounts.service().add(Actor.commandLine(),
                    new dev.byline.account.AccountService.NewUser("second.editor@newsroom.test", "Second Editor",
                            "editor"), DeskPeople.PASSWORD));
            Article article = people.made(people.author, "Contested lead", ArticleStatus.PUBLISHED, NOW);
            List<Desk> desks = List.of(nodeA.desk, nodeB.desk);
            List<Actor> editors = List.of(actor(people.editor), second);

            List<Object> outcomes = ArticleEditingTest.race(2, writer -> desks.get(writer).save(editors.get(writer),
                    DeskPeople.edit(article, "Body by editor " + writer + ".")));

            List<Object> won = outcomes.stream().filter(outcome -> outcome instanceof Article).toList();
            List<Object> lost = outcomes.stream().filter(outcome -> outcome instanceof Conflict).toList();
            assertEquals(1, won.size(), outcomes.toString());
            assertEquals(1, lost.size(), outcomes.toString());
            Article winner = (Article) won.getFirst();
            Article stored = nodeB.articles.find(article.id()).orElseThrow();
            assertEquals(winner.bodyMarkdown(), stored.bodyMarkdown(), "the winner's text, not overwritten");
            assertEquals(article.version() + 1, stored.version());
            List<Revision> revisions = nodeA.desk.revisions(actor(people.editor), article.id());
            assertEquals(2, revisions.size(), "the first save and the winner's: the loser left no revision");
            assertEquals(winner.bodyMarkdown(), revisions.getFirst().bodyMarkdown());
            assertTrue(((Conflict) lost.getFirst()).getMessage().contains("Nothing was overwritten"));
        }
    }

    @RepeatedTest(2)
    void anEditAndAMoveToTheTrashFromOneVersionOnTwoNodesOneWins() throws Exception {
        Config config = TestDatabases.POSTGRES.config(dir);
        var clock = new MutableClock(NOW);
        try (var nodeA = new Newsroom(config, clock); var nodeB = new Newsroom(config, clock)) {
            DeskPeople people = new DeskPeople(nodeA);
            Article article = people.made(people.author, "Edited or trashed", ArticleStatus.PUBLISHED, NOW);
            Actor editor = actor(people.editor);
            List<Object> outcomes = ArticleEditingTest.race(2, writer -> {
                if (writer == 0) {
                    return nodeA.desk.save(editor, DeskPeople.edit(article, "Edited."));
                }
                nodeB.desk.trash(editor, article.id(), article.version());
                return "trashed";
            });
            assertEquals(1, outcomes.stream().filter(outcome -> outcome instanceof Conflict).count(), outcomes.toString());
            Article stored = nodeA.articles.find(article.id()).orElseThrow();
            assertEquals(article.version() + 1, stored.version());
            if (outcomes.contains("trashed")) {
                assertEquals(ArticleStatus.TRASH, stored.status());
                assertEquals(article.bodyMarkdown(), stored.bodyMarkdown(), "the edit did not land in the trash");
                assertTrue(nodeA.articles.isGone(article.slug()));
            } else {
                assertEquals(ArticleStatus.PUBLISHED, stored.status());
                assertEquals("Edited.", stored.bodyMarkdown());
                assertTrue(!nodeA.articles.isGone(article.slug()));
            }
        }
    }

    /**
     * A save whose featured image is deleted on another node at the same moment: either the save wins (the image is
     * in use and stays) or the deletion does (the save is refused with a message, nothing written); never both,
     * and never an error that would be a 500.
     */
    @Test
    void aSaveRacingTheDeletionOfItsImageOnAnotherNodeIsRefusedWithAMessage() throws Exception {
        Config config = TestDatabases.POSTGRES.config(dir);
        var clock = new MutableClock(NOW);
        try (var nodeA = new Newsroom(config, clock); var nodeB = new Newsroom(config, clock)) {
            DeskPeople people = new DeskPeople(nodeA);
            Actor editor = actor(people.editor);
            byte[] png = dev.byline.media.TestImages.encode(dev.byline.media.TestImages.quarters(16, 16), "png");
            int saved = 0;
            int refused = 0;
            for (int round = 0; round < 12; round++) {
                var image = nodeA.media.store(new dev.byline.media.MediaService.Upload(png, "race.png", "A square",
                        "", ""));
                ArticleDraft base = people.draft(people.author, "Race " + round, ArticleStatus.DRAFT, NOW);
                ArticleDraft draft = new ArticleDraft(0, base.title(), base.dek(), "", base.bodyMarkdown(), "",
                        image.id(), base.status(), base.sectionId(), base.authorIds(), List.of(), null);
                List<Object> outcomes = ArticleEditingTest.race(2, writer -> writer == 0
                        ? nodeA.desk.save(editor, draft) : nodeB.library.delete(editor, image.id()));
                Object save = outcomes.get(0);
                Object delete = outcomes.get(1);
                if (save instanceof Article article) {
                    saved++;
                    assertTrue(delete instanceof dev.byline.media.MediaLibrary.InUse, outcomes.toString());
                    assertEquals(image.id(), nodeB.articles.find(article.id()).orElseThrow().featuredMediaId());
                } else {
                    refused++;
                    assertTrue(save instanceof dev.byline.error.Invalid, outcomes.toString());
                    assertTrue(delete instanceof dev.byline.media.Media, outcomes.toString());
                    String message = String.join(" ", ((dev.byline.error.Invalid) save).fieldErrors().values());
                    assertTrue(message.contains("no longer exists") || message.contains("deleted a moment ago"),
                            message);
                }
            }
            assertEquals(12, saved + refused);
            assertEquals(saved, (int) nodeA.database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT count(*) FROM articles WHERE title LIKE 'Race %'").mapTo(Integer.class).one()),
                    "only the saves that won were written");
        }
    }

    /**
     * Two reporters on two nodes file stories with the same headline and a new tag at the same moment: both are
     * saved, under two slugs, with one tag (the slug and the tag were free for both when they looked).
     */
    @Test
    void twoNewArticlesWithOneHeadlineAndANewTagOnTwoNodesBothSave() throws Exception {
        Config config = TestDatabases.POSTGRES.config(dir);
        var clock = new MutableClock(NOW);
        try (var nodeA = new Newsroom(config, clock); var nodeB = new Newsroom(config, clock)) {
            DeskPeople people = new DeskPeople(nodeA);
            List<Desk> desks = List.of(nodeA.desk, nodeB.desk);
            for (int round = 0; round < 10; round++) {
                String title = "Storm hits the coast " + round;
                List<String> tags = List.of("Storm " + round);
                List<Object> outcomes = ArticleEditingTest.race(2, writer -> {
                    var author = writer == 0 ? people.author : people.otherAuthor;
                    ArticleDraft base = people.draft(author, title, ArticleStatus.DRAFT, NOW);
                    return desks.get(writer).save(actor(author), new ArticleDraft(0, base.title(), base.dek(), "",
                            base.bodyMarkdown(), "", null, base.status(), base.sectionId(), base.authorIds(), tags,
                            null));
                });
                assertTrue(outcomes.stream().allMatch(outcome -> outcome instanceof Article), outcomes.toString());
                Set<String> slugs = Set.of(((Article) outcomes.get(0)).slug(), ((Article) outcomes.get(1)).slug());
                assertEquals(2, slugs.size(), "two slugs: " + slugs);
                assertEquals(((Article) outcomes.get(0)).tagIds(), ((Article) outcomes.get(1)).tagIds(), "one tag");
            }
        }
    }

    /**
     * A section move under way on another node (its transaction holds the sections' rows and has moved Asia from
     * World to Europe) while an editor publishes a story in Asia: the publish waits for the move, then announces the
     * archive of Europe, where the story now is, not World's (read before the move, it named World, and Europe's
     * cached archive would have missed the story until some other write dropped it).
     */
    @Test
    void aPublishRacingASectionMoveAnnouncesTheArchivesOfTheTreeAsItIsAfterTheMove() throws Exception {
        Config config = TestDatabases.POSTGRES.config(dir);
        var clock = new MutableClock(NOW);
        try (var nodeA = new Newsroom(config, clock); var nodeB = new Newsroom(config, clock)) {
            DeskPeople people = new DeskPeople(nodeA);
            var europe = nodeA.taxonomy.saveSection(new dev.byline.taxonomy.Section(0, "", "Europe", "", null, 1));
            var asia = nodeA.taxonomy.saveSection(new dev.byline.taxonomy.Section(0, "", "Asia", "",
                    people.world.id(), 2));
            ArticleDraft base = people.draft(people.author, "Typhoon nears the coast", ArticleStatus.DRAFT, NOW);
            Article draft = nodeA.desk.save(actor(people.editor), new ArticleDraft(0, base.title(), base.dek(), "",
                    base.bodyMarkdown(), "", null, ArticleStatus.DRAFT, asia.id(), base.authorIds(), List.of(),
                    null));
            try (var move = nodeB.database.jdbi().open()) {
                move.begin();
                move.execute("UPDATE sections SET position = position"); // what a section write takes first
                move.execute("UPDATE sections SET parent_id = ? WHERE id = ?", europe.id(), asia.id());
                var publishing = java.util.concurrent.CompletableFuture.supplyAsync(() -> nodeA.desk.save(
                        actor(people.editor), DeskPeople.withStatus(draft, ArticleStatus.PUBLISHED, null)));
                dev.byline.support.PostgresLocks.awaitALockWait(nodeB.database.jdbi(), "the publish");
                assertTrue(!publishing.isDone(), "the publish waits for the section write");
                move.commit();
                Article published = publishing.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(ArticleStatus.PUBLISHED, published.status());
            }
            Set<String> keys = nodeA.published.stream().filter(change -> change.kind().equals("article.updated"))
                    .reduce((first, second) -> second).orElseThrow().keys();
            assertTrue(keys.stream().anyMatch(key -> key.startsWith(dev.byline.change.Keys.sectionList(europe.id())
                    + "@")), "Europe's archive, where the story is now: " + keys);
            assertTrue(keys.stream().noneMatch(key -> key.startsWith(dev.byline.change.Keys.sectionList(
                    people.world.id()) + "@")), "not World's, which no longer holds Asia: " + keys);
        }
    }


    @RepeatedTest(2)
    void autosavesOfOnePersonOnTwoNodesLeaveOne() throws Exception {
        Config config = TestDatabases.POSTGRES.config(dir);
        var clock = new MutableClock(NOW);
        try (var nodeA = new Newsroom(config, clock); var nodeB = new Newsroom(config, clock)) {
            DeskPeople people = new DeskPeople(nodeA);
            Article article = people.made(people.author, "Typed in two tabs", ArticleStatus.DRAFT, NOW);
            List<Desk> desks = List.of(nodeA.desk, nodeB.desk);
            Actor amina = actor(people.author);
            List<Object> outcomes = ArticleEditingTest.race(2, writer -> desks.get(writer).autosave(amina,
                    DeskPeople.edit(article, "Tab " + writer + ".")));
            assertTrue(outcomes.stream().allMatch(outcome -> outcome instanceof Autosaved), outcomes.toString());
            List<Revision> autosaves = nodeB.desk.revisions(amina, article.id()).stream()
                    .filter(Revision::autosave).toList();
            assertEquals(1, autosaves.size());
            assertTrue(Set.of("Tab 0.", "Tab 1.").contains(autosaves.getFirst().bodyMarkdown()));
        }
    }
}
