package dev.byline.article;

import dev.byline.account.Actor;
import dev.byline.account.Capability;
import dev.byline.account.Policy;
import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.change.Keys;
import dev.byline.error.Conflict;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.Tag;
import dev.byline.taxonomy.TaxonomyService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The newsroom's desk: the article workflow as the admin uses it, every call with the {@link Actor} who acts.
 * It decides who may do what ({@link Policy}, with WordPress's meaning of the roles: the table is in DeskRolesTest)
 * and keeps the history (a revision for every save, autosaves, corrections); {@link ArticleService} underneath
 * stays the rules engine for what an article may be (validation, slugs, versions, publication dates, the page keys
 * a write drops).
 *
 * <p>Workflow: draft → pending (review) → scheduled → published → private, any of them → trash (which remembers the
 * status it left: {@link #restore} brings it back, publication date kept) → deleted for good by hand or after
 * {@link #TRASH_DAYS} days ({@link #emptyTrash}, run by the schedule tick). A public article moved to the trash or
 * deleted leaves its addresses answering 410 Gone.
 */
public final class Desk {

    /** How long the trash keeps an article, as in WordPress. */
    public static final int TRASH_DAYS = 30;
    /** Someone is "in" an article while their editor said so this recently. */
    public static final Duration PRESENCE = Duration.ofSeconds(60);
    static final int NOTE_MAX = 2000;

    private final ArticleService articles;
    private final ArticleStore store;
    private final RevisionStore revisions;
    private final NoteStore notes;
    private final PresenceStore presence;
    private final TaxonomyService taxonomy;
    private final ChangeFeed changes;
    private final Jdbi jdbi;
    private final Clock clock;

    public Desk(ArticleService articles, ArticleStore store, RevisionStore revisions, NoteStore notes,
                PresenceStore presence, TaxonomyService taxonomy, ChangeFeed changes, Jdbi jdbi, Clock clock) {
        this.articles = articles;
        this.store = store;
        this.revisions = revisions;
        this.notes = notes;
        this.presence = presence;
        this.taxonomy = taxonomy;
        this.changes = changes;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    // ---- saving

    /**
     * Creates ({@code draft.id() == 0}) or updates an article as {@code actor}, keeping a revision in the same
     * transaction. Contributors save their own as draft or pending only; authors may also publish and schedule
     * their own; editors and administrators anyone's; pages are editors' and administrators'. A contributor or an
     * author stays among the authors of what they save. A refusal is {@link Forbidden}, nothing written; a save
     * over a newer version is {@link Conflict}, as for {@link ArticleService#save}.
     */
    public Article save(Actor actor, ArticleDraft draft) {
        return save(actor, draft, "");
    }

    private Article save(Actor actor, ArticleDraft draft, String note) {
        Policy.require(actor, Capability.WRITE_ARTICLES, "write articles");
        return articles.save(draft, new ArticleService.Saving(actor.userId(), actor.name(), note,
                (before, after) -> allowSave(actor, before, after)));
    }

    /** The rules of {@link #save}, asked under the article's lock with the article as it was and would be. */
    static void allowSave(Actor actor, Optional<Article> before, Article after) {
        String role = actor.role().map(r -> r.key()).orElse("visitor");
        boolean editsAll = actor.can(Capability.EDIT_OTHERS_ARTICLES);
        if (after.isPage() && !editsAll) {
            throw new Forbidden("Your role (" + role + ") may not edit pages: editors and administrators keep them.");
        }
        if (before.isPresent()) {
            mayEdit(actor, before.get(), "edit");
        }
        if (!editsAll && !Policy.owns(actor, after.authorIds())) {
            throw new Forbidden("Keep yourself among the authors: your role (" + role
                    + ") writes only articles you are on.");
        }
        boolean stays = before.isPresent() && before.get().status() == after.status();
        if (after.status().needsPublishing() && !Policy.mayPublish(actor, after.authorIds())) {
            throw new Forbidden("Your role (" + role + ") may not " + (stays ? "edit a " + after.status().label()
                    .toLowerCase(java.util.Locale.ROOT) + " article" : "publish or schedule")
                    + ": submit it for review and an editor will.");
        }
    }

    /** Refuses unless {@code actor} may edit {@code article} as it is now; {@code action} says what they tried. */
    private static void mayEdit(Actor actor, Article article, String action) {
        boolean live = (article.status() == ArticleStatus.TRASH ? article.statusBeforeTrash() : article.status())
                .needsPublishing();
        if (Policy.mayEdit(actor, article.authorIds(), live)
                && (!article.isPage() || actor.can(Capability.EDIT_OTHERS_ARTICLES))) {
            return;
        }
        String role = actor.role().map(r -> r.key()).orElse("visitor");
        if (!Policy.owns(actor, article.authorIds()) || article.isPage()) {
            throw new Forbidden("You may not " + action + " “" + article.title() + "”: your role (" + role
                    + ") " + (article.isPage() ? "does not keep pages." : "works only on articles you are on."));
        }
        throw new Forbidden("You may not " + action + " “" + article.title() + "” now that it is "
                + live(article).label().toLowerCase(java.util.Locale.ROOT) + ": your role (" + role
                + ") hands it to an editor once it is scheduled or published.");
    }

    private static ArticleStatus live(Article article) {
        return article.status() == ArticleStatus.TRASH ? article.statusBeforeTrash() : article.status();
    }

    /**
     * Keeps what the editor holds without publishing it. A new article ({@code id == 0}) is created as a draft on
     * its first autosave (an ordinary save, with its revision); for an existing article the person's one autosave
     * revision is stored or replaced, and the live article does not change (nor its version, nor any page).
     */
    public Autosaved autosave(Actor actor, ArticleDraft draft) {
        Policy.require(actor, Capability.WRITE_ARTICLES, "write articles");
        if (draft.id() == 0) {
            Article created = save(actor, draft.withStatus(ArticleStatus.DRAFT), "Created by autosave");
            return new Autosaved(created.id(), created.version(), created.updatedAt());
        }
        Map<String, String> unfit = ArticleService.controlCharacters(draft);
        if (!unfit.isEmpty()) {
            throw new Invalid(unfit);
        }
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            store.lock(handle, draft.id()); // one autosave at a time per article: the unique index holds
            Article current = store.findById(handle, draft.id()).orElseThrow(() -> gone(draft.id()));
            mayEdit(actor, current, "edit");
            if (current.status() == ArticleStatus.TRASH) {
                throw new Invalid(Map.of("status", "This article is in the trash: restore it before editing it."));
            }
            if (current.version() != draft.version()) {
                // kept, it would be offered later as "a newer autosave" and restored over the other person's save
                throw new Conflict("Not autosaved: someone saved this article after you opened it (it is at version "
                        + current.version() + "). Save to compare your text with theirs; nothing was overwritten.");
            }
            revisions.dropAutosave(handle, current.id(), actor.userId());
            revisions.insert(handle, autosaveOf(current, draft, actor, now), actor.userId());
        });
        return new Autosaved(draft.id(), draft.version(), now);
    }

    private static Revision autosaveOf(Article current, ArticleDraft draft, Actor actor, Instant now) {
        return new Revision(0, current.id(), draft.version(), actor.name(), now, true, "Autosave", current.kind(),
                orEmpty(draft.title()), orEmpty(draft.dek()), orEmpty(draft.slug()), orEmpty(draft.bodyMarkdown()),
                orEmpty(draft.excerpt()), current.isPage() ? null : draft.sectionId(), draft.featuredMediaId(),
                orEmpty(draft.seoTitle()), orEmpty(draft.seoDescription()),
                draft.status() == null || draft.status() == ArticleStatus.TRASH ? current.status() : draft.status(),
                draft.publishedAt(), draft.tagNames() == null ? List.of() : List.copyOf(draft.tagNames()),
                draft.authorIds() == null ? List.of() : List.copyOf(draft.authorIds()));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    // ---- the trash

    /**
     * Moves an article to the trash (whoever may edit it may), if it is still at {@code version}. A public one
     * leaves the site at once (its pages are dropped) and its addresses answer 410 Gone.
     */
    public void trash(Actor actor, long id, long version) {
        Instant now = clock.instant();
        changes.write("article.trashed", handle -> {
            store.lock(handle, id);
            List<Section> sections = taxonomy.sectionsForArticleWrite(handle);
            Article before = store.findById(handle, id).orElseThrow(() -> gone(id));
            mayEdit(actor, before, "move to the trash");
            if (before.status() == ArticleStatus.TRASH) {
                throw new Conflict("“" + before.title() + "” is in the trash already.");
            }
            if (before.version() != version) {
                throw conflict(before);
            }
            if (before.isPublic()) {
                store.rememberGone(handle, id, now);
            }
            store.trash(handle, id, version, now);
            Article after = store.findById(handle, id).orElseThrow();
            keep(handle, actor, after, "Moved to the trash", now);
            return Written.of(id, ArticleService.changedKeys(sections, Optional.of(before), Optional.of(after)),
                    List.of(new Change.Entity(Change.Entity.ARTICLE, id, before.isPublic(), false)));
        });
    }

    /** Takes an article out of the trash, back to the status it left, its publication date kept. */
    public Article restore(Actor actor, long id) {
        Instant now = clock.instant();
        changes.write("article.restored", handle -> {
            store.lock(handle, id);
            List<Section> sections = taxonomy.sectionsForArticleWrite(handle);
            Article before = store.findById(handle, id).orElseThrow(() -> gone(id));
            if (before.status() != ArticleStatus.TRASH) {
                throw new Conflict("“" + before.title() + "” is not in the trash (someone restored it already).");
            }
            mayEdit(actor, before, "restore");
            if (before.statusBeforeTrash().needsPublishing() && !Policy.mayPublish(actor, before.authorIds())) {
                throw new Forbidden("It was " + before.statusBeforeTrash().label().toLowerCase(java.util.Locale.ROOT)
                        + " and your role may not publish: ask an editor to restore it.");
            }
            store.restore(handle, id, now);
            Article after = store.findById(handle, id).orElseThrow();
            if (after.isPublic()) {
                store.forgetGone(handle, id);
            }
            keep(handle, actor, after, "Restored from the trash", now);
            return Written.of(id, ArticleService.changedKeys(sections, Optional.of(before), Optional.of(after)),
                    List.of(new Change.Entity(Change.Entity.ARTICLE, id, false, after.isPublic())));
        });
        return store.findById(id).orElseThrow();
    }

    /** Deletes an article in the trash for good, with its revisions and notes. Only the trash can be emptied. */
    public void deleteForever(Actor actor, long id) {
        changes.write("article.deleted", handle -> {
            store.lock(handle, id);
            Article before = store.findById(handle, id).orElseThrow(() -> gone(id));
            if (before.status() != ArticleStatus.TRASH) {
                throw new Invalid(Map.of("status", "Only an article in the trash can be deleted for good: move “"
                        + before.title() + "” to the trash first."));
            }
            mayEdit(actor, before, "delete");
            store.deleteTrashed(handle, id);
            return Written.of(id, Set.<String>of(),
                    List.of(new Change.Entity(Change.Entity.ARTICLE, id, false, false)));
        });
    }

    /**
     * Deletes every article moved to the trash more than {@link #TRASH_DAYS} days before {@code now}, and forgets
     * editors seen in an article over an hour ago. Run by the schedule tick on every node (under its cluster-wide
     * lock); a restore racing it wins or finds the article gone.
     *
     * @return how many articles were deleted
     */
    public int emptyTrash(Instant now) {
        presence.prune(now.minus(Duration.ofHours(1)));
        Instant cutoff = now.minus(Duration.ofDays(TRASH_DAYS));
        if (!store.anyTrashedBefore(cutoff)) {
            return 0; // the usual case: one indexed read, no write
        }
        return changes.write("articles.trash-emptied", handle -> {
            var entities = new ArrayList<Change.Entity>();
            for (long id : store.trashedBefore(handle, cutoff)) {
                if (store.deleteTrashed(handle, id)) {
                    entities.add(new Change.Entity(Change.Entity.ARTICLE, id, false, false));
                }
            }
            return Written.of(entities.size(), Set.<String>of(), entities);
        });
    }

    // ---- revisions

    /** The article's revisions, newest first: every save, and at most one autosave per person. */
    public List<Revision> revisions(Actor actor, long articleId) {
        requireOpen(actor, articleId);
        return revisions.list(articleId);
    }

    /** The same without what each revision holds: for lists of them. */
    public List<RevisionEntry> revisionEntries(Actor actor, long articleId) {
        requireOpen(actor, articleId);
        return revisions.entries(articleId);
    }

    /** The article's newest save and its autosaves (at most one per person), newest first, without their texts. */
    public List<RevisionEntry> latestRevisions(Actor actor, long articleId) {
        requireOpen(actor, articleId);
        return revisions.latest(articleId);
    }

    public Optional<Revision> revision(Actor actor, long revisionId) {
        Optional<Revision> revision = revisions.find(revisionId);
        revision.ifPresent(found -> requireOpen(actor, found.articleId()));
        return revision;
    }

    /** What changed from one revision to another of the same article. */
    public RevisionDiff diff(Actor actor, long fromRevisionId, long toRevisionId) {
        Revision from = revision(actor, fromRevisionId).orElseThrow(() -> noRevision(fromRevisionId));
        Revision to = revision(actor, toRevisionId).orElseThrow(() -> noRevision(toRevisionId));
        if (from.articleId() != to.articleId()) {
            throw new Invalid(Map.of("to", "These two revisions are of different articles."));
        }
        return RevisionDiffs.between(from, to);
    }

    /**
     * Brings back what a revision held (headline, dek, slug, body, excerpt, section, image, tags, authors, SEO),
     * as a new save over {@code currentVersion}, hence a new revision; the status and publication date stay as
     * they are now (restoring an old text does not publish or unpublish).
     */
    public Article restoreRevision(Actor actor, long articleId, long revisionId, long currentVersion) {
        Revision revision = revision(actor, revisionId).orElseThrow(() -> noRevision(revisionId));
        if (revision.articleId() != articleId) {
            throw noRevision(revisionId);
        }
        Article current = requireOpen(actor, articleId);
        // its tags as they stand now: one deleted since stays deleted (a renamed or merged one is found by its
        // old slug and is the tag it became)
        List<String> tags = revision.tagNames().stream().filter(taxonomy::tagStands).toList();
        var draft = new ArticleDraft(articleId, revision.title(), revision.dek(), revision.slug(),
                revision.bodyMarkdown(), revision.excerpt(), revision.featuredMediaId(), current.status(),
                current.isPage() ? null : revision.sectionId(), revision.authorIds(), tags,
                current.status() == ArticleStatus.SCHEDULED ? current.publishedAt() : null, currentVersion,
                revision.seoTitle(), revision.seoDescription(), current.kind());
        return save(actor, draft, "Restored the revision of " + revision.at() + " (" + revision.who() + ")");
    }

    // ---- corrections and updates

    /**
     * Appends a dated correction or update to a published article (editors and administrators). It shows on the
     * article at once (its cached page is dropped), moves its modified date, and is kept for good, with a
     * revision saying so.
     */
    public Article addNote(Actor actor, long articleId, NoteKind kind, String text, Placement placement) {
        Policy.require(actor, Capability.EDIT_OTHERS_ARTICLES, "add corrections or updates");
        var errors = new java.util.LinkedHashMap<String, String>();
        String body = text == null ? "" : text.strip();
        if (kind == null) {
            errors.put("kind", "Choose correction or update.");
        }
        if (placement == null) {
            errors.put("placement", "Choose where it shows: at the top or at the foot of the article.");
        }
        if (body.isEmpty()) {
            errors.put("text", "Write the correction or update.");
        } else if (body.length() > NOTE_MAX) {
            errors.put("text", "Keep it under " + NOTE_MAX + " characters (it has " + body.length() + ").");
        } else if (dev.byline.text.ControlCharacters.inLines(body)) {
            errors.put("text", "This has a control character in it (from a paste, perhaps): type it again.");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        Instant now = clock.instant();
        changes.write("article.noted", handle -> {
            store.lock(handle, articleId);
            Article article = store.findById(handle, articleId).orElseThrow(() -> gone(articleId));
            if (!article.isPublic()) {
                throw new Invalid(Map.of("status", "Corrections and updates go on published articles; “"
                        + article.title() + "” is " + article.status().label().toLowerCase(java.util.Locale.ROOT)
                        + "."));
            }
            notes.insert(handle, articleId, kind, body, placement, now, actor.userId());
            store.touch(handle, articleId, now);
            keep(handle, actor, store.findById(handle, articleId).orElseThrow(), kind.label() + ": " + body, now);
            // its page, and when it last changed in its month's sitemap (a page's is its own article key)
            return Written.of(articleId, article.isPage() ? Set.of(Keys.article(articleId))
                            : Set.of(Keys.article(articleId), Keys.sitemap(Keys.month(article.publishedAt()))),
                    List.of(new Change.Entity(Change.Entity.ARTICLE, articleId, true, true)));
        });
        return store.findById(articleId).orElseThrow();
    }

    /** The article's corrections and updates, oldest first. */
    public List<Note> notes(long articleId) {
        return notes.list(articleId);
    }

    // ---- presence

    /**
     * Notes that {@code actor} has the article open now (the editor says so every few seconds), and answers who
     * else has, as {@link #othersEditing} does, from the one check that {@code actor} may open it.
     */
    public List<String> here(Actor actor, long articleId) {
        requireOpen(actor, articleId);
        Instant now = clock.instant();
        if (actor.userId() != 0) {
            presence.here(articleId, actor.userId(), now);
        }
        return presence.others(articleId, actor.userId(), now.minus(PRESENCE));
    }

    /** The names of the others who had the article open within the last {@link #PRESENCE}, on any node. */
    public List<String> othersEditing(Actor actor, long articleId) {
        requireOpen(actor, articleId); // who is in a story is for those who may open it
        return presence.others(articleId, actor.userId(), clock.instant().minus(PRESENCE));
    }

    // ---- reading

    /**
     * An unsaved article as the draft would make it, its body rendered by the same renderer as a save; nothing is
     * stored. For the editor's preview.
     */
    public Article preview(Actor actor, ArticleDraft draft) {
        Policy.require(actor, Capability.WRITE_ARTICLES, "write articles");
        Optional<Article> current = Optional.empty();
        if (draft.id() != 0) {
            current = Optional.of(requireOpen(actor, draft.id()));
        }
        return articles.preview(draft, current);
    }

    /**
     * The article, for the desk: empty when there is none; {@link Forbidden} when it is someone else's and the
     * actor may not edit it. One's own articles open always (a contributor sees their published story).
     */
    public Optional<Article> find(Actor actor, long id) {
        Policy.require(actor, Capability.WRITE_ARTICLES, "open articles");
        Optional<Article> article = store.findById(id);
        article.filter(found -> !Policy.owns(actor, found.authorIds())).ifPresent(found -> mayEdit(actor, found, "open"));
        return article;
    }

    /** The tag names of an article, in its order. */
    List<String> tagNames(Article article) {
        Map<Long, String> names = new java.util.HashMap<>();
        for (Tag tag : taxonomy.tags(article.tagIds())) {
            names.put(tag.id(), tag.name());
        }
        return article.tagIds().stream().map(names::get).filter(java.util.Objects::nonNull).toList();
    }

    private Article requireOpen(Actor actor, long articleId) {
        return find(actor, articleId).orElseThrow(() -> gone(articleId));
    }

    /** A revision saying what happened to the article, who and when, in the transaction that did it. */
    private void keep(Handle handle, Actor actor, Article article, String note, Instant now) {
        revisions.insert(handle, ArticleService.revisionOf(article, tagNames(article), actor.name(), note, false, now),
                actor.userId());
    }

    private static NotFound gone(long id) {
        return new NotFound("There is no article " + id + "; it may have been deleted.");
    }

    private static NotFound noRevision(long id) {
        return new NotFound("There is no revision " + id + " of this article.");
    }

    private static Conflict conflict(Article current) {
        return new Conflict("Someone saved this article after you opened it (it is at version " + current.version()
                + ", last changed " + current.updatedAt() + "). Nothing was changed: reload it, then try again.");
    }
}
