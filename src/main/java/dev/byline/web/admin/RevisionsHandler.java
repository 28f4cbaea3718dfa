package dev.byline.web.admin;

import dev.byline.article.Article;
import dev.byline.article.Desk;
import dev.byline.article.NoteKind;
import dev.byline.article.Placement;
import dev.byline.article.Revision;
import dev.byline.article.RevisionDiff;
import dev.byline.article.RevisionEntry;
import dev.byline.error.BadRequest;
import dev.byline.error.Invalid;
import dev.byline.web.admin.DeskViews.RevisionRow;
import dev.byline.web.admin.PeopleViews.Option;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * An article's history: /admin/revisions/{id} (who saved, when), a diff between any two, restoring one
 * (a new save, so a new revision), and the corrections and updates editors append to a published article.
 */
final class RevisionsHandler {

    static final String PATH = "/admin/revisions";

    private final Desk desk;
    private final ArticleEditorHandler editor;
    private final EditorPages editorPages;
    private final Doors doors;
    private final AdminPages pages;
    private final Supplier<ZoneId> zone;

    RevisionsHandler(Desk desk, ArticleEditorHandler editor, EditorPages editorPages, Doors doors, AdminPages pages,
                     Supplier<ZoneId> zone) {
        this.desk = desk;
        this.editor = editor;
        this.editorPages = editorPages;
        this.doors = doors;
        this.pages = pages;
        this.zone = zone;
    }

    /** GET /admin/revisions/{id}: the list; with ?from=&to=, the diff between those two. */
    void show(Context ctx, AdminRequest request) {
        if (ctx.queryParam("from") != null || ctx.queryParam("to") != null) {
            diff(ctx, request);
        } else {
            list(ctx, request);
        }
    }

    private void list(Context ctx, AdminRequest request) {
        Article article = editor.find(ctx, request);
        List<RevisionEntry> revisions = desk.revisionEntries(request.actor(), article.id());
        // each revision links to what it changed: the diff from the one before it; the first, having none before
        // it, to what changed since it (the diff to the newest)
        List<RevisionRow> rows = java.util.stream.IntStream.range(0, revisions.size())
                .mapToObj(i -> i + 1 < revisions.size()
                        ? row(article, revisions.get(i), revisions.get(i + 1).id(), revisions.get(i).id())
                        : row(article, revisions.get(i), revisions.get(i).id(), revisions.getFirst().id()))
                .toList();
        String older = revisions.size() > 1 ? String.valueOf(revisions.get(1).id()) : "";
        String newer = revisions.isEmpty() ? "" : String.valueOf(revisions.getFirst().id());
        pages.render(ctx, "admin/revisions.jte", new DeskViews.RevisionsPage(request.chrome(), article.title(),
                ArticlesHandler.ARTICLES + "/" + article.id(), rows, choices(rows, older), choices(rows, newer)));
    }

    private void diff(Context ctx, AdminRequest request) {
        Article article = editor.find(ctx, request);
        long from = revisionId(ctx.queryParam("from"));
        long to = revisionId(ctx.queryParam("to"));
        RevisionDiff diff = desk.diff(request.actor(), from, to);
        if (diff.from().articleId() != article.id()) {
            throw new BadRequest("These revisions are of another article.");
        }
        String base = ArticlesHandler.ARTICLES + "/" + article.id();
        pages.render(ctx, "admin/revision-diff.jte", new DeskViews.DiffPage(request.chrome(), article.title(), base,
                PATH + "/" + article.id(), row(article, diff.from(), from), row(article, diff.to(), from), diff.fields(), diff.body(),
                diff.same(), base + "/revisions/restore", article.version()));
    }

    /** POST …/revisions/restore: revision, version. */
    void restore(Context ctx, AdminRequest request) {
        Article article = editor.find(ctx, request);
        long revision = revisionId(ctx.formParam("revision"));
        long version = revisionId(ctx.formParam("version"));
        Article restored = desk.restoreRevision(request.actor(), article.id(), revision, version);
        doors.flash(ctx, "The revision is restored, as a new revision (version " + restored.version() + ").");
        ctx.redirect(ArticlesHandler.ARTICLES + "/" + article.id());
    }

    /** POST …/notes: a dated correction or update on a published article. */
    void addNote(Context ctx, AdminRequest request) {
        Article article = editor.find(ctx, request);
        var typed = Forms.typed(ctx, "noteKind", "noteText", "placement");
        try {
            desk.addNote(request.actor(), article.id(), NoteKind.parse(typed.get("noteKind")).orElse(null),
                    typed.get("noteText"), Placement.parse(typed.get("placement")).orElse(null));
        } catch (Invalid invalid) {
            var errors = new java.util.LinkedHashMap<String, String>();
            invalid.fieldErrors().forEach((field, message) -> errors.put(switch (field) {
                case "kind" -> "noteKind";
                case "text" -> "noteText";
                default -> field;
            }, message));
            editorPages.showNoteRefused(ctx, request, article, new AdminViews.Form(typed, errors));
            return;
        }
        doors.flash(ctx, "The " + typed.get("noteKind") + " is on the article, dated now.");
        ctx.redirect(ArticlesHandler.ARTICLES + "/" + article.id());
    }

    private RevisionRow row(Article article, Revision revision, long before) {
        return row(article, new RevisionEntry(revision.id(), revision.articleId(), revision.version(), revision.who(),
                revision.at(), revision.autosave(), revision.note()), before);
    }

    private RevisionRow row(Article article, RevisionEntry revision, long before) {
        return row(article, revision, before, revision.id());
    }

    /** The revision's line, linked to the diff from revision {@code from} to revision {@code to}. */
    private RevisionRow row(Article article, RevisionEntry revision, long from, long to) {
        return new RevisionRow(revision.id(), revision.who(), AdminDates.dateTime(revision.at(), zone.get()),
                AdminDates.iso(revision.at(), zone.get()), revision.note(), revision.autosave(), revision.version(),
                PATH + "/" + article.id() + "?from=" + from + "&to=" + to);
    }

    private static List<Option> choices(List<RevisionRow> rows, String selected) {
        return rows.stream().map(row -> new Option(String.valueOf(row.id()), row.when() + " · " + row.who()
                + (row.autosave() ? " (autosave)" : "") + (row.note().isEmpty() ? "" : " · " + row.note()),
                String.valueOf(row.id()).equals(selected))).toList();
    }

    private static long revisionId(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("Choose two revisions to compare (“" + value + "” is not one).");
        }
    }
}
