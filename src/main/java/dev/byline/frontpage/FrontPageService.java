package dev.byline.frontpage;

import dev.byline.account.Actor;
import dev.byline.account.Capability;
import dev.byline.account.Policy;
import dev.byline.article.ArticleSummary;
import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.change.Keys;
import dev.byline.error.Conflict;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.text.LikePatterns;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The front page's picks: the lead story and the stories pinned above the latest. Chosen by whoever may edit and
 * publish everyone's articles (editors and administrators: the front page weighs the whole newsroom's work). Each
 * change carries the version of the picks it was made from: one made from an older version is refused with
 * {@link Conflict}, so two editors at once never undo each other silently. A change announces {@link Keys#FRONT},
 * which only the home page's first page shows.
 *
 * <p>Only published articles can be picked, and as a {@link ChangeFeed.Participant} this takes a pick off the
 * front page in the same transaction as the write that unpublishes, trashes or deletes it.
 */
public final class FrontPageService implements ChangeFeed.Participant {

    /** The most stories pinned above the latest. */
    public static final int MAX_PINNED = 6;
    private static final int SEARCH_LIMIT = 20;
    private static final String PICK = "choose the front page's stories";

    private final FrontPageStore store;
    private final ChangeFeed changes;

    public FrontPageService(FrontPageStore store, ChangeFeed changes) {
        this.store = store;
        this.changes = changes;
    }

    /** The picks as they stand, for the home page: ids only (the read model shows the published ones). */
    public FrontPage current() {
        return store.read();
    }

    /** The published articles among {@code ids} as teasers show them, in no particular order. */
    public List<ArticleSummary> stories(Collection<Long> ids) {
        return store.summaries(ids);
    }

    /** What the front page's desk shows: the picks, the stories they are, and stories to pick from. */
    public record Desk(FrontPage picks, Map<Long, Story> picked, List<Story> candidates) {
    }

    /** The picks, and the newest published stories whose title contains {@code search} (all of them when blank). */
    public Desk desk(Actor actor, String search) {
        Policy.require(actor, Capability.EDIT_OTHERS_ARTICLES, PICK);
        FrontPage picks = store.read();
        var ids = new ArrayList<>(picks.pinned());
        picks.lead().ifPresent(ids::add);
        return new Desk(picks, store.published(ids), store.search(LikePatterns.containing(search), SEARCH_LIMIT));
    }

    /** Makes a published story the lead (taking it out of the pinned ones if it was there). */
    public FrontPage lead(Actor actor, long version, long articleId) {
        return change(actor, version, "front-page.lead", (handle, picks) -> {
            requirePublished(handle, articleId);
            var pinned = new ArrayList<>(picks.pinned());
            pinned.remove(articleId);
            return new FrontPage(picks.version(), Optional.of(articleId), pinned);
        });
    }

    /** No lead chosen: the newest story leads again. */
    public FrontPage clearLead(Actor actor, long version) {
        return change(actor, version, "front-page.lead-cleared",
                (handle, picks) -> new FrontPage(picks.version(), Optional.empty(), picks.pinned()));
    }

    /** Pins a published story, last of the pinned ones. */
    public FrontPage pin(Actor actor, long version, long articleId) {
        return change(actor, version, "front-page.pinned", (handle, picks) -> {
            requirePublished(handle, articleId);
            if (picks.lead().filter(id -> id == articleId).isPresent()) {
                throw new Invalid(Map.of("articleId", "That story is the lead already."));
            }
            if (picks.pinned().contains(articleId)) {
                throw new Invalid(Map.of("articleId", "That story is pinned already."));
            }
            if (picks.pinned().size() >= MAX_PINNED) {
                throw new Invalid(Map.of("articleId", "Up to " + MAX_PINNED + " stories can be pinned: unpin one "
                        + "first."));
            }
            var pinned = new ArrayList<>(picks.pinned());
            pinned.add(articleId);
            return new FrontPage(picks.version(), picks.lead(), pinned);
        });
    }

    public FrontPage unpin(Actor actor, long version, long articleId) {
        return change(actor, version, "front-page.unpinned", (handle, picks) -> {
            var pinned = new ArrayList<>(picks.pinned());
            if (!pinned.remove(articleId)) {
                throw new NotFound("That story is not pinned (any more).");
            }
            return new FrontPage(picks.version(), picks.lead(), pinned);
        });
    }

    /** One place up ({@code step < 0}) or down among the pinned stories. */
    public FrontPage move(Actor actor, long version, long articleId, int step) {
        return change(actor, version, "front-page.moved", (handle, picks) -> {
            var pinned = new ArrayList<>(picks.pinned());
            int from = pinned.indexOf(articleId);
            if (from < 0) {
                throw new NotFound("That story is not pinned (any more).");
            }
            int to = Math.max(0, Math.min(pinned.size() - 1, from + Integer.signum(step)));
            pinned.add(to, pinned.remove(from));
            return new FrontPage(picks.version(), picks.lead(), pinned);
        });
    }

    private interface Edit {
        FrontPage apply(Handle handle, FrontPage picks);
    }

    private FrontPage change(Actor actor, long version, String kind, Edit change) {
        Policy.require(actor, Capability.EDIT_OTHERS_ARTICLES, PICK);
        return changes.write(kind, handle -> {
            if (!store.claim(handle, version)) {
                throw new Conflict("Someone changed the front page after you opened this page, so your change was "
                        + "not made. This is the front page as it is now: make your change again if it is still "
                        + "needed.");
            }
            FrontPage next = change.apply(handle, store.read(handle));
            store.replace(handle, next.lead(), next.pinned());
            return Written.of(store.read(handle), Set.of(Keys.FRONT),
                    List.of(Change.Entity.shown(Change.Entity.FRONT_PAGE, 1,
                            false)));
        });
    }

    private void requirePublished(Handle handle, long articleId) {
        if (store.published(handle, articleId).isEmpty()) {
            throw new Invalid(Map.of("articleId", "Only a published story can go on the front page; that one is "
                    + "not published (or no longer exists)."));
        }
    }

    /**
     * Takes articles that leave the public site (unpublished, trashed, deleted) off the front page, in the same
     * transaction. The picks' row is locked first, so a pick being made at this moment either finished before (and
     * is removed here) or waits and then finds the article no longer published.
     */
    @Override
    public Set<String> keys(Handle handle, List<Change.Entity> entities) {
        List<Long> gone = entities.stream()
                .filter(entity -> entity.kind().equals(Change.Entity.ARTICLE)
                        && entity.publicBefore() && !entity.publicAfter())
                .map(Change.Entity::id).toList();
        if (gone.isEmpty()) {
            return Set.of();
        }
        store.lock(handle);
        if (store.remove(handle, gone) == 0) {
            return Set.of();
        }
        store.raiseVersion(handle);
        return Set.of(Keys.FRONT);
    }
}
