package dev.byline.taxonomy;

import org.jdbi.v3.core.Handle;

/**
 * What the site's menus show of sections, asked when a section changes so the write announces
 * {@link dev.byline.change.Keys#NAV} (every page) exactly when a menu changes with it. Implemented by the menus
 * ({@code dev.byline.menu}), which know whether the header is the default one (the top-level sections) or one the
 * editors made, and which of their items show a section's name.
 */
public interface SectionMenus {

    /**
     * Whether a menu looks different once {@code before} has become {@code after}, read in the writer's
     * transaction.
     *
     * @param before the section as it was, or null when it is being created
     * @param after  the section as it will be, or null when it is being deleted
     */
    boolean changes(Handle handle, Section before, Section after);

    /**
     * A section is about to be deleted: its menu items go with it (ON DELETE CASCADE), so the items nested under
     * them are moved up to the top level first, where their parent was.
     */
    void removing(Handle handle, long sectionId);
}
