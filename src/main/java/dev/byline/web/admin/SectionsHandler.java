package dev.byline.web.admin;

import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.SectionService;
import dev.byline.web.admin.PeopleViews.Option;
import dev.byline.web.admin.StructureViews.SectionRow;
import dev.byline.web.site.SiteUrls;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * /admin/sections: the tree of sections with what each holds, up and down among siblings, delete (refused, saying
 * what is in it, unless empty) and a form for a new one; /admin/sections/{id}: rename, new slug (the old address
 * redirects), description, parent. {@link SectionService} decides who may (editors, administrators).
 */
final class SectionsHandler {

    static final String PATH = "/admin/sections";
    private static final String[] FIELDS = {"name", "slug", "description", "parentId"};

    private final SectionService sections;
    private final Doors doors;
    private final AdminPages pages;

    SectionsHandler(SectionService sections, Doors doors, AdminPages pages) {
        this.sections = sections;
        this.doors = doors;
        this.pages = pages;
    }

    void show(Context ctx, AdminRequest request) {
        list(ctx, request, AdminViews.Form.empty(), 0, null, 200);
    }

    void create(Context ctx, AdminRequest request) {
        try {
            Section created = sections.create(request.actor(), input(ctx, 0));
            doors.flash(ctx, "Section “" + created.name() + "” created, at " + SiteUrls.section(created.slug()) + ".");
            ctx.redirect(PATH);
        } catch (Invalid invalid) {
            list(ctx, request, Forms.refused(ctx, invalid, FIELDS), 0, null, 422);
        }
    }

    void edit(Context ctx, AdminRequest request) {
        long id = id(ctx);
        Section section = find(request, id);
        var values = Map.of("name", section.name(), "slug", section.slug(), "description", section.description(),
                "parentId", section.parentId() == null ? "" : String.valueOf(section.parentId()));
        form(ctx, request, section, new AdminViews.Form(values, Map.of()), 200);
    }

    void save(Context ctx, AdminRequest request) {
        long id = id(ctx);
        try {
            Section before = find(request, id);
            Section saved = sections.update(request.actor(), input(ctx, id));
            doors.flash(ctx, "Section “" + saved.name() + "” saved" + (before.slug().equals(saved.slug()) ? "."
                    : "; its old address " + SiteUrls.section(before.slug()) + " now leads to "
                    + SiteUrls.section(saved.slug()) + "."));
            ctx.redirect(PATH);
        } catch (Invalid invalid) {
            form(ctx, request, find(request, id), Forms.refused(ctx, invalid, FIELDS), 422);
        }
    }

    void up(Context ctx, AdminRequest request) {
        Section moved = sections.reorder(request.actor(), id(ctx), -1);
        doors.flash(ctx, "“" + moved.name() + "” moved up.");
        ctx.redirect(PATH + "#section-" + moved.id());
    }

    void down(Context ctx, AdminRequest request) {
        Section moved = sections.reorder(request.actor(), id(ctx), 1);
        doors.flash(ctx, "“" + moved.name() + "” moved down.");
        ctx.redirect(PATH + "#section-" + moved.id());
    }

    void delete(Context ctx, AdminRequest request) {
        long id = id(ctx);
        try {
            Section deleted = sections.delete(request.actor(), id);
            doors.flash(ctx, "Section “" + deleted.name() + "” deleted.");
            ctx.redirect(PATH);
        } catch (Invalid invalid) {
            list(ctx, request, AdminViews.Form.empty(), id, invalid.fieldErrors().get("delete"), 422);
        }
    }

    private void list(Context ctx, AdminRequest request, AdminViews.Form create, long refusedId, String refusal,
                      int status) {
        SectionService.Tree tree = sections.tree(request.actor());
        var rows = new ArrayList<SectionRow>();
        for (SectionService.Placed placed : tree.placed()) {
            Section section = placed.section();
            List<Section> siblings = tree.sections().stream()
                    .filter(other -> Objects.equals(other.parentId(), section.parentId())).toList();
            List<SectionService.Placed> order = tree.placed().stream()
                    .filter(other -> siblings.contains(other.section())).toList();
            rows.add(new SectionRow(section.id(), section.name(), section.slug(), SiteUrls.section(section.slug()),
                    placed.depth(), holds(placed), placed.articleCount() == 0 && tree.sections().stream()
                            .noneMatch(child -> Objects.equals(child.parentId(), section.id())),
                    order.getFirst().section().id() == section.id(), order.getLast().section().id() == section.id(),
                    section.id() == refusedId ? refusal : null));
        }
        pages.render(ctx, "admin/sections.jte", new StructureViews.SectionsPage(request.chrome(), rows, create,
                parents(tree, create.value("parentId"), 0)), status);
    }

    private void form(Context ctx, AdminRequest request, Section section, AdminViews.Form form, int status) {
        SectionService.Tree tree = sections.tree(request.actor());
        SectionService.Placed placed = tree.placed().stream().filter(p -> p.section().id() == section.id())
                .findFirst().orElseThrow(() -> new NotFound("There is no section " + section.id() + "."));
        boolean empty = placed.articleCount() == 0
                && tree.sections().stream().noneMatch(child -> Objects.equals(child.parentId(), section.id()));
        pages.render(ctx, "admin/section.jte", new StructureViews.SectionPage(request.chrome(), section.id(),
                section.name(), SiteUrls.section(section.slug()), form, parents(tree, form.value("parentId"),
                section.id()), holds(placed), empty), status);
    }

    /** "11 articles (10 published, 1 draft)", or "Empty". */
    private static String holds(SectionService.Placed placed) {
        long total = placed.articleCount();
        if (total == 0) {
            return "No articles";
        }
        return total + (total == 1 ? " article (" : " articles (") + placed.articles().entrySet().stream()
                .map(entry -> entry.getValue() + " " + switch (entry.getKey()) {
                    case "draft" -> entry.getValue() == 1 ? "draft" : "drafts";
                    case "pending" -> "pending review";
                    case "trash" -> "in the trash";
                    default -> entry.getKey();
                }).collect(Collectors.joining(", ")) + ")";
    }

    /** Top level, then every section but {@code except} and those inside it, indented by depth. */
    private static List<Option> parents(SectionService.Tree tree, String chosen, long except) {
        var options = new ArrayList<Option>();
        options.add(new Option("", "None: a top-level section", chosen.isEmpty()));
        List<Long> excluded = except == 0 ? List.of()
                : dev.byline.taxonomy.TaxonomyService.selfAndDescendants(tree.sections(), except);
        for (SectionService.Placed placed : tree.placed()) {
            if (!excluded.contains(placed.section().id())) {
                String value = String.valueOf(placed.section().id());
                options.add(new Option(value, "— ".repeat(placed.depth()) + placed.section().name(),
                        value.equals(chosen)));
            }
        }
        return options;
    }

    private Section find(AdminRequest request, long id) {
        return sections.tree(request.actor()).sections().stream().filter(section -> section.id() == id).findFirst()
                .orElseThrow(() -> new NotFound("There is no section " + id + "; it may have been deleted."));
    }

    /** The form as a section; a parent that is not a number is refused at its field. */
    private static Section input(Context ctx, long id) {
        String parent = value(ctx, "parentId").strip();
        Long parentId = null;
        if (!parent.isEmpty()) {
            try {
                parentId = Long.parseLong(parent);
            } catch (NumberFormatException e) {
                throw new Invalid(Map.of("parentId", "Choose the parent section from the list."));
            }
        }
        return new Section(id, value(ctx, "slug"), value(ctx, "name"), value(ctx, "description"), parentId, 0);
    }

    private static String value(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value;
    }

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such section.");
        }
    }
}
