package dev.byline.web.admin;

import dev.byline.error.BadRequest;
import dev.byline.error.Conflict;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.menu.Menu;
import dev.byline.menu.MenuItem;
import dev.byline.menu.MenuService;
import dev.byline.menu.SiteMenus;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.SectionService;
import dev.byline.web.admin.PeopleViews.Option;
import dev.byline.web.admin.StructureViews.MenuPanel;
import dev.byline.web.admin.StructureViews.MenuRow;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * /admin/menus: the header and footer menus, one item at a time, without JavaScript: add (a section, a page or an
 * address), remove, up, down, nest under the item above, take out. Every form carries the menu's version: when
 * someone changed the menu meanwhile, the change is refused (409) and the page shows the menu as it is now, with
 * what was typed kept. {@link MenuService} decides who may (editors, administrators).
 */
final class MenusHandler {

    static final String PATH = "/admin/menus";
    private static final String[] ADD_FIELDS = {"kind", "sectionId", "articleId", "url", "label", "parentId"};

    private final MenuService menus;
    private final SectionService sections;
    private final Doors doors;
    private final AdminPages pages;

    MenusHandler(MenuService menus, SectionService sections, Doors doors, AdminPages pages) {
        this.menus = menus;
        this.sections = sections;
        this.doors = doors;
        this.pages = pages;
    }

    void show(Context ctx, AdminRequest request) {
        render(ctx, request, null, AdminViews.Form.empty(), null, 200);
    }

    void add(Context ctx, AdminRequest request) {
        Menu.Name name = menu(ctx);
        try {
            var item = new MenuService.NewItem(MenuItem.Kind.parse(value(ctx, "kind")).orElse(null),
                    number(ctx, "sectionId", "Choose a section from the list."),
                    number(ctx, "articleId", "Choose a page from the list."), value(ctx, "url"),
                    value(ctx, "label"), number(ctx, "parentId", "Choose where the item goes from the list."));
            menus.add(request.actor(), name, version(ctx), item);
            done(ctx, name, "Added to the " + name.label + ".");
        } catch (Invalid invalid) {
            render(ctx, request, name, Forms.refused(ctx, invalid, ADD_FIELDS), null, 422);
        } catch (Conflict conflict) {
            render(ctx, request, name, Forms.refused(ctx, Map.of(), ADD_FIELDS), conflict.getMessage(), 409);
        }
    }

    void remove(Context ctx, AdminRequest request) {
        change(ctx, request, "Removed from the ", name -> menus.remove(request.actor(), name, version(ctx), item(ctx)));
    }

    void up(Context ctx, AdminRequest request) {
        change(ctx, request, "Moved up in the ", name -> menus.move(request.actor(), name, version(ctx), item(ctx), -1));
    }

    void down(Context ctx, AdminRequest request) {
        change(ctx, request, "Moved down in the ", name -> menus.move(request.actor(), name, version(ctx), item(ctx), 1));
    }

    void nest(Context ctx, AdminRequest request) {
        change(ctx, request, "Nested in the ", name -> menus.nest(request.actor(), name, version(ctx), item(ctx)));
    }

    void unnest(Context ctx, AdminRequest request) {
        change(ctx, request, "Moved to the top level of the ",
                name -> menus.unnest(request.actor(), name, version(ctx), item(ctx)));
    }

    void customise(Context ctx, AdminRequest request) {
        change(ctx, request, "You can now change each item of the ",
                name -> menus.customise(request.actor(), name, version(ctx)));
    }

    void reset(Context ctx, AdminRequest request) {
        change(ctx, request, "Back to the default (the top-level sections): the ",
                name -> menus.reset(request.actor(), name, version(ctx)));
    }

    private interface Action {
        Menu apply(Menu.Name name);
    }

    private void change(Context ctx, AdminRequest request, String done, Action action) {
        Menu.Name name = menu(ctx);
        try {
            action.apply(name);
            done(ctx, name, done + name.label + ".");
        } catch (Invalid invalid) {
            render(ctx, request, name, AdminViews.Form.empty(), String.join(" ", invalid.fieldErrors().values()), 422);
        } catch (Conflict conflict) {
            render(ctx, request, name, AdminViews.Form.empty(), conflict.getMessage(), 409);
        }
    }

    private void done(Context ctx, Menu.Name name, String message) {
        doors.flash(ctx, message);
        ctx.redirect(PATH + "#" + name.key());
    }

    /** The page, with {@code form} and {@code message} on the panel of {@code refused} (null: none refused). */
    private void render(Context ctx, AdminRequest request, Menu.Name refused, AdminViews.Form form, String message,
                        int status) {
        SiteMenus both = menus.menus(request.actor());
        SectionService.Tree tree = sections.tree(request.actor());
        List<Section> all = tree.sections();
        var placed = tree.placed();
        List<MenuService.PageChoice> published = menus.pages(request.actor());
        var panels = new ArrayList<MenuPanel>();
        for (Menu menu : List.of(both.header(), both.footer())) {
            boolean mine = menu.name() == refused;
            AdminViews.Form add = mine ? form : AdminViews.Form.empty();
            List<Option> sectionOptions = placed.stream().map(p -> new Option(String.valueOf(p.section().id()),
                    "— ".repeat(p.depth()) + p.section().name(),
                    add.value("sectionId").equals(String.valueOf(p.section().id())))).toList();
            panels.add(new MenuPanel(menu.name().key(), menu.name() == Menu.Name.HEADER ? "Header menu" : "Footer menu",
                    menu.name() == Menu.Name.HEADER ? "On every page, under the site's name."
                            : "On every page, at the foot: About, Contact, policies.",
                    menu.version(), menu.customised() || menu.name() == Menu.Name.FOOTER,
                    rows(menu, all), add, sectionOptions, published.stream().map(page -> new Option(
                            String.valueOf(page.id()), page.title(), add.value("articleId").equals(
                                    String.valueOf(page.id())))).toList(), parents(menu, all, add.value("parentId")),
                    mine ? message : null));
        }
        pages.render(ctx, "admin/menus.jte", new StructureViews.MenusPage(request.chrome(), panels), status);
    }

    private static List<MenuRow> rows(Menu menu, List<Section> sections) {
        if (!menu.customised() && menu.name() == Menu.Name.HEADER) {
            return sections.stream().filter(Section::isTopLevel).map(section -> new MenuRow(0, section.name(),
                    "Section: " + section.name(), false, true, true, false, false, false, List.of())).toList();
        }
        List<MenuItem> top = menu.topLevel();
        var rows = new ArrayList<MenuRow>();
        for (int i = 0; i < top.size(); i++) {
            MenuItem item = top.get(i);
            List<MenuItem> children = menu.children(item.id());
            var childRows = new ArrayList<MenuRow>();
            for (int j = 0; j < children.size(); j++) {
                childRows.add(row(children.get(j), sections, j == 0, j == children.size() - 1, false, true, List.of()));
            }
            rows.add(row(item, sections, i == 0, i == top.size() - 1, i > 0 && children.isEmpty(), false, childRows));
        }
        return rows;
    }

    private static MenuRow row(MenuItem item, List<Section> sections, boolean first, boolean last, boolean canNest,
                               boolean canUnnest, List<MenuRow> children) {
        Optional<Section> section = item.sectionId() == null ? Optional.empty()
                : sections.stream().filter(s -> s.id() == item.sectionId()).findFirst();
        String shows;
        String what;
        boolean missing = false;
        switch (item.kind()) {
            case SECTION -> {
                shows = section.map(Section::name).orElse("(deleted section)");
                what = "Section: " + shows;
                missing = section.isEmpty();
            }
            case PAGE -> {
                shows = item.page() == null ? "(deleted page)" : item.page().title();
                missing = item.page() == null || !item.page().published();
                what = "Page: " + shows + (item.page() != null && !item.page().published() ? " (not published)" : "");
            }
            default -> {
                shows = item.label();
                what = "Link: " + item.url();
            }
        }
        return new MenuRow(item.id(), item.label().isEmpty() ? shows : item.label(), what, item.isNested(), first,
                last, canNest, canUnnest, missing, children);
    }

    private static List<Option> parents(Menu menu, List<Section> sections, String chosen) {
        var options = new ArrayList<Option>();
        options.add(new Option("", "The top level", chosen.isEmpty()));
        if (menu.customised() || menu.name() == Menu.Name.FOOTER) {
            for (MenuItem top : menu.topLevel()) {
                MenuRow row = row(top, sections, false, false, false, false, List.of());
                options.add(new Option(String.valueOf(top.id()), "Under “" + row.label() + "”",
                        String.valueOf(top.id()).equals(chosen)));
            }
        }
        return options;
    }

    private static Menu.Name menu(Context ctx) {
        return Menu.Name.parse(ctx.pathParam("menu")).orElseThrow(() -> new NotFound("There is no such menu."));
    }

    private static long item(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such menu item.");
        }
    }

    static long version(Context ctx) {
        String version = ctx.formParam("version");
        if (version == null || !version.matches("\\d{1,18}")) {
            throw new BadRequest("This form is incomplete. Reload the page and try again.");
        }
        return Long.parseLong(version);
    }

    private static Long number(Context ctx, String field, String message) {
        String text = value(ctx, field).strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Invalid(Map.of(field, message));
        }
    }

    private static String value(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value;
    }
}
