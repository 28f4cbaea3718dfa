package dev.byline.web.admin;

import dev.byline.account.Actor;
import dev.byline.account.Capability;
import dev.byline.account.Policy;
import dev.byline.article.Article;
import dev.byline.article.ArticleStatus;
import dev.byline.article.Desk;
import dev.byline.article.DeskListing;
import dev.byline.article.Kind;
import dev.byline.article.Note;
import dev.byline.article.RevisionEntry;
import dev.byline.people.Author;
import dev.byline.people.AuthorService;
import dev.byline.taxonomy.TaxonomyService;
import dev.byline.web.admin.DeskViews.Button;
import dev.byline.web.admin.PeopleViews.Option;
import dev.byline.web.site.SiteUrls;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the editor's page: the form as typed or as stored, the choices (sections, authors, images), the buttons
 * the person's role offers for the article's status (the Desk refuses the rest anyway), who else has it open,
 * the corrections, and on a conflict the newer version beside theirs. The editor page may frame its own preview,
 * so its Content-Security-Policy adds {@code frame-src 'self'}.
 */
final class EditorPages {

    static final String CSP = "default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; font-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'";

    private final Desk desk;
    private final DeskListing listing;
    private final DeskBulk bulk;
    private final TaxonomyService taxonomy;
    private final AuthorService authors;
    private final AdminPages pages;
    private final Supplier<ZoneId> zone;
    private final SiteUrls urls;

    EditorPages(Desk desk, DeskListing listing, DeskBulk bulk, TaxonomyService taxonomy, AuthorService authors,
                AdminPages pages, Supplier<ZoneId> zone) {
        this.desk = desk;
        this.listing = listing;
        this.bulk = bulk;
        this.taxonomy = taxonomy;
        this.authors = authors;
        this.pages = pages;
        this.zone = zone;
        this.urls = new SiteUrls(zone);
    }

    ZoneId zone() {
        return zone.get();
    }

    Map<String, String> formOf(Article article) {
        return ArticleForm.of(article, bulk.tagNames(article), zone.get());
    }

    /**
     * @param current the article as stored (empty: a new one); on a conflict, the newer version
     * @param theirs  on a conflict, the newer version to show beside the form; else null
     */
    void show(Context ctx, AdminRequest request, Optional<Article> current, Kind kind, Map<String, String> typed,
              Map<String, String> errors, Article theirs, int status) {
        show(ctx, request, current, kind, typed, errors, theirs, null, status);
    }

    private void show(Context ctx, AdminRequest request, Optional<Article> current, Kind kind,
                      Map<String, String> typed, Map<String, String> errors, Article theirs,
                      AdminViews.Form noteForm, int status) {
        Actor actor = request.actor();
        boolean page = kind == Kind.PAGE;
        long id = current.map(Article::id).orElse(0L);
        String base = ArticlesHandler.ARTICLES + "/" + id;
        List<Author> everyone = authors.all();
        List<Long> byline = current.map(Article::authorIds).orElse(List.of(actor.authorId()));
        boolean mayPublish = Policy.mayPublish(actor, byline);
        ArticleStatus now = current.map(Article::status).orElse(ArticleStatus.DRAFT);
        var authorFields = new ArrayList<List<Option>>();
        for (int i = 1; i <= ArticleForm.AUTHOR_FIELDS; i++) {
            authorFields.add(authorChoices(everyone, typed.getOrDefault("author" + i, ""), i == 1));
        }
        Long chosenImage = parse(typed.get("featuredMediaId"));
        var images = new ArrayList<Option>();
        images.add(new Option("", "No featured image", chosenImage == null));
        listing.imageChoices(chosenImage).forEach(image -> images.add(new Option(String.valueOf(image.id()),
                image.label(), Long.valueOf(image.id()).equals(chosenImage))));
        String body = typed.getOrDefault("body", "");
        int words = words(body);
        boolean published = now == ArticleStatus.PUBLISHED;
        List<Note> notes = id == 0 ? List.of() : desk.notes(id);
        ctx.header("Content-Security-Policy", CSP);
        pages.render(ctx, "admin/article-editor.jte", new DeskViews.EditorPage(request.chrome(),
                id == 0 ? (page ? "New page" : "New article") : (page ? "Edit page" : "Edit article"), id, page,
                id == 0 ? (page ? ArticlesHandler.PAGES : ArticlesHandler.ARTICLES) + "/new" : base,
                new AdminViews.Form(typed, errors), id == 0 ? "Not saved yet" : now.label(),
                ArticlesHandler.sectionOptions(taxonomy.sections(), typed.getOrDefault("sectionId", ""),
                        "Choose a section"),
                authorFields, images, now == ArticleStatus.TRASH ? List.of() : buttons(id == 0, now, mayPublish),
                zone.get().getId(), id == 0 ? List.of() : desk.othersEditing(actor, id),
                theirs == null ? null : their(request, theirs), id == 0 ? null : RevisionsHandler.PATH + "/" + id,
                published ? publicUrl(current.get()) : null,
                id != 0 && now != ArticleStatus.TRASH ? base + "/trash" : null,
                now == ArticleStatus.TRASH ? base + "/restore" : null,
                now == ArticleStatus.TRASH ? base + "/delete" : null,
                notes.stream().map(this::note).toList(),
                noteForm != null ? noteForm
                        : published && actor.can(Capability.EDIT_OTHERS_ARTICLES) ? AdminViews.Form.empty() : null,
                words, Math.max(1, Math.round(words / 230f)),
                page ? ArticlesHandler.PAGES : ArticlesHandler.ARTICLES,
                theirs == null && errors.isEmpty() ? current.map(article -> newerAutosave(actor, request.user().displayName(), article)).orElse(null)
                        : null,
                id != 0 && Policy.mayModerateComments(actor, byline) ? CommentsHandler.PATH + "?article=" + id
                        : null), status);
    }

    /**
     * The person's autosave, when it is newer than the article's last save (the browser closed before they saved):
     * the editor says so and links the diff from the saved text to it, where it can be restored. Revisions name
     * who saved them by their name now (a revision has no account id to compare), so the name is compared.
     */
    private DeskViews.AutosaveNotice newerAutosave(Actor actor, String name, Article article) {
        List<RevisionEntry> revisions = desk.latestRevisions(actor, article.id());
        Optional<RevisionEntry> mine = revisions.stream()
                .filter(revision -> revision.autosave() && (revision.who().equals(name) || revision.who().equals(actor.name()))
                        && revision.at().isAfter(article.updatedAt()) && revision.version() == article.version())
                .findFirst();
        Optional<RevisionEntry> saved = revisions.stream().filter(revision -> !revision.autosave()).findFirst();
        if (mine.isEmpty() || saved.isEmpty()) {
            return null;
        }
        return new DeskViews.AutosaveNotice(AdminDates.dateTime(mine.get().at(), zone.get()),
                RevisionsHandler.PATH + "/" + article.id() + "?from=" + saved.get().id() + "&to=" + mine.get().id());
    }

    /** The same page with the correction form as typed and its messages (422). */
    void showNoteRefused(Context ctx, AdminRequest request, Article article, AdminViews.Form noteForm) {
        show(ctx, request, Optional.of(article), article.kind(), formOf(article), Map.of(), null, noteForm, 422);
    }

    private static List<Button> buttons(boolean isNew, ArticleStatus status, boolean mayPublish) {
        var buttons = new ArrayList<Button>();
        switch (status) {
            case PUBLISHED, PRIVATE -> {
                buttons.add(new Button("update", "Update", true));
                buttons.add(new Button("unpublish", "Switch to draft", false));
            }
            case SCHEDULED -> {
                buttons.add(new Button("update", "Update", true));
                buttons.add(new Button("publish", "Publish now", false));
                buttons.add(new Button("unpublish", "Switch to draft", false));
            }
            default -> {
                buttons.add(new Button("draft", "Save draft", !mayPublish));
                buttons.add(new Button("submit", status == ArticleStatus.PENDING && !isNew ? "Save, still for review"
                        : "Submit for review", false));
                if (mayPublish) {
                    buttons.add(new Button("publish", "Publish", true));
                    buttons.add(new Button("schedule", "Schedule", false));
                }
            }
        }
        return buttons;
    }

    private DeskViews.TheirVersion their(AdminRequest request, Article theirs) {
        Optional<RevisionEntry> last = desk.latestRevisions(request.actor(), theirs.id()).stream()
                .filter(revision -> !revision.autosave()).findFirst();
        return new DeskViews.TheirVersion(theirs.version(), last.map(RevisionEntry::who).orElse("someone"),
                AdminDates.dateTime(theirs.updatedAt(), zone.get()), theirs.title(), theirs.dek(), theirs.slug(),
                theirs.bodyMarkdown(), theirs.excerpt(), theirs.status().label());
    }

    private DeskViews.NoteRow note(Note note) {
        return new DeskViews.NoteRow(note.kind().label(), note.body(), AdminDates.dateTime(note.at(), zone.get()),
                AdminDates.iso(note.at(), zone.get()), note.placement() == dev.byline.article.Placement.TOP
                ? "at the top" : "at the foot");
    }

    private String publicUrl(Article article) {
        return article.isPage() ? SiteUrls.sitePage(article.slug()) : urls.article(article.slug(), article.publishedAt());
    }

    private static List<Option> authorChoices(List<Author> everyone, String selected, boolean first) {
        var options = new ArrayList<Option>();
        options.add(new Option("", first ? "Choose the author" : "No one more", selected.isEmpty()));
        everyone.stream().sorted(java.util.Comparator.comparing(Author::displayName, String.CASE_INSENSITIVE_ORDER))
                .forEach(author -> options.add(new Option(String.valueOf(author.id()), author.displayName(),
                        String.valueOf(author.id()).equals(selected))));
        return options;
    }

    /** Words of the body as readers will count them: Markdown's marks and link targets are not words. */
    static int words(String markdown) {
        String text = markdown.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("[#>*_`~|-]", " ").strip();
        return text.isEmpty() ? 0 : text.split("\\s+").length;
    }

    private static Long parse(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
