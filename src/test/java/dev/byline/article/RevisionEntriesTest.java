package dev.byline.article;

import static dev.byline.article.DeskPeople.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.byline.account.Actor;
import dev.byline.error.Forbidden;
import dev.byline.support.MutableClock;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The revisions as lists name them, without their texts (the revisions page, the editor's "you have a newer
 * autosave" and conflict notices): the same revisions as {@link Desk#revisions}, and the editor's short list of
 * the newest save and the autosaves, however many saves there were. On the 100k benchmark data set the editor
 * read every revision's texts on each open, so it cost more with every save (docs/BENCHMARKS.md, the desk).
 */
class RevisionEntriesTest extends NewsroomTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void entriesAreTheRevisionsWithoutTextsAndTheLatestAreTheNewestSaveAndTheAutosaves(TestDatabases db) {
        var clock = new MutableClock(NOW);
        var people = new DeskPeople(openNewsroom(db, clock));
        Desk desk = people.desk;
        Actor amina = actor(people.author);
        Actor eddie = actor(people.editor);
        Article article = desk.save(amina, people.draft(people.author, "Budget night", ArticleStatus.DRAFT, NOW));
        for (int i = 2; i <= 40; i++) {
            clock.advance(Duration.ofMinutes(1));
            article = desk.save(i % 2 == 0 ? amina : eddie, DeskPeople.edit(article, "Draft " + i + "."));
        }
        clock.advance(Duration.ofSeconds(10));
        desk.autosave(amina, DeskPeople.edit(article, "Amina types."));
        clock.advance(Duration.ofSeconds(10));
        desk.autosave(eddie, DeskPeople.edit(article, "Eddie types."));

        List<Revision> full = desk.revisions(eddie, article.id());
        assertEquals(42, full.size(), "40 saves, an autosave each for two people");
        List<RevisionEntry> entries = desk.revisionEntries(eddie, article.id());
        assertEquals(full.stream().map(RevisionsTestRows::of).toList(), entries, "the same, in the same order");

        List<RevisionEntry> latest = desk.latestRevisions(eddie, article.id());
        Revision newestSave = full.stream().filter(revision -> !revision.autosave()).findFirst().orElseThrow();
        assertEquals(List.of(full.get(0).id(), full.get(1).id(), newestSave.id()),
                latest.stream().map(RevisionEntry::id).toList(), "the autosaves, then the newest save");
        assertEquals(List.of(true, true, false), latest.stream().map(RevisionEntry::autosave).toList());
        assertEquals(40, latest.getLast().version());
        assertEquals("Amina Author", latest.getLast().who(), "the 40th save was Amina's");

        // Amina saves: her autosave goes, Eddie's stays
        clock.advance(Duration.ofMinutes(1));
        article = desk.save(amina, DeskPeople.edit(article, "Amina's typing, saved."));
        latest = desk.latestRevisions(amina, article.id());
        assertEquals(List.of(false, true), latest.stream().map(RevisionEntry::autosave).toList());
        assertEquals(List.of(article.version(), 40L), latest.stream().map(RevisionEntry::version).toList());
        assertEquals("Amina Author", latest.getFirst().who());

        // as the full list: only for who may open the article
        long id = article.id();
        Actor stranger = actor(people.contributor);
        Assertions.assertThrows(Forbidden.class, () -> desk.latestRevisions(stranger, id));
        Assertions.assertThrows(Forbidden.class, () -> desk.revisionEntries(stranger, id));
    }

    /** A revision as an entry, to compare the two lists. */
    private static final class RevisionsTestRows {
        static RevisionEntry of(Revision revision) {
            return new RevisionEntry(revision.id(), revision.articleId(), revision.version(), revision.who(),
                    revision.at(), revision.autosave(), revision.note());
        }
    }
}
