package dev.byline.article;

import static dev.byline.article.DeskPeople.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Actor;
import dev.byline.change.Keys;
import dev.byline.error.Conflict;
import dev.byline.error.Invalid;
import dev.byline.support.MutableClock;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The article's way through the desk, on SQLite and PostgreSQL.
 *
 * <pre>
 * step                                          status     public  revisions  keys announced
 * contributor saves a draft                     draft      no      1          none
 * contributor submits it for review             pending    no      2          none
 * editor schedules it for tomorrow              scheduled  no      3          none
 * the tick, a day later                         published  yes     3          article, card, lists
 * editor makes it private                       private    no      4          article, card, lists; 410 after
 * editor moves it to the trash                  trash      no      5          none (it was not public); 410
 * editor restores it                            private    no      6          none; publication date kept; 410
 * editor publishes it again                     published  yes     7          article, card, lists
 * editor moves it to the trash                  trash      no      8          article, card, lists; 410 after
 * editor restores it                            published  yes     9          article, card, lists; no 410
 * </pre>
 */
class DeskWorkflowTest extends NewsroomTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    MutableClock clock = new MutableClock(NOW);
    DeskPeople people;
    Desk desk;

    void open(TestDatabases db) {
        people = new DeskPeople(openNewsroom(db, clock));
        desk = people.desk;
    }

    Actor editor() {
        return actor(people.editor);
    }

    Article step(Actor actor, Article article, ArticleStatus status, Instant publishedAt) {
        clock.advance(Duration.ofMinutes(5));
        return desk.save(actor, DeskPeople.withStatus(article, status, publishedAt));
    }

    void expect(Article article, ArticleStatus status, int revisions, Set<String> keyNames) {
        Article stored = newsroom.articles.find(article.id()).orElseThrow();
        assertEquals(status, stored.status());
        assertEquals(revisions, desk.revisions(editor(), article.id()).size(), "revisions at " + status);
        assertEquals(keyNames, newsroom.lastKeyNames(), "keys at " + status);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void draftToPendingToScheduledToPublishedToPrivateToTrashAndBack(TestDatabases db) {
        open(db);
        Actor cleo = actor(people.contributor);
        var schedule = new SchedulePublisher(newsroom.articles, desk, newsroom.database, clock);
        Article article = desk.save(cleo, people.draft(people.contributor, "Harbour talks", ArticleStatus.DRAFT, NOW));
        expect(article, ArticleStatus.DRAFT, 1, Set.of());
        article = step(cleo, article, ArticleStatus.PENDING, null);
        expect(article, ArticleStatus.PENDING, 2, Set.of());
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        article = step(editor(), article, ArticleStatus.SCHEDULED, tomorrow);
        expect(article, ArticleStatus.SCHEDULED, 3, Set.of());

        clock.advance(Duration.ofDays(1));
        schedule.tick();
        Set<String> publicKeys = Set.of(Keys.article(article.id()), Keys.card(article.id()), Keys.HOME,
                Keys.sectionList(people.world.id()), Keys.authorList(people.contributor.authorId()),
                Keys.sitemap(Keys.month(tomorrow)));
        expect(article, ArticleStatus.PUBLISHED, 3, publicKeys);
        article = newsroom.articles.find(article.id()).orElseThrow();
        assertEquals(tomorrow, article.publishedAt());

        article = step(editor(), article, ArticleStatus.PRIVATE, null);
        expect(article, ArticleStatus.PRIVATE, 4, publicKeys);

        desk.trash(editor(), article.id(), article.version());
        expect(article, ArticleStatus.TRASH, 5, Set.of());
        Article trashed = newsroom.articles.find(article.id()).orElseThrow();
        assertEquals(ArticleStatus.PRIVATE, trashed.statusBeforeTrash());
        assertEquals(clock.instant(), trashed.trashedAt());
        assertTrue(newsroom.articles.isGone(trashed.slug()), "public once, then taken down: 410, not 404");

        Article restored = desk.restore(editor(), article.id());
        expect(article, ArticleStatus.PRIVATE, 6, Set.of());
        assertEquals(tomorrow, restored.publishedAt(), "the publication date is kept");
        assertNull(restored.trashedAt());
        assertNull(restored.statusBeforeTrash());
        assertTrue(newsroom.articles.isGone(restored.slug()), "private again: still gone to readers");

        article = step(editor(), restored, ArticleStatus.PUBLISHED, null);
        expect(article, ArticleStatus.PUBLISHED, 7, publicKeys);
        desk.trash(editor(), article.id(), article.version());
        expect(article, ArticleStatus.TRASH, 8, publicKeys);
        assertTrue(newsroom.articles.isGone(article.slug()), "was public: its address answers 410");
        assertEquals(0, newsroom.articles.latest(1, 10).items().size());

        restored = desk.restore(editor(), article.id());
        expect(article, ArticleStatus.PUBLISHED, 9, publicKeys);
        assertEquals(tomorrow, restored.publishedAt());
        assertFalse(newsroom.articles.isGone(article.slug()));
        assertEquals(List.of(article.id()), newsroom.articles.latest(1, 10).items().stream()
                .map(ArticleSummary::id).toList());
        List<String> notes = desk.revisions(editor(), article.id()).stream().map(Revision::note).toList();
        assertEquals("Restored from the trash", notes.getFirst());
        assertEquals("Moved to the trash", notes.get(1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aTrashedArticleCannotBeEditedOrTrashedTwiceAndOnlyTheTrashIsDeletedForGood(TestDatabases db) {
        open(db);
        Article article = people.made(people.author, "Withdrawn story", ArticleStatus.PUBLISHED, NOW);
        assertThrows(Invalid.class, () -> desk.deleteForever(editor(), article.id()), "not in the trash");
        desk.trash(editor(), article.id(), article.version());
        Article trashed = newsroom.articles.find(article.id()).orElseThrow();
        assertThrows(Conflict.class, () -> desk.trash(editor(), article.id(), trashed.version()));
        var refused = assertThrows(Invalid.class, () -> desk.save(editor(), DeskPeople.edit(trashed, "Edited.")));
        assertTrue(refused.fieldErrors().get("status").contains("trash"));
        assertThrows(Invalid.class, () -> desk.save(editor(), DeskPeople.withStatus(
                newsroom.articles.find(people.made(people.author, "Other", ArticleStatus.DRAFT, NOW).id()).orElseThrow(),
                ArticleStatus.TRASH, null)), "the trash is not a status a save can set");

        desk.deleteForever(editor(), article.id());
        assertTrue(newsroom.articles.find(article.id()).isEmpty());
        assertTrue(newsroom.articles.isGone(article.slug()), "deleted after being public: still 410");
        assertThrows(dev.byline.error.NotFound.class, () -> desk.restore(editor(), article.id()));

        Article again = desk.save(editor(), people.draft(people.author, "Withdrawn story", ArticleStatus.PUBLISHED, NOW));
        assertEquals(article.slug(), again.slug(), "the slug is free again");
        assertFalse(newsroom.articles.isGone(again.slug()), "taken by a new article: no longer gone");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theTrashIsEmptiedThirtyDaysAfterOnTheTick(TestDatabases db) {
        open(db);
        var schedule = new SchedulePublisher(newsroom.articles, desk, newsroom.database, clock);
        Article old = people.made(people.author, "Old mistake", ArticleStatus.PUBLISHED, NOW);
        Article kept = people.made(people.author, "Kept story", ArticleStatus.DRAFT, NOW);
        desk.trash(editor(), old.id(), old.version());
        clock.advance(Duration.ofDays(10));
        Article recent = people.made(people.author, "Recent mistake", ArticleStatus.DRAFT, NOW);
        desk.trash(editor(), recent.id(), recent.version());

        clock.advance(Duration.ofDays(20).minusMinutes(1));
        schedule.tick();
        assertTrue(newsroom.articles.find(old.id()).isPresent(), "29 days and 23:59 in the trash: kept");

        clock.advance(Duration.ofMinutes(2));
        int changes = newsroom.published.size();
        schedule.tick();
        assertTrue(newsroom.articles.find(old.id()).isEmpty(), "over 30 days: deleted");
        assertTrue(newsroom.articles.find(recent.id()).isPresent(), "20 days: kept");
        assertTrue(newsroom.articles.find(kept.id()).isPresent(), "not in the trash");
        assertEquals(changes + 1, newsroom.published.size());
        assertEquals(Set.of(), newsroom.lastChange().keys(), "nothing public changed");
        assertTrue(newsroom.articles.isGone(old.slug()));
        assertEquals(0, desk.emptyTrash(clock.instant()), "nothing more to empty");

        clock.advance(Duration.ofDays(11));
        assertEquals(1, desk.emptyTrash(clock.instant()));
        assertTrue(newsroom.articles.find(recent.id()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void everySaveKeepsARevisionAndAutosavesCollapseIntoOnePerPerson(TestDatabases db) {
        open(db);
        Actor amina = actor(people.author);
        Article article = desk.save(amina, people.draft(people.author, "Budget night", ArticleStatus.DRAFT, NOW));
        clock.advance(Duration.ofMinutes(1));
        article = desk.save(amina, DeskPeople.edit(article, "Second draft."));
        clock.advance(Duration.ofMinutes(1));
        article = desk.save(amina, DeskPeople.edit(article, "Third draft."));
        assertEquals(3, desk.revisions(amina, article.id()).size());
        assertEquals(List.of(3L, 2L, 1L), desk.revisions(amina, article.id()).stream().map(Revision::version).toList());

        int changes = newsroom.published.size();
        for (int i = 1; i <= 3; i++) {
            clock.advance(Duration.ofSeconds(10));
            Autosaved autosaved = desk.autosave(amina, DeskPeople.edit(article, "Typing " + i + "."));
            assertEquals(article.id(), autosaved.articleId());
            assertEquals(article.version(), autosaved.version(), "the live article did not move");
            assertEquals(clock.instant(), autosaved.at());
        }
        desk.autosave(actor(people.editor), DeskPeople.edit(article, "The editor types too."));
        assertEquals(changes, newsroom.published.size(), "an autosave announces nothing");
        Article live = newsroom.articles.find(article.id()).orElseThrow();
        assertEquals("Third draft.", live.bodyMarkdown());
        assertEquals(article.version(), live.version());

        List<Revision> revisions = desk.revisions(amina, article.id());
        assertEquals(5, revisions.size(), "three saves, one autosave each for two people");
        List<Revision> autosaves = revisions.stream().filter(Revision::autosave).toList();
        assertEquals(Set.of("Typing 3.", "The editor types too."),
                Set.copyOf(autosaves.stream().map(Revision::bodyMarkdown).toList()));
        assertEquals(Set.of("Amina Author", "Eddie Editor"), Set.copyOf(autosaves.stream().map(Revision::who).toList()));

        clock.advance(Duration.ofMinutes(1));
        article = desk.save(amina, DeskPeople.edit(article, "Typing 3, saved."));
        List<Revision> after = desk.revisions(amina, article.id());
        assertEquals(5, after.size(), "her save took the place of her autosave; the editor's stays");
        assertEquals(1, after.stream().filter(Revision::autosave).count());
        assertEquals("Amina Author", after.getFirst().who());
        assertFalse(after.getFirst().autosave());
    }

    /**
     * An autosave made from a version someone has saved over is refused: kept, it would be offered to its author as
     * "a newer autosave" and restored over the other person's save.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anAutosaveOfAVersionSavedOverIsRefused(TestDatabases db) {
        open(db);
        Actor amina = actor(people.author);
        Actor eddie = actor(people.editor);
        Article opened = desk.save(amina, people.draft(people.author, "Port strike", ArticleStatus.DRAFT, NOW));
        clock.advance(Duration.ofMinutes(1));
        Article theirs = desk.save(eddie, DeskPeople.edit(opened, "The editor's text."));
        clock.advance(Duration.ofSeconds(30));
        Conflict refused = assertThrows(Conflict.class, () -> desk.autosave(amina, DeskPeople.edit(opened,
                "Her older text.")));
        assertTrue(refused.getMessage().contains("someone saved this article after you opened it"),
                refused.getMessage());
        assertTrue(desk.revisions(amina, opened.id()).stream().noneMatch(Revision::autosave), "nothing kept");
        assertEquals("The editor's text.", newsroom.articles.find(opened.id()).orElseThrow().bodyMarkdown());
        desk.autosave(amina, DeskPeople.edit(theirs, "Her text on theirs.")); // from the newest: kept
        assertEquals(1, desk.revisions(amina, opened.id()).stream().filter(Revision::autosave).count());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theFirstAutosaveOfANewArticleCreatesADraft(TestDatabases db) {
        open(db);
        Actor cleo = actor(people.contributor);
        Autosaved first = desk.autosave(cleo, people.draft(people.contributor, "Breaking: storm", ArticleStatus.PENDING, NOW));
        Article created = newsroom.articles.find(first.articleId()).orElseThrow();
        assertEquals(ArticleStatus.DRAFT, created.status(), "an autosave never submits or publishes");
        assertEquals(1, first.version());
        assertEquals(List.of("Created by autosave"), desk.revisions(cleo, created.id()).stream()
                .map(Revision::note).toList());
        Autosaved second = desk.autosave(cleo, DeskPeople.edit(created, "More."));
        assertEquals(created.id(), second.articleId());
        assertEquals(2, desk.revisions(cleo, created.id()).size());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void restoringARevisionIsANewSaveAndTheDiffSaysWhatChanged(TestDatabases db) {
        open(db);
        Actor eddie = editor();
        Article article = people.made(people.author, "Mayor resigns", ArticleStatus.PUBLISHED, NOW);
        clock.advance(Duration.ofHours(2));
        Article edited = desk.save(eddie, new ArticleDraft(article.id(), "Mayor resigns after vote", article.dek(),
                article.slug(), "First paragraph.\n\nSecond paragraph, rewritten.\n\nA third.", "", null,
                ArticleStatus.PUBLISHED, article.sectionId(), article.authorIds(), List.of("Politics"), null,
                article.version(), "Mayor quits", "", Kind.ARTICLE));
        List<Revision> revisions = desk.revisions(eddie, article.id());
        Revision first = revisions.getLast();
        Revision second = revisions.getFirst();

        RevisionDiff diff = desk.diff(eddie, first.id(), second.id());
        assertEquals(List.of("title", "tags", "seoTitle"), diff.fields().stream()
                .map(RevisionDiff.FieldChange::field).toList());
        assertEquals("Mayor resigns", diff.fields().getFirst().before());
        assertEquals("Mayor resigns after vote", diff.fields().getFirst().after());
        var changed = diff.body().stream().filter(line -> line.mark() != RevisionDiff.Mark.SAME).toList();
        assertEquals(List.of(RevisionDiff.Mark.REMOVED, RevisionDiff.Mark.ADDED, RevisionDiff.Mark.ADDED,
                RevisionDiff.Mark.ADDED), changed.stream().map(RevisionDiff.Line::mark).toList());
        assertEquals("Second paragraph.", changed.get(0).text());
        assertEquals(List.of(new RevisionDiff.Span(RevisionDiff.Mark.SAME, "Second paragraph"),
                        new RevisionDiff.Span(RevisionDiff.Mark.ADDED, ", rewritten"),
                        new RevisionDiff.Span(RevisionDiff.Mark.SAME, ".")),
                changed.get(1).spans());
        assertTrue(desk.diff(eddie, second.id(), second.id()).same());

        clock.advance(Duration.ofHours(1));
        Article restored = desk.restoreRevision(eddie, article.id(), first.id(), edited.version());
        assertEquals("Mayor resigns", restored.title());
        assertEquals(article.bodyMarkdown(), restored.bodyMarkdown());
        assertEquals("", restored.seoTitle());
        assertEquals(List.of(), restored.tagIds());
        assertEquals(ArticleStatus.PUBLISHED, restored.status());
        assertEquals(NOW, restored.publishedAt(), "restoring a text does not re-publish");
        assertEquals(edited.version() + 1, restored.version());
        List<Revision> after = desk.revisions(eddie, article.id());
        assertEquals(3, after.size(), "the restore is a revision of its own");
        assertTrue(after.getFirst().note().startsWith("Restored the revision of"), after.getFirst().note());
        assertTrue(desk.diff(eddie, first.id(), after.getFirst().id()).fields().stream()
                .noneMatch(field -> field.field().equals("title")));
        assertThrows(Conflict.class, () -> desk.restoreRevision(eddie, article.id(), second.id(), edited.version()),
                "restoring over a version someone moved on from is a conflict like any save");

        // a tag deleted since the revision stays deleted: the revision's text comes back, not the tag
        long politics = newsroom.taxonomy.findTagBySlug("politics").orElseThrow().id();
        newsroom.tags.delete(eddie, politics);
        Article again = desk.restoreRevision(eddie, article.id(), second.id(), restored.version());
        assertEquals("Mayor resigns after vote", again.title());
        assertEquals(List.of(), again.tagIds());
        assertTrue(newsroom.taxonomy.findTagBySlug("politics").isEmpty(), "not made again by the restore");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aCorrectionShowsOnThePublishedArticleMovesItsModifiedDateAndStaysInItsHistory(TestDatabases db) {
        open(db);
        Article article = people.made(people.author, "Flood warning", ArticleStatus.PUBLISHED, NOW);
        clock.advance(Duration.ofHours(3));
        Article noted = desk.addNote(editor(), article.id(), NoteKind.CORRECTION,
                "An earlier version gave the wrong river.", Placement.FOOT);
        assertEquals(NOW.plus(Duration.ofHours(3)), noted.updatedAt());
        assertEquals(NOW, noted.publishedAt());
        assertEquals(article.version(), noted.version(), "an editor's open form is not made stale by a note");
        assertEquals(Set.of(Keys.article(article.id()), Keys.sitemap(Keys.month(NOW))), newsroom.lastChange().keys());
        clock.advance(Duration.ofHours(1));
        desk.addNote(editor(), article.id(), NoteKind.UPDATE, "The river has crested.", Placement.TOP);
        List<Note> notes = desk.notes(article.id());
        assertEquals(List.of(NoteKind.CORRECTION, NoteKind.UPDATE), notes.stream().map(Note::kind).toList());
        assertEquals("Eddie Editor", notes.getFirst().who());
        assertEquals(Placement.TOP, notes.getLast().placement());
        assertTrue(desk.revisions(editor(), article.id()).getFirst().note().startsWith("Update: The river"));

        var empty = assertThrows(Invalid.class, () -> desk.addNote(editor(), article.id(), NoteKind.UPDATE, "  ",
                Placement.FOOT));
        assertTrue(empty.fieldErrors().containsKey("text"));
        Article draft = people.made(people.author, "Not out yet", ArticleStatus.DRAFT, NOW);
        var notPublished = assertThrows(Invalid.class, () -> desk.addNote(editor(), draft.id(), NoteKind.CORRECTION,
                "Too early.", Placement.FOOT));
        assertTrue(notPublished.fieldErrors().get("status").contains("published"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void whoElseIsInAnArticleForAMinute(TestDatabases db) {
        open(db);
        Article article = people.made(people.author, "Shared story", ArticleStatus.DRAFT, NOW);
        Actor amina = actor(people.author);
        desk.here(amina, article.id());
        desk.here(editor(), article.id());
        assertEquals(List.of("Eddie Editor"), desk.othersEditing(amina, article.id()));
        assertEquals(List.of("Amina Author"), desk.othersEditing(editor(), article.id()));
        assertThrows(dev.byline.error.Forbidden.class, () -> desk.othersEditing(actor(people.otherAuthor), article.id()),
                "who is in a story is for those who may open it");
        clock.advance(Duration.ofSeconds(45));
        desk.here(amina, article.id());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of(), desk.othersEditing(amina, article.id()), "the editor left 75 s ago");
        assertEquals(List.of("Amina Author"), desk.othersEditing(editor(), article.id()));
        clock.advance(Duration.ofHours(2));
        desk.emptyTrash(clock.instant());
        desk.here(editor(), article.id());
        assertEquals(List.of(), desk.othersEditing(editor(), article.id()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void previewRendersWithoutStoringAnything(TestDatabases db) {
        open(db);
        int changes = newsroom.published.size();
        Article preview = desk.preview(actor(people.contributor), new ArticleDraft(0, "Не сохранено", "", "",
                "Hello **world**.\n\n<script>alert(1)</script>", "", null, ArticleStatus.DRAFT, null,
                List.of(people.contributor.authorId()), List.of("Weather"), null));
        assertEquals("ne-sohraneno", preview.slug());
        assertTrue(preview.bodyHtml().contains("<strong>world</strong>"), preview.bodyHtml());
        assertFalse(preview.bodyHtml().contains("script"));
        assertEquals("Hello world.", preview.excerpt());
        assertEquals(0, preview.id());
        assertEquals(changes, newsroom.published.size());
        assertTrue(newsroom.articles.findBySlug("ne-sohraneno").isEmpty());
        assertNotNull(preview.publishedAt());
    }
}
