package dev.byline.web.admin;

import dev.byline.account.Capability;
import dev.byline.article.ArticleStatus;
import dev.byline.article.DeskFilter;
import dev.byline.article.DeskListing;
import dev.byline.article.DeskRow;
import dev.byline.article.Kind;
import dev.byline.error.BadRequest;
import dev.byline.people.Author;
import dev.byline.people.AuthorService;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.TaxonomyService;
import dev.byline.web.admin.DeskViews.Report;
import dev.byline.web.admin.DeskViews.Row;
import dev.byline.web.admin.DeskViews.StatusLink;
import dev.byline.web.admin.PeopleViews.Option;
import dev.byline.web.site.SiteUrls;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * /admin/articles and /admin/pages: the list, its filters (status, section, tag, author, dates, title), sort and
 * pages, the counts per status, and the bulk actions ({@link DeskBulk}). The listing's rules and SQL are
 * {@link DeskListing}'s; this reads the query and builds the page.
 */
final class ArticlesHandler {

    static final String ARTICLES = "/admin/articles";
    static final String PAGES = "/admin/pages";
    static final String[] FILTERS = {"status", "section", "tag", "author", "from", "to", "q", "sort"};

    private final DeskListing listing;
    private final DeskBulk bulk;
    private final TaxonomyService taxonomy;
    private final AuthorService authors;
    private final AdminPages pages;
    private final Supplier<ZoneId> zone;
    private final SiteUrls urls;

    ArticlesHandler(DeskListing listing, DeskBulk bulk, TaxonomyService taxonomy, AuthorService authors,
                    AdminPages pages, Supplier<ZoneId> zone) {
        this.listing = listing;
        this.bulk = bulk;
        this.taxonomy = taxonomy;
        this.authors = authors;
        this.pages = pages;
        this.zone = zone;
        this.urls = new SiteUrls(zone);
    }

    void articles(Context ctx, AdminRequest request) {
        show(ctx, request, Kind.ARTICLE, null);
    }

    void pages(Context ctx, AdminRequest request) {
        show(ctx, request, Kind.PAGE, null);
    }

    /** POST …/bulk: the action on every ticked row, then the same list with what was done and what was refused. */
    void bulk(Context ctx, AdminRequest request) {
        Kind kind = ctx.path().startsWith(PAGES) ? Kind.PAGE : Kind.ARTICLE;
        // each ticked row is "id:version", the version the list showed (a bare id: whatever version it is at)
        var picked = new java.util.LinkedHashMap<Long, Long>();
        for (String value : ctx.formParams("ids")) {
            int colon = value.indexOf(':');
            picked.put(id(colon < 0 ? value : value.substring(0, colon)),
                    colon < 0 ? null : id(value.substring(colon + 1)));
        }
        Report report = bulk.apply(request.actor(), ctx.formParam("action"), picked, ctx.formParam("sectionId"));
        show(ctx, request, kind, report);
    }

    private void show(Context ctx, AdminRequest request, Kind kind, Report report) {
        String path = kind == Kind.PAGE ? PAGES : ARTICLES;
        Map<String, String> typed = query(ctx, request.actor().can(Capability.EDIT_OTHERS_ARTICLES));
        var errors = new LinkedHashMap<String, String>();
        List<Section> sections = taxonomy.sections();
        DeskFilter filter = filter(kind, typed, sections, errors);
        long pageNumber = pageNumber(ctx.queryParam("page"));
        DeskListing.Listed listed = listing.list(request.actor(), filter, pageNumber);
        Map<Long, String> sectionNames = sections.stream().collect(Collectors.toMap(Section::id, Section::name));
        List<Author> everyone = authors.all();
        Map<Long, String> authorNames = everyone.stream().collect(Collectors.toMap(Author::id, Author::displayName));
        List<Row> rows = listed.page().items().stream().map(row -> row(row, sectionNames, authorNames, path)).toList();
        String query = queryString(typed);
        boolean editor = request.actor().can(Capability.EDIT_OTHERS_ARTICLES);
        pages.render(ctx, "admin/articles.jte", new DeskViews.ListPage(request.chrome(),
                kind == Kind.PAGE ? "Pages" : "Articles", path, path + "/new", kind == Kind.PAGE, listed.everyone(),
                statusLinks(path, listed, typed.get("status")), new AdminViews.Form(typed, errors),
                statusOptions(typed.get("status")), sectionOptions(sections, typed.get("section"), "Any section"),
                authorOptions(everyone, typed.get("author")), sortOptions(typed.get("sort")), rows,
                pageNumber > 1 ? path + "?" + query + "page=" + (pageNumber - 1) : null,
                listed.page().hasNext() ? path + "?" + query + "page=" + (pageNumber + 1) : null, pageNumber,
                bulkActions(editor, kind, "trash".equals(typed.get("status"))), sectionOptions(sections, "", "Choose a section"), report,
                query + "page=" + pageNumber), errors.isEmpty() ? 200 : 400);
    }

    private static Map<String, String> query(Context ctx, boolean editor) {
        var typed = new LinkedHashMap<String, String>();
        for (String name : FILTERS) {
            String value = ctx.queryParam(name);
            typed.put(name, value == null ? "" : value);
        }
        if (!editor) {
            typed.put("author", ""); // their own articles only: no one else's to choose
        }
        return typed;
    }

    private DeskFilter filter(Kind kind, Map<String, String> typed, List<Section> sections,
                              Map<String, String> errors) {
        ArticleStatus status = typed.get("status").isEmpty() ? null : ArticleStatus.parse(typed.get("status"))
                .orElseGet(() -> {
                    errors.put("status", "There is no status “" + typed.get("status") + "”.");
                    return null;
                });
        List<Long> sectionIds = null;
        Long sectionId = number(typed, "section", "Choose a section from the list.", errors);
        if (sectionId != null) {
            sectionIds = TaxonomyService.selfAndDescendants(sections, sectionId);
        }
        Long tagId = null;
        if (!typed.get("tag").isBlank()) {
            tagId = taxonomy.findTagBySlug(TaxonomyService.tagSlug(typed.get("tag").strip()))
                    .map(dev.byline.taxonomy.Tag::id).orElse(-1L); // no such tag: nothing has it
        }
        Long authorId = number(typed, "author", "Choose an author from the list.", errors);
        var from = date(typed, "from", errors);
        var to = date(typed, "to", errors);
        DeskFilter.Sort sort = typed.get("sort").isEmpty() ? DeskFilter.Sort.CHANGED
                : DeskFilter.Sort.parse(typed.get("sort")).orElseGet(() -> {
                    errors.put("sort", "Choose an order from the list.");
                    return DeskFilter.Sort.CHANGED;
                });
        return new DeskFilter(kind, status, sectionIds, tagId, authorId,
                from == null ? null : from.atStartOfDay(zone.get()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone.get()).toInstant(),
                typed.get("q").strip(), sort);
    }

    private Row row(DeskRow row, Map<Long, String> sections, Map<Long, String> authorNames, String path) {
        var when = row.status() == ArticleStatus.PUBLISHED || row.status() == ArticleStatus.SCHEDULED
                ? row.publishedAt() : null;
        String label = row.status() == ArticleStatus.PUBLISHED ? "Published"
                : row.status() == ArticleStatus.SCHEDULED ? "Scheduled for" : "Last changed";
        var date = when != null ? when : row.updatedAt();
        String publicUrl = row.status() != ArticleStatus.PUBLISHED ? null
                : row.kind() == Kind.PAGE ? SiteUrls.sitePage(row.slug()) : urls.article(row.slug(), row.publishedAt());
        return new Row(row.id(), row.id() + ":" + row.version(), row.title(), ARTICLES + "/" + row.id(), row.status().label(), row.status().dbValue(),
                row.sectionId() == null ? "" : sections.getOrDefault(row.sectionId(), ""),
                row.authorIds().stream().map(authorNames::get).filter(java.util.Objects::nonNull)
                        .collect(Collectors.joining(", ")),
                label, AdminDates.dateTime(date, zone.get()), AdminDates.iso(date, zone.get()), publicUrl);
    }

    private static List<StatusLink> statusLinks(String path, DeskListing.Listed listed, String current) {
        var links = new ArrayList<StatusLink>();
        links.add(new StatusLink("All", listed.countAll(), path, current.isEmpty()));
        for (ArticleStatus status : ArticleStatus.values()) {
            links.add(new StatusLink(status.label(), listed.count(status), path + "?status=" + status.dbValue(),
                    status.dbValue().equals(current)));
        }
        return links;
    }

    private static List<Option> statusOptions(String selected) {
        var options = new ArrayList<Option>();
        options.add(new Option("", "All but the trash", selected.isEmpty()));
        Arrays.stream(ArticleStatus.values()).forEach(status -> options.add(
                new Option(status.dbValue(), status.label(), status.dbValue().equals(selected))));
        return options;
    }

    /** Sections in menu order, a subsection's name after its parent's ("World › Asia"). */
    static List<Option> sectionOptions(List<Section> sections, String selected, String none) {
        Map<Long, Section> byId = sections.stream().collect(Collectors.toMap(Section::id, Function.identity()));
        var options = new ArrayList<Option>();
        options.add(new Option("", none, selected == null || selected.isEmpty()));
        for (Section section : sections) {
            String name = section.name();
            for (Long parent = section.parentId(); parent != null && byId.containsKey(parent);
                 parent = byId.get(parent).parentId()) {
                name = byId.get(parent).name() + " › " + name;
            }
            options.add(new Option(String.valueOf(section.id()), name, String.valueOf(section.id()).equals(selected)));
        }
        return options;
    }

    static List<Option> authorOptions(List<Author> authors, String selected) {
        var options = new ArrayList<Option>();
        options.add(new Option("", "Anyone", selected == null || selected.isEmpty()));
        authors.stream().sorted(java.util.Comparator.comparing(Author::displayName, String.CASE_INSENSITIVE_ORDER))
                .forEach(author -> options.add(new Option(String.valueOf(author.id()), author.displayName(),
                        String.valueOf(author.id()).equals(selected))));
        return options;
    }

    private static List<Option> sortOptions(String selected) {
        return Arrays.stream(DeskFilter.Sort.values()).map(sort -> new Option(sort.key(), sort.label,
                sort.key().equals(selected) || selected.isEmpty() && sort == DeskFilter.Sort.CHANGED)).toList();
    }

    private static List<Option> bulkActions(boolean editor, Kind kind, boolean trashShown) {
        var actions = new ArrayList<Option>();
        actions.add(new Option("publish", "Publish", false));
        actions.add(new Option("trash", "Move to the trash", false));
        actions.add(new Option("restore", "Restore from the trash", false));
        if (trashShown) {
            actions.add(new Option("delete", "Delete for good", false));
        }
        if (kind == Kind.ARTICLE) {
            actions.add(new Option("section", "Move to the section chosen", false));
        }
        return editor ? actions : actions.stream().filter(action -> !action.value().equals("publish")).toList();
    }

    /** The filters as a query string ending in '&' (or empty), for the page links. */
    private static String queryString(Map<String, String> typed) {
        var query = new StringBuilder();
        typed.forEach((name, value) -> {
            if (!value.isEmpty()) {
                query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        });
        return query.toString();
    }

    private static LocalDate date(Map<String, String> typed, String field, Map<String, String> errors) {
        String value = typed.get(field).strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value, AdminDates.TYPED_DATE);
        } catch (DateTimeParseException e) {
            errors.put(field, "“" + value + "” is not a date: write it as year-month-day, e.g. 2026-03-14.");
            return null;
        }
    }

    private static Long number(Map<String, String> typed, String field, String message, Map<String, String> errors) {
        String value = typed.get(field).strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            errors.put(field, message);
            return null;
        }
    }

    private static long pageNumber(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            long page = Long.parseLong(value.strip());
            if (page >= 1 && page <= 1_000_000) {
                return page;
            }
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw new BadRequest("“" + value + "” is not a page number.");
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequest("“" + value + "” is not an article.");
        }
    }
}
