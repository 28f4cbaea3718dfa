package dev.byline.menu;

import dev.byline.account.Actor;
import dev.byline.account.Capability;
import dev.byline.account.Policy;
import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.change.Keys;
import dev.byline.error.Conflict;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.TaxonomyService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The header and footer menus: read by every public page, edited by whoever may manage sections and tags (editors
 * and administrators: a menu is the paper's structure, as its sections are). Each edit is one item at a time (add,
 * remove, up, down, nest under the item above, take out of its parent) and carries the version of the menu it was
 * made from: an edit from an older version is refused with {@link Conflict}, so two editors at once never undo each
 * other silently. Every edit announces {@link Keys#NAV}: the menus are on every page.
 *
 * <p>A header never edited shows the top-level sections (the default); the first edit starts from those, as items,
 * and {@link #reset} goes back to the default.
 */
public final class MenuService {

    /** The most items a menu takes: a header is read at a glance. */
    public static final int MAX_ITEMS = 40;
    static final int LABEL_MAX = 80;
    private static final String EDIT = "edit the menus";

    private final MenuStore store;
    private final TaxonomyService taxonomy;
    private final ChangeFeed changes;

    public MenuService(MenuStore store, TaxonomyService taxonomy, ChangeFeed changes) {
        this.store = store;
        this.taxonomy = taxonomy;
        this.changes = changes;
    }

    /** What a new item links to, as chosen; {@code parentId} null for the top level. */
    public record NewItem(MenuItem.Kind kind, Long sectionId, Long articleId, String url, String label, Long parentId) {
    }

    /** A published page, as the add form offers it. */
    public record PageChoice(long id, String title, String slug) {
    }

    /** The published pages a page item may show (About, Contact…), by title. */
    public List<PageChoice> pages(Actor actor) {
        Policy.require(actor, Capability.MANAGE_TAXONOMY, EDIT);
        return store.publishedPages();
    }

    /** Both menus, for the public pages (no one's role to check: every reader sees them). */
    public SiteMenus site() {
        return store.site();
    }

    /** Both menus as the admin shows them. */
    public SiteMenus menus(Actor actor) {
        Policy.require(actor, Capability.MANAGE_TAXONOMY, EDIT);
        return store.site();
    }

    public Menu add(Actor actor, Menu.Name name, long version, NewItem input) {
        Policy.require(actor, Capability.MANAGE_TAXONOMY, EDIT);
        NewItem item = checked(input);
        return edit(actor, name, version, "menu.item-added", (handle, layout) -> {
            if (layout.size() >= MAX_ITEMS) {
                throw new Invalid(Map.of("kind", "The " + name.label + " has " + MAX_ITEMS
                        + " items, the most it takes: remove one first."));
            }
            if (item.kind() == MenuItem.Kind.SECTION && taxonomy.findSection(item.sectionId()).isEmpty()) {
                throw new Invalid(Map.of("sectionId", "That section no longer exists."));
            }
            if (item.kind() == MenuItem.Kind.PAGE && store.publishedPage(handle, item.articleId()).isEmpty()) {
                throw new Invalid(Map.of("articleId", "Only a published page can go in a menu; that one is not "
                        + "published (or no longer exists)."));
            }
            Layout.Branch parent = item.parentId() == null ? null : layout.branch(item.parentId())
                    .orElseThrow(() -> new Invalid(Map.of("parentId",
                            "Nest it under an item at the top level of this menu.")));
            var placed = new MenuItem(0, name, item.parentId(), 0, item.kind(), item.sectionId(), item.articleId(),
                    item.kind() == MenuItem.Kind.LINK ? item.url().strip() : "", item.label().strip(), null);
            long id;
            try {
                id = store.insert(handle, placed);
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                if (dev.byline.db.Constraints.isForeignKeyViolation(e)) { // its section or page went a moment ago
                    throw new Invalid(Map.of(item.kind() == MenuItem.Kind.PAGE ? "articleId" : "sectionId",
                            "That was deleted a moment ago."));
                }
                throw e;
            }
            layout.add(placed.placedWithId(id), parent);
        });
    }

    public Menu remove(Actor actor, Menu.Name name, long version, long itemId) {
        return edit(actor, name, version, "menu.item-removed",
                (handle, layout) -> layout.remove(layout.item(itemId)));
    }

    /** One place up ({@code step < 0}) or down among its siblings. */
    public Menu move(Actor actor, Menu.Name name, long version, long itemId, int step) {
        return edit(actor, name, version, "menu.item-moved",
                (handle, layout) -> layout.move(layout.item(itemId), Integer.signum(step)));
    }

    /** Nests a top-level item (without items of its own) under the top-level item above it, as its last item. */
    public Menu nest(Actor actor, Menu.Name name, long version, long itemId) {
        return edit(actor, name, version, "menu.item-nested", (handle, layout) -> layout.nest(layout.item(itemId)));
    }

    /** Takes a nested item out of its parent, to the top level just after it. */
    public Menu unnest(Actor actor, Menu.Name name, long version, long itemId) {
        return edit(actor, name, version, "menu.item-unnested",
                (handle, layout) -> layout.unnest(layout.item(itemId)));
    }

    /** Makes the header the editors' own, starting from the default (the top-level sections), changing nothing else. */
    public Menu customise(Actor actor, Menu.Name name, long version) {
        return edit(actor, name, version, "menu.customised", (handle, layout) -> {
        });
    }

    /** The header back to the default (the top-level sections, as they come); its items go. */
    public Menu reset(Actor actor, Menu.Name name, long version) {
        Policy.require(actor, Capability.MANAGE_TAXONOMY, EDIT);
        return changes.write("menu.reset", handle -> {
            claim(handle, name, version);
            store.reset(handle, name);
            return written(handle, name);
        });
    }

    private interface Edit {
        void apply(Handle handle, Layout layout);
    }

    /** Claims the version, starts a default header from its sections, applies the edit, writes the new places. */
    private Menu edit(Actor actor, Menu.Name name, long version, String kind, Edit edit) {
        Policy.require(actor, Capability.MANAGE_TAXONOMY, EDIT);
        return changes.write(kind, handle -> {
            Menu before = store.menu(handle, name);
            claim(handle, name, version);
            if (!before.customised() && name == Menu.Name.HEADER) {
                startFromDefault(handle, name);
            }
            var layout = new Layout(store.menu(handle, name));
            edit.apply(handle, layout);
            layout.write(store, handle);
            return written(handle, name);
        });
    }

    private void claim(Handle handle, Menu.Name name, long version) {
        if (!store.claim(handle, name, version)) {
            throw new Conflict("Someone changed the " + name.label + " after you opened this page, so your change "
                    + "was not made. This is the menu as it is now: make your change again if it is still needed.");
        }
    }

    /** The top-level sections, in their order, as the first items of a header the editors now make their own. */
    private void startFromDefault(Handle handle, Menu.Name name) {
        List<Section> top = taxonomy.sections().stream().filter(Section::isTopLevel)
                .sorted(java.util.Comparator.comparingInt(Section::position).thenComparing(Section::name)).toList();
        for (int position = 0; position < top.size(); position++) {
            store.insert(handle, new MenuItem(0, name, null, position, MenuItem.Kind.SECTION, top.get(position).id(),
                    null, "", "", null));
        }
    }

    private Written<Menu> written(Handle handle, Menu.Name name) {
        return Written.of(store.menu(handle, name), Set.of(Keys.NAV),
                List.of(Change.Entity.shown(Change.Entity.MENU, name.entityId, false)));
    }

    /** The new item's fields checked one by one, every problem at its field. */
    private static NewItem checked(NewItem input) {
        var errors = new java.util.LinkedHashMap<String, String>();
        String label = input.label() == null ? "" : input.label().strip();
        if (input.kind() == null) {
            errors.put("kind", "Choose what the item links to: a section, a page or an address.");
        } else if (input.kind() == MenuItem.Kind.SECTION && input.sectionId() == null) {
            errors.put("sectionId", "Choose a section.");
        } else if (input.kind() == MenuItem.Kind.PAGE && input.articleId() == null) {
            errors.put("articleId", "Choose a page.");
        } else if (input.kind() == MenuItem.Kind.LINK) {
            MenuLinks.problem(input.url()).ifPresent(problem -> errors.put("url", problem));
            if (label.isEmpty()) {
                errors.put("label", "A link needs the words to show, e.g. About us.");
            }
        }
        if (label.length() > LABEL_MAX) {
            errors.put("label", "Keep the label under " + LABEL_MAX + " characters (it has " + label.length() + ").");
        } else if (label.chars().anyMatch(Character::isISOControl)) {
            errors.put("label", "The label has a control character in it; type it again.");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return new NewItem(input.kind(), input.kind() == MenuItem.Kind.SECTION ? input.sectionId() : null,
                input.kind() == MenuItem.Kind.PAGE ? input.articleId() : null, input.url() == null ? "" : input.url(),
                label, input.parentId());
    }

    /** A menu as top-level branches with their children, changed in memory, then compared with what is stored. */
    static final class Layout {

        record Branch(MenuItem item, List<MenuItem> children) {
        }

        private final Menu stored;
        private final List<Branch> branches = new ArrayList<>();
        private final List<Long> removed = new ArrayList<>();

        Layout(Menu menu) {
            this.stored = menu;
            for (MenuItem top : menu.topLevel()) {
                branches.add(new Branch(top, new ArrayList<>(menu.children(top.id()))));
            }
        }

        int size() {
            return branches.stream().mapToInt(branch -> 1 + branch.children().size()).sum();
        }

        MenuItem item(long id) {
            return stored.item(id).orElseThrow(() -> new NotFound("That item is no longer in the " + stored.name().label
                    + "; someone may have removed it."));
        }

        Optional<Branch> branch(long id) {
            return branches.stream().filter(branch -> branch.item().id() == id).findFirst();
        }

        void add(MenuItem item, Branch parent) {
            if (parent == null) {
                branches.add(new Branch(item, new ArrayList<>()));
            } else {
                parent.children().add(item);
            }
        }

        /** Takes an item out; a top-level item's children take its place. */
        void remove(MenuItem item) {
            removed.add(item.id());
            for (Branch branch : branches) {
                if (branch.children().removeIf(child -> child.id() == item.id())) {
                    return;
                }
            }
            branch(item.id()).ifPresent(branch -> {
                int at = branches.indexOf(branch);
                branches.remove(at);
                for (int i = 0; i < branch.children().size(); i++) {
                    branches.add(at + i, new Branch(branch.children().get(i), new ArrayList<>()));
                }
            });
        }

        /** Writes the new places, then deletes what was removed (children moved out first: deleting cascades). */
        void write(MenuStore store, Handle handle) {
            changedPlaces().forEach(item -> store.place(handle, item.id(), item.parentId(), item.position()));
            removed.forEach(id -> store.delete(handle, id));
        }

        void move(MenuItem item, int step) {
            if (item.isNested()) {
                List<MenuItem> siblings = branch(item.parentId()).orElseThrow().children();
                int from = indexOf(siblings, item.id());
                siblings.add(clamp(from + step, siblings.size()), siblings.remove(from));
            } else {
                Branch branch = branch(item.id()).orElseThrow();
                int from = branches.indexOf(branch);
                branches.add(clamp(from + step, branches.size()), branches.remove(from));
            }
        }

        void nest(MenuItem item) {
            if (item.isNested()) {
                throw new Invalid(Map.of("item", "It is already nested: menus nest one level deep."));
            }
            Branch branch = branch(item.id()).orElseThrow();
            int at = branches.indexOf(branch);
            if (at == 0) {
                throw new Invalid(Map.of("item", "The first item has no item above it to nest under."));
            }
            if (!branch.children().isEmpty()) {
                throw new Invalid(Map.of("item", "It has items nested under it: menus nest one level deep. "
                        + "Take those out first."));
            }
            branches.remove(at);
            branches.get(at - 1).children().add(item);
        }

        void unnest(MenuItem item) {
            if (!item.isNested()) {
                throw new Invalid(Map.of("item", "It is already at the top level."));
            }
            Branch parent = branch(item.parentId()).orElseThrow();
            parent.children().removeIf(child -> child.id() == item.id());
            branches.add(branches.indexOf(parent) + 1, new Branch(item, new ArrayList<>()));
        }

        /** The items whose parent or position now differ from what is stored, placed where they now are. */
        List<MenuItem> changedPlaces() {
            var changed = new ArrayList<MenuItem>();
            for (int i = 0; i < branches.size(); i++) {
                Branch branch = branches.get(i);
                note(changed, branch.item(), null, i);
                for (int j = 0; j < branch.children().size(); j++) {
                    note(changed, branch.children().get(j), branch.item().id(), j);
                }
            }
            return changed;
        }

        private void note(List<MenuItem> changed, MenuItem item, Long parentId, int position) {
            Optional<MenuItem> was = stored.item(item.id());
            if (was.isEmpty() || !java.util.Objects.equals(was.get().parentId(), parentId)
                    || was.get().position() != position) {
                changed.add(item.placed(parentId, position));
            }
        }

        private static int indexOf(List<MenuItem> items, long id) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).id() == id) {
                    return i;
                }
            }
            throw new IllegalStateException("no item " + id);
        }

        private static int clamp(int index, int size) {
            return Math.max(0, Math.min(size - 1, index));
        }
    }
}
