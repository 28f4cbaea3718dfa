package dev.byline.article;

import static dev.byline.article.DeskPeople.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.byline.account.Actor;
import dev.byline.account.User;
import dev.byline.error.Forbidden;
import dev.byline.support.MutableClock;
import dev.byline.support.NewsroomTest;
import dev.byline.support.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who may do what on the desk, asked of the service (Desk), on SQLite and PostgreSQL. WordPress's meaning of the
 * roles; "own" means the actor is among the article's authors.
 *
 * <pre>
 * actor          action                                                   outcome
 * contributor    create own draft                                         allowed
 * contributor    create own pending (submit for review)                   allowed
 * contributor    create own published                                     Forbidden
 * contributor    create own scheduled                                     Forbidden
 * contributor    create own private                                       Forbidden
 * contributor    create a draft without themselves among the authors      Forbidden
 * contributor    edit own pending                                         allowed
 * contributor    publish own pending                                      Forbidden
 * contributor    schedule own draft                                       Forbidden
 * contributor    edit own published (an editor published it)              Forbidden
 * contributor    edit another contributor's draft                         Forbidden
 * contributor    open another's draft (find)                              Forbidden
 * contributor    open own published (find)                                allowed
 * contributor    move own draft to the trash                              allowed
 * contributor    move another's draft to the trash                        Forbidden
 * contributor    write a page                                             Forbidden
 * contributor    add a correction                                         Forbidden
 * contributor    autosave another's draft                                 Forbidden
 * author         create own published                                     allowed
 * author         schedule own                                             allowed
 * author         edit own published                                       allowed
 * author         edit another author's draft                              Forbidden
 * author         edit another author's published                          Forbidden
 * author         publish another's pending                                Forbidden
 * author         take themselves off their own article's authors          Forbidden
 * author         move another's article to the trash                      Forbidden
 * author         restore another's article from the trash                 Forbidden
 * author         see another's revisions                                  Forbidden
 * author         write a page                                             Forbidden
 * author         add an update                                            Forbidden
 * editor         publish a contributor's pending                          allowed
 * editor         edit an author's published                               allowed
 * editor         write a page                                             allowed
 * editor         add a correction                                         allowed
 * editor         move anyone's article to the trash                       allowed
 * editor         see anyone's revisions                                   allowed
 * administrator  publish an author's draft                                allowed
 * administrator  write a page                                             allowed
 * administrator  delete from the trash for good                           allowed
 * visitor        create a draft                                           Forbidden
 * </pre>
 */
class DeskRolesTest extends NewsroomTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    record Case(String actor, String action, boolean allowed, Function<DeskPeople, Runnable> act) {
    }

    static final List<Case> CASES = List.of(
            allowed("contributor", "create own draft",
                    p -> () -> p.desk.save(actor(p.contributor), p.draft(p.contributor, "Own draft", ArticleStatus.DRAFT, NOW))),
            allowed("contributor", "create own pending",
                    p -> () -> p.desk.save(actor(p.contributor), p.draft(p.contributor, "Own pending", ArticleStatus.PENDING, NOW))),
            refused("contributor", "create own published",
                    p -> () -> p.desk.save(actor(p.contributor), p.draft(p.contributor, "Own published", ArticleStatus.PUBLISHED, NOW))),
            refused("contributor", "create own scheduled",
                    p -> () -> p.desk.save(actor(p.contributor), p.draft(p.contributor, "Own scheduled", ArticleStatus.SCHEDULED, NOW))),
            refused("contributor", "create own private",
                    p -> () -> p.desk.save(actor(p.contributor), p.draft(p.contributor, "Own private", ArticleStatus.PRIVATE, NOW))),
            refused("contributor", "create a draft without themselves among the authors",
                    p -> () -> p.desk.save(actor(p.contributor), p.draft(p.author, "Someone else's", ArticleStatus.DRAFT, NOW))),
            allowed("contributor", "edit own pending", p -> {
                Article own = p.made(p.contributor, "Pending piece", ArticleStatus.PENDING, NOW);
                return () -> p.desk.save(actor(p.contributor), DeskPeople.edit(own, "Better."));
            }),
            refused("contributor", "publish own pending", p -> {
                Article own = p.made(p.contributor, "Pending to publish", ArticleStatus.PENDING, NOW);
                return () -> p.desk.save(actor(p.contributor), DeskPeople.withStatus(own, ArticleStatus.PUBLISHED, null));
            }),
            refused("contributor", "schedule own draft", p -> {
                Article own = p.made(p.contributor, "Draft to schedule", ArticleStatus.DRAFT, NOW);
                return () -> p.desk.save(actor(p.contributor), DeskPeople.withStatus(own, ArticleStatus.SCHEDULED,
                        NOW.plusSeconds(3600)));
            }),
            refused("contributor", "edit own published", p -> {
                Article own = p.made(p.contributor, "Published for them", ArticleStatus.PUBLISHED, NOW);
                return () -> p.desk.save(actor(p.contributor), DeskPeople.edit(own, "Sneaky."));
            }),
            refused("contributor", "edit another contributor's draft", p -> {
                Article theirs = p.made(p.otherContributor, "Carl's draft", ArticleStatus.DRAFT, NOW);
                return () -> p.desk.save(actor(p.contributor), DeskPeople.edit(theirs, "Mine now."));
            }),
            refused("contributor", "open another's draft", p -> {
                Article theirs = p.made(p.otherContributor, "Carl's secret", ArticleStatus.DRAFT, NOW);
                return () -> p.desk.find(actor(p.contributor), theirs.id());
            }),
            allowed("contributor", "open own published", p -> {
                Article own = p.made(p.contributor, "Cleo's story", ArticleStatus.PUBLISHED, NOW);
                return () -> assertTrue(p.desk.find(actor(p.contributor), own.id()).isPresent());
            }),
            allowed("contributor", "move own draft to the trash", p -> {
                Article own = p.made(p.contributor, "Cleo's throwaway", ArticleStatus.DRAFT, NOW);
                return () -> p.desk.trash(actor(p.contributor), own.id(), own.version());
            }),
            refused("contributor", "move another's draft to the trash", p -> {
                Article theirs = p.made(p.otherContributor, "Carl's keeper", ArticleStatus.DRAFT, NOW);
                return () -> p.desk.trash(actor(p.contributor), theirs.id(), theirs.version());
            }),
            refused("contributor", "write a page",
                    p -> () -> p.desk.save(actor(p.contributor), p.page(p.contributor, "About Cleo", ArticleStatus.DRAFT))),
            refused("contributor", "add a correction", p -> {
                Article own = p.made(p.contributor, "Cleo's corrected", ArticleStatus.PUBLISHED, NOW);
                return () -> p.desk.addNote(actor(p.contributor), own.id(), NoteKind.CORRECTION, "Oops.", Placement.FOOT);
            }),
            refused("contributor", "autosave another's draft", p -> {
                Article theirs = p.made(p.otherContributor, "Carl's autosaved", ArticleStatus.DRAFT, NOW);
                return () -> p.desk.autosave(actor(p.contributor), DeskPeople.edit(theirs, "Typing."));
            }),
            allowed("author", "create own published",
                    p -> () -> p.desk.save(actor(p.author), p.draft(p.author, "Amina publishes", ArticleStatus.PUBLISHED, NOW))),
            allowed("author", "schedule own",
                    p -> () -> p.desk.save(actor(p.author), p.draft(p.author, "Amina schedules", ArticleStatus.SCHEDULED, NOW))),
            allowed("author", "edit own published", p -> {
                Article own = p.made(p.author, "Amina's live story", ArticleStatus.PUBLISHED, NOW);
                return () -> p.desk.save(actor(p.author), DeskPeople.edit(own, "Fixed a typo."));
            }),
            refused("author", "edit another author's draft", p -> {
                Article theirs = p.made(p.otherAuthor, "Otto's draft", ArticleStatus.DRAFT, NOW);
                return () -> p.desk.save(actor(p.author), DeskPeople.edit(theirs, "Rewritten."));
            }),
            refused("author", "edit another author's published", p -> {
                Article theirs = p.made(p.otherAuthor, "Otto's live story", ArticleStatus.PUBLISHED, NOW);
                return () -> p.desk.save(actor(p.author), DeskPeople.edit(theirs, "Rewritten."));
            }),
            refused("author", "publish another's pending", p -> {
                Article theirs = p.made(p.contributor, "Cleo's pending", ArticleStatus.PENDING, NOW);
                return () -> p.desk.save(actor(p.author), DeskPeople.withStatus(theirs, ArticleStatus.PUBLISHED, null));
            }),
            refused("author", "take themselves off their own article's authors", p -> {
                Article own = p.made(p.author, "Amina hands over", ArticleStatus.DRAFT, NOW);
                return () -> p.desk.save(actor(p.author), new ArticleDraft(own.id(), own.title(), own.dek(),
                        own.slug(), own.bodyMarkdown(), "", null, own.status(), own.sectionId(),
                        List.of(p.otherAuthor.authorId()), List.of(), null, own.version()));
            }),
            refused("author", "move another's article to the trash", p -> {
                Article theirs = p.made(p.otherAuthor, "Otto's to keep", ArticleStatus.PUBLISHED, NOW);
                return () -> p.desk.trash(actor(p.author), theirs.id(), theirs.version());
            }),
            refused("author", "restore another's article from the trash", p -> {
                Article theirs = p.made(p.otherAuthor, "Otto's trashed", ArticleStatus.DRAFT, NOW);
                p.desk.trash(actor(p.editor), theirs.id(), theirs.version());
                return () -> p.desk.restore(actor(p.author), theirs.id());
            }),
            refused("author", "see another's revisions", p -> {
                Article theirs = p.made(p.otherAuthor, "Otto's history", ArticleStatus.DRAFT, NOW);
                return () -> p.desk.revisions(actor(p.author), theirs.id());
            }),
            refused("author", "write a page",
                    p -> () -> p.desk.save(actor(p.author), p.page(p.author, "About Amina", ArticleStatus.PUBLISHED))),
            refused("author", "add an update", p -> {
                Article own = p.made(p.author, "Amina's updated", ArticleStatus.PUBLISHED, NOW);
                return () -> p.desk.addNote(actor(p.author), own.id(), NoteKind.UPDATE, "More.", Placement.TOP);
            }),
            allowed("editor", "publish a contributor's pending", p -> {
                Article theirs = p.made(p.contributor, "Cleo's submitted", ArticleStatus.PENDING, NOW);
                return () -> assertEquals(ArticleStatus.PUBLISHED, p.desk.save(actor(p.editor),
                        DeskPeople.withStatus(theirs, ArticleStatus.PUBLISHED, null)).status());
            }),
            allowed("editor", "edit an author's published", p -> {
                Article theirs = p.made(p.author, "Amina's edited by desk", ArticleStatus.PUBLISHED, NOW);
                return () -> p.desk.save(actor(p.editor), DeskPeople.edit(theirs, "Tightened."));
            }),
            allowed("editor", "write a page",
                    p -> () -> p.desk.save(actor(p.editor), p.page(p.editor, "About us", ArticleStatus.PUBLISHED))),
            allowed("editor", "add a correction", p -> {
                Article theirs = p.made(p.author, "Amina's corrected", ArticleStatus.PUBLISHED, NOW);
                return () -> p.desk.addNote(actor(p.editor), theirs.id(), NoteKind.CORRECTION, "A name was misspelt.",
                        Placement.FOOT);
            }),
            allowed("editor", "move anyone's article to the trash", p -> {
                Article theirs = p.made(p.otherAuthor, "Otto's withdrawn", ArticleStatus.PUBLISHED, NOW);
                return () -> p.desk.trash(actor(p.editor), theirs.id(), theirs.version());
            }),
            allowed("editor", "see anyone's revisions", p -> {
                Article theirs = p.made(p.contributor, "Cleo's history", ArticleStatus.DRAFT, NOW);
                return () -> assertEquals(1, p.desk.revisions(actor(p.editor), theirs.id()).size());
            }),
            allowed("administrator", "publish an author's draft", p -> {
                Article theirs = p.made(p.author, "Amina's draft for the admin", ArticleStatus.DRAFT, NOW);
                return () -> p.desk.save(actor(p.admin), DeskPeople.withStatus(theirs, ArticleStatus.PUBLISHED, null));
            }),
            allowed("administrator", "write a page",
                    p -> () -> p.desk.save(actor(p.admin), p.page(p.admin, "Privacy", ArticleStatus.PUBLISHED))),
            allowed("administrator", "delete from the trash for good", p -> {
                Article theirs = p.made(p.author, "Amina's to delete", ArticleStatus.DRAFT, NOW);
                p.desk.trash(actor(p.editor), theirs.id(), theirs.version());
                return () -> p.desk.deleteForever(actor(p.admin), theirs.id());
            }),
            refused("visitor", "create a draft",
                    p -> () -> p.desk.save(Actor.visitor("192.0.2.1"), p.draft(p.author, "Anonymous", ArticleStatus.DRAFT, NOW))));

    static Case allowed(String actor, String action, Function<DeskPeople, Runnable> act) {
        return new Case(actor, action, true, act);
    }

    static Case refused(String actor, String action, Function<DeskPeople, Runnable> act) {
        return new Case(actor, action, false, act);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void everyRoleMayDoWhatTheTableSaysAndNothingMore(TestDatabases db) {
        DeskPeople people = new DeskPeople(openNewsroom(db, new MutableClock(NOW)));
        var wrong = new ArrayList<String>();
        for (Case c : CASES) {
            Runnable act = c.act().apply(people);
            long changesBefore = newsroom.published.size();
            String outcome;
            try {
                act.run();
                outcome = "allowed";
            } catch (Forbidden refused) {
                outcome = "Forbidden";
                if (newsroom.published.size() != changesBefore) {
                    wrong.add(c.actor() + " / " + c.action() + ": refused but a change was announced");
                }
                if (refused.getMessage() == null || refused.getMessage().isBlank()) {
                    wrong.add(c.actor() + " / " + c.action() + ": refused without saying why");
                }
            }
            if (!outcome.equals(c.allowed() ? "allowed" : "Forbidden")) {
                wrong.add(c.actor() + " / " + c.action() + ": " + outcome);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRefusedSaveLeavesNothingBehind(TestDatabases db) {
        DeskPeople people = new DeskPeople(openNewsroom(db, new MutableClock(NOW)));
        User cleo = people.contributor;
        Article pending = people.made(cleo, "Cleo's careful piece", ArticleStatus.PENDING, NOW);
        try {
            people.desk.save(actor(cleo), DeskPeople.withStatus(pending, ArticleStatus.PUBLISHED, null));
        } catch (Forbidden expected) {
            // the table above says so
        }
        Article after = newsroom.articles.find(pending.id()).orElseThrow();
        assertEquals(ArticleStatus.PENDING, after.status());
        assertEquals(pending.version(), after.version());
        assertEquals(1, people.desk.revisions(actor(cleo), pending.id()).size());
        assertTrue(newsroom.articles.findBySlug("cleos-careful-piece").isPresent());
    }
}
