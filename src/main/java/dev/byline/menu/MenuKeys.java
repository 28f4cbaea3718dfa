package dev.byline.menu;

import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.SectionMenus;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * When a section's change changes the menus (which are on every page, so {@link dev.byline.change.Keys#NAV}
 * drops every page), asked by the section writes in their transaction: the default header shows the top-level
 * sections, so a top-level section created, deleted, renamed, given a new slug, reordered or moved in or out of the
 * top level changes it; a menu item showing a section changes when its slug changes, when the section is deleted,
 * and when its name changes unless the item has a label of its own.
 *
 * <p>Pages are the article service's: it announces {@code nav} whenever a page comes or goes or changes its title
 * or address. A deleted page leaves its item without one (ON DELETE SET NULL): readers no longer see it, and the
 * menus page shows it struck out for an editor to remove.
 */
public final class MenuKeys implements SectionMenus {

    private final MenuStore store;

    public MenuKeys(MenuStore store) {
        this.store = store;
    }

    @Override
    public boolean changes(Handle handle, Section before, Section after) {
        if (!store.menu(handle, Menu.Name.HEADER).customised() && defaultHeaderChanges(before, after)) {
            return true;
        }
        long id = before != null ? before.id() : after.id();
        for (MenuItem item : store.showingSection(handle, id)) {
            if (before == null || after == null || !before.slug().equals(after.slug())
                    || item.label().isEmpty() && !before.name().equals(after.name())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void removing(Handle handle, long sectionId) {
        for (Menu menu : store.all(handle).values()) {
            var layout = new MenuService.Layout(menu);
            List<MenuItem> showing = menu.items().stream()
                    .filter(item -> item.kind() == MenuItem.Kind.SECTION && item.sectionId() == sectionId).toList();
            if (showing.isEmpty()) {
                continue;
            }
            showing.forEach(layout::remove);
            layout.write(store, handle);
        }
    }

    private static boolean defaultHeaderChanges(Section before, Section after) {
        boolean wasShown = before != null && before.isTopLevel();
        boolean isShown = after != null && after.isTopLevel();
        if (!wasShown && !isShown) {
            return false;
        }
        return wasShown != isShown || !before.name().equals(after.name()) || !before.slug().equals(after.slug())
                || before.position() != after.position();
    }
}
