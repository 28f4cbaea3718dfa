package dev.byline.menu;

import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.change.Keys;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.SectionMenus;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * When writes to other things change the menus (which are on every page, so {@link Keys#NAV} drops every page),
 * decided in the writer's transaction:
 *
 * <ul>
 *   <li>a section ({@link SectionMenus}, asked by the section writes): the default header shows the top-level
 *       sections, so a top-level section created, deleted, renamed, given a new slug, reordered or moved in or out
 *       of the top level changes it; a menu item showing a section changes when its slug changes, when it is
 *       deleted, and when its name changes unless the item has a label of its own;</li>
 *   <li>a page (a {@link ChangeFeed.Participant}): a menu item showing a page changes whenever readers see the
 *       page change (its title, its slug, its going on or off the site), and a page item whose page was deleted is
 *       taken out.</li>
 * </ul>
 */
public final class MenuKeys implements SectionMenus, ChangeFeed.Participant {

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

    @Override
    public Set<String> keys(Handle handle, List<Change.Entity> entities) {
        List<Long> shown = entities.stream()
                .filter(entity -> entity.kind().equals(Change.Entity.ARTICLE) && entity.touchesPublic())
                .map(Change.Entity::id).toList();
        boolean someGone = entities.stream().anyMatch(entity -> entity.kind().equals(Change.Entity.ARTICLE)
                && !entity.publicAfter());
        // a deleted page leaves its item without one (ON DELETE SET NULL): take it out now
        if (someGone && !store.dropOrphans(handle).isEmpty()) {
            return Set.of(Keys.NAV);
        }
        return store.showsAnyArticle(handle, shown) ? Set.of(Keys.NAV) : Set.of();
    }
}
