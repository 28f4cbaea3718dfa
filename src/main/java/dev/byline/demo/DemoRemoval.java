package dev.byline.demo;

import dev.byline.account.Activity;
import dev.byline.account.ActivityLog;
import dev.byline.account.Actor;
import dev.byline.account.Capability;
import dev.byline.account.Policy;
import dev.byline.change.Change.Entity;
import dev.byline.change.ChangeFeed;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.change.Keys;
import dev.byline.demo.DemoStore.Use;
import dev.byline.media.MediaService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Takes the demo newspaper away: every marked article, author, section, tag and image, with the images' files
 * and scaled copies, in one transaction through the change feed (announcing {@link Keys#ALL}: every page on every
 * node is dropped). The {@code demo} setting then says "removed", so the demo never loads again. Running it again
 * finds nothing and changes nothing. The command line ({@code ./byline demo remove}) and the settings page call it;
 * only administrators may (the command line acts as one), and the removal is in the activity log.
 *
 * <p>What the newsroom made itself stays. When its own content uses a demo item (an article in a demo section, by
 * a demo author, with a demo tag or showing a demo image; a section of its own inside a demo section; an author of
 * its own with a demo avatar), removing that item would move, strip or break the newsroom's content, so the
 * removal is refused, nothing is removed, and {@link InUse} lists each use. Asked to keep what is used, it keeps
 * those items, and whatever they in turn need (a kept section's parents, a kept author's avatar), as the
 * newsroom's own, and removes the rest.
 */
public final class DemoRemoval {

    /** Counts of what was removed, and the demo items kept because the newsroom's content uses them. */
    public record Removed(int articles, int authors, int sections, int tags, int media, int files, List<Use> kept) {

        static final Removed NOTHING = new Removed(0, 0, 0, 0, 0, 0, List.of());

        public boolean nothing() {
            return articles + authors + sections + tags + media + files == 0 && kept.isEmpty();
        }

        /** "67 articles, 4 authors, 7 sections, 23 tags, 80 images", and what was kept, in words. */
        public String describe() {
            return articles + " articles, " + authors + " authors, " + sections + " sections, " + tags + " tags, "
                    + media + " images" + (kept.isEmpty() ? "" : "; kept as the newsroom's own because its content "
                    + "uses them: " + String.join("; ", kept.stream().map(Use::describe).toList()));
        }
    }

    /** The newsroom's own content uses demo items; nothing was removed. */
    public static final class InUse extends RuntimeException {

        private final List<Use> uses;

        InUse(List<Use> uses) {
            super("The newsroom's own content uses " + uses.size() + " demo item(s); nothing was removed.");
            this.uses = List.copyOf(uses);
        }

        public List<Use> uses() {
            return uses;
        }
    }

    private final DemoStore store;
    private final MediaService media;
    private final ChangeFeed changes;
    private final ActivityLog activity;
    private final Clock clock;

    public DemoRemoval(DemoStore store, MediaService media, ChangeFeed changes, ActivityLog activity, Clock clock) {
        this.store = store;
        this.media = media;
        this.changes = changes;
        this.activity = activity;
        this.clock = clock;
    }

    /** Whether there is demo content to remove: anything still marked as the demo's. */
    public boolean present() {
        return store.anyMarks();
    }

    /**
     * Removes the demo content.
     *
     * @param actor    who removes it: an administrator, or the command line
     * @param keepUsed keep the demo items the newsroom's own content uses, instead of refusing
     * @throws dev.byline.error.Forbidden unless {@code actor} may manage the settings
     * @throws InUse when the newsroom's content uses demo items and {@code keepUsed} is false
     */
    public Removed remove(Actor actor, boolean keepUsed) {
        Policy.require(actor, Capability.MANAGE_SETTINGS, "remove the demo content");
        if (store.state().filter(DemoStore.REMOVED::equals).isPresent() && !store.anyMarks()) {
            return Removed.NOTHING; // removed before: no change row, no dropped pages
        }
        return changes.write("demo.removed", handle -> {
            List<Use> kept = keepUsed ? keepWhatIsUsed(handle) : List.of();
            List<Use> uses = keepUsed ? List.of() : store.uses(handle);
            if (!uses.isEmpty()) {
                throw new InUse(uses); // rolls the transaction back: nothing removed
            }
            Map<String, Set<Long>> marks = store.marks(handle);
            List<Entity> entities = entities(handle, marks);
            List<String> paths = store.mediaPaths(handle, marks.get(Entity.MEDIA));
            var counts = new LinkedHashMap<String, Integer>();
            for (String kind : DemoStore.KINDS) { // articles first: their bylines, tags and media use go with them
                counts.put(kind, store.delete(handle, kind, marks.get(kind)));
            }
            store.clearMarks(handle);
            store.setState(handle, DemoStore.REMOVED, clock.millis());
            var rows = new Removed(counts.get(Entity.ARTICLE), counts.get(Entity.AUTHOR), counts.get(Entity.SECTION),
                    counts.get(Entity.TAG), counts.get(Entity.MEDIA), 0, kept);
            if (!rows.nothing()) {
                activity.record(handle, actor, Activity.DEMO_REMOVED, "demo content", rows.describe(), null);
            }
            // last, so that a refusal or a failed delete above leaves every file in place; should the commit
            // itself fail after this, the rows stay without their files and running the removal again ends it
            int files = media.deleteFiles(paths);
            var removed = new Removed(rows.articles(), rows.authors(), rows.sections(), rows.tags(), rows.media(),
                    files, kept);
            return Written.of(removed, removed.nothing() ? Set.of() : Set.of(Keys.ALL, Keys.DEMO), entities);
        });
    }

    /**
     * Unmarks every demo item the newsroom's content uses, then whatever those need in turn, until nothing that
     * stays uses anything that goes. Returns each use that kept an item.
     */
    private List<Use> keepWhatIsUsed(Handle handle) {
        var kept = new ArrayList<Use>();
        for (List<Use> uses = store.uses(handle); !uses.isEmpty(); uses = store.uses(handle)) {
            kept.addAll(uses);
            uses.forEach(use -> store.unmark(handle, use.kind(), use.id()));
        }
        return kept;
    }

    /** What the change says was removed: articles as they were (public or not), everything else as shown. */
    private List<Entity> entities(Handle handle, Map<String, Set<Long>> marks) {
        Set<Long> published = store.published(handle, marks.get(Entity.ARTICLE));
        var entities = new ArrayList<Entity>();
        marks.forEach((kind, ids) -> ids.stream().sorted().forEach(id -> entities.add(
                new Entity(kind, id, !kind.equals(Entity.ARTICLE) || published.contains(id), false))));
        return entities;
    }
}
