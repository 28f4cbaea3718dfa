package dev.byline.change;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One committed write, as every subscriber sees it: what changed ({@link #entities}) and which page keys it touched
 * ({@link #keys}). Page invalidation reads the keys; the search index, feeds, webhooks and API ETags read the
 * entities.
 *
 * @param id       position in the {@code changes} table (on PostgreSQL not in commit order: see {@link ChangeFollower})
 * @param xid      the PostgreSQL transaction that wrote it; 0 on SQLite
 * @param kind     what kind of write, e.g. {@code article.updated}
 * @param entities the things written, with whether the public could see them before and after
 * @param keys     the page keys ({@link Keys}) to drop
 */
public record Change(long id, long xid, Instant at, String kind, List<Entity> entities, Set<String> keys) {

    /** The kind of the change a follower hands out when it cannot know what it missed: everything may have. */
    public static final String RESET = "feed.reset";

    public Change {
        entities = List.copyOf(entities);
        keys = Set.copyOf(keys);
    }

    /** Everything may have changed: drop every page, rebuild every index. */
    public boolean isReset() {
        return RESET.equals(kind) || keys.contains(Keys.ALL);
    }

    static Change reset(Instant at) {
        return new Change(0, 0, at, RESET, List.of(), Set.of(Keys.ALL));
    }

    /**
     * One thing a write touched.
     *
     * @param kind          {@code article}, {@code author}, {@code section}, {@code tag}, {@code media}, {@code menu}
     *                      (id 1 the header, 2 the footer) or {@code front-page} (id 1)
     * @param publicBefore  readers could see it before the write (false for something new)
     * @param publicAfter   readers can see it after the write (false once deleted, unpublished, or a draft)
     */
    public record Entity(String kind, long id, boolean publicBefore, boolean publicAfter) {

        public static final String ARTICLE = "article";
        public static final String AUTHOR = "author";
        public static final String SECTION = "section";
        public static final String TAG = "tag";
        public static final String MEDIA = "media";
        public static final String MENU = "menu";
        public static final String FRONT_PAGE = "front-page";

        /** Something readers see in every state it can be in (authors, sections, tags, media). */
        public static Entity shown(String kind, long id, boolean isNew) {
            return new Entity(kind, id, !isNew, true);
        }

        /** Did the public see it, or will they now? Changes to things never public touch no public page. */
        public boolean touchesPublic() {
            return publicBefore || publicAfter;
        }
    }
}
