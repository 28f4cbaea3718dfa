package dev.byline.menu;

import dev.byline.db.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for the menus and their items (V008__structure.sql). */
public final class MenuStore {

    private static final String ITEM = """
            SELECT i.id, i.menu, i.parent_id, i.position, i.kind, i.section_id, i.article_id, i.url, i.label,
                   a.title AS page_title, a.slug AS page_slug, a.status AS page_status
            FROM menu_items i LEFT JOIN articles a ON a.id = i.article_id
            """;

    private final Jdbi jdbi;

    public MenuStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Both menus, for a page render: two small queries. */
    SiteMenus site() {
        return jdbi.withHandle(handle -> {
            Map<Menu.Name, Menu> menus = all(handle);
            return new SiteMenus(menus.get(Menu.Name.HEADER), menus.get(Menu.Name.FOOTER));
        });
    }

    Map<Menu.Name, Menu> all(Handle handle) {
        List<MenuItem> items = handle.createQuery(ITEM).map(MenuStore::mapItem).list();
        return handle.createQuery("SELECT name, version, customised FROM menus")
                .map((rs, ctx) -> {
                    Menu.Name name = Menu.Name.parse(rs.getString("name")).orElseThrow();
                    return new Menu(name, rs.getLong("version"), rs.getInt("customised") != 0,
                            ordered(items.stream().filter(item -> item.menu() == name).toList()));
                })
                .list().stream().collect(Collectors.toMap(Menu::name, menu -> menu));
    }

    Menu menu(Handle handle, Menu.Name name) {
        return all(handle).get(name);
    }

    /**
     * Moves the menu from version {@code expected} to the next, or changes nothing and answers false when it is
     * not at {@code expected}: someone changed it since the page was made. On PostgreSQL a second writer from the
     * same version waits for the first's row lock, then finds the version moved on; SQLite has one writer.
     */
    boolean claim(Handle handle, Menu.Name name, long expected) {
        return handle.createUpdate("""
                        UPDATE menus SET version = version + 1, customised = 1
                        WHERE name = :name AND version = :expected
                        """)
                .bind("name", name.key()).bind("expected", expected).execute() == 1;
    }

    /** The header back to the default (the top-level sections): its items go. */
    void reset(Handle handle, Menu.Name name) {
        handle.createUpdate("DELETE FROM menu_items WHERE menu = :name").bind("name", name.key()).execute();
        handle.createUpdate("UPDATE menus SET customised = 0 WHERE name = :name").bind("name", name.key()).execute();
    }

    long insert(Handle handle, MenuItem item) {
        return handle.createUpdate("""
                        INSERT INTO menu_items (menu, parent_id, position, kind, section_id, article_id, url, label)
                        VALUES (:menu, :parentId, :position, :kind, :sectionId, :articleId, :url, :label)
                        """)
                .bind("menu", item.menu().key()).bind("parentId", item.parentId()).bind("position", item.position())
                .bind("kind", item.kind().key()).bind("sectionId", item.sectionId())
                .bind("articleId", item.articleId()).bind("url", item.url()).bind("label", item.label())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void place(Handle handle, long id, Long parentId, int position) {
        handle.createUpdate("UPDATE menu_items SET parent_id = :parentId, position = :position WHERE id = :id")
                .bind("parentId", parentId).bind("position", position).bind("id", id).execute();
    }

    void delete(Handle handle, long id) {
        handle.createUpdate("DELETE FROM menu_items WHERE id = :id").bind("id", id).execute();
    }

    /** A published page (not an article), as a menu item shows it; empty for anything else. */
    java.util.Optional<MenuItem.PageTarget> publishedPage(Handle handle, long articleId) {
        return handle.createQuery("""
                        SELECT title, slug FROM articles WHERE id = :id AND kind = 'page' AND status = 'published'
                        """)
                .bind("id", articleId)
                .map((rs, ctx) -> new MenuItem.PageTarget(rs.getString("title"), rs.getString("slug"), true))
                .findOne();
    }

    /** The published pages, by title: what a page item may show. */
    List<MenuService.PageChoice> publishedPages() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, title, slug FROM articles WHERE kind = 'page' AND status = 'published'
                        ORDER BY LOWER(title), id
                        """)
                .map((rs, ctx) -> new MenuService.PageChoice(rs.getLong("id"), rs.getString("title"),
                        rs.getString("slug")))
                .list());
    }

    /** The items that show one section, in any menu. */
    List<MenuItem> showingSection(Handle handle, long sectionId) {
        return handle.createQuery(ITEM + " WHERE i.section_id = :id").bind("id", sectionId)
                .map(MenuStore::mapItem).list();
    }

    /** Top-level items by position, each followed by its children by position. */
    private static List<MenuItem> ordered(List<MenuItem> items) {
        Comparator<MenuItem> byPosition = Comparator.comparingInt(MenuItem::position).thenComparingLong(MenuItem::id);
        var ordered = new ArrayList<MenuItem>();
        items.stream().filter(item -> !item.isNested()).sorted(byPosition).forEach(top -> {
            ordered.add(top);
            items.stream().filter(item -> Long.valueOf(top.id()).equals(item.parentId())).sorted(byPosition)
                    .forEach(ordered::add);
        });
        return ordered;
    }

    private static MenuItem mapItem(ResultSet rs, StatementContext ctx) throws SQLException {
        Long articleId = Columns.nullableLong(rs, "article_id");
        String title = rs.getString("page_title");
        MenuItem.PageTarget page = articleId == null || title == null ? null
                : new MenuItem.PageTarget(title, rs.getString("page_slug"), "published".equals(rs.getString("page_status")));
        return new MenuItem(rs.getLong("id"), Menu.Name.parse(rs.getString("menu")).orElseThrow(),
                Columns.nullableLong(rs, "parent_id"), rs.getInt("position"),
                MenuItem.Kind.parse(rs.getString("kind")).orElseThrow(), Columns.nullableLong(rs, "section_id"),
                articleId, rs.getString("url"), rs.getString("label"), page);
    }
}
