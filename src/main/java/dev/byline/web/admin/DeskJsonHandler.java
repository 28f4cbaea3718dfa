package dev.byline.web.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.Autosaved;
import dev.byline.article.Desk;
import dev.byline.article.Kind;
import dev.byline.error.BadRequest;
import dev.byline.error.Conflict;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.TaxonomyService;
import dev.byline.text.PastedHtml;
import dev.byline.web.admin.ArticleForm.Action;
import dev.byline.web.site.SiteViews;
import dev.byline.web.support.Templates;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the editor's script asks for, each also reachable without it where that makes sense: the preview (a form
 * post opening the public page's look in a new tab, or in the editor's frame), autosave and presence (JSON, every
 * few seconds), and paste conversion (JSON). Every POST carries the CSRF token, as a form field or the
 * {@code X-CSRF-Token} header. JSON answers say what went wrong in {@code error} (and {@code fields}).
 */
final class DeskJsonHandler {

    /** The preview may be shown in the editor's own frame, and nowhere else. */
    static final String PREVIEW_CSP = "default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "font-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Desk desk;
    private final EditorPages editor;
    private final TaxonomyService taxonomy;
    private final SiteViews site;
    private final Templates templates;
    private final PastedHtml paste = new PastedHtml();

    DeskJsonHandler(Desk desk, EditorPages editor, TaxonomyService taxonomy, SiteViews site, Templates templates) {
        this.desk = desk;
        this.editor = editor;
        this.taxonomy = taxonomy;
        this.site = site;
        this.templates = templates;
    }

    record Saved(long articleId, long version, String at, List<String> others) {
    }

    record Others(List<String> others) {
    }

    record Markdown(String markdown) {
    }

    record Refused(String error, Map<String, String> fields) {
    }

    /** POST /admin/articles/preview: the form as the public page will show it, nothing saved. */
    void preview(Context ctx, AdminRequest request) {
        long id = idField(ctx);
        Optional<Article> current = id == 0 ? Optional.empty() : desk.find(request.actor(), id);
        Map<String, String> typed = ArticleForm.typed(ctx);
        ArticleDraft draft = ArticleForm.draft(typed, id, Action.UPDATE, current, editor.zone(), true);
        List<Section> sections = taxonomy.sections();
        Long sectionId = draft.sectionId();
        if (draft.kind() != Kind.PAGE && (sectionId == null
                || sections.stream().noneMatch(section -> section.id() == sectionId))) {
            if (sections.isEmpty()) {
                throw new BadRequest("Create a section first: an article is shown in one.");
            }
            draft = inSection(draft, sections.getFirst().id()); // a preview needs one; a save still asks
        }
        Article unsaved = desk.preview(request.actor(), draft);
        byte[] html = unsaved.isPage() ? templates.render("page.jte", site.previewPage(unsaved))
                : templates.render("article.jte", site.previewArticle(unsaved));
        ctx.header("Content-Security-Policy", PREVIEW_CSP);
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        ctx.status(200).contentType("text/html; charset=utf-8").result(html);
    }

    /** POST /admin/articles/autosave: keeps what the form holds (a new article is created as a draft). */
    void autosave(Context ctx, AdminRequest request) {
        long id = idField(ctx);
        try {
            Optional<Article> current = id == 0 ? Optional.empty() : desk.find(request.actor(), id);
            ArticleDraft draft = ArticleForm.draft(ArticleForm.typed(ctx), id, Action.UPDATE, current, editor.zone(),
                    true);
            Autosaved saved = desk.autosave(request.actor(), draft);
            send(ctx, 200, new Saved(saved.articleId(), saved.version(),
                    AdminDates.dateTime(saved.at(), editor.zone()).replaceFirst(".*, ", ""),
                    desk.othersEditing(request.actor(), saved.articleId())));
        } catch (Invalid invalid) {
            send(ctx, 422, new Refused("Not autosaved: " + String.join(" ", invalid.fieldErrors().values()),
                    ArticleForm.atFields(invalid.fieldErrors())));
        } catch (Forbidden | NotFound | Conflict refused) {
            send(ctx, refused instanceof Forbidden ? 403 : refused instanceof NotFound ? 404 : 409,
                    new Refused(refused.getMessage(), Map.of()));
        }
    }

    /** POST /admin/articles/{id}/here: the editor is still open; who else is. */
    void here(Context ctx, AdminRequest request) {
        long id = ArticleEditorHandler.id(ctx);
        try {
            send(ctx, 200, new Others(desk.here(request.actor(), id)));
        } catch (Forbidden | NotFound refused) {
            send(ctx, refused instanceof Forbidden ? 403 : 404, new Refused(refused.getMessage(), Map.of()));
        }
    }

    /** POST /admin/articles/paste, {"html": "…"}: the pasted HTML as Markdown. */
    void paste(Context ctx, AdminRequest request) {
        dev.byline.account.Policy.require(request.actor(), dev.byline.account.Capability.WRITE_ARTICLES,
                "write articles");
        String html;
        try {
            JsonNode body = MAPPER.readTree(ctx.body());
            html = body == null || !body.path("html").isTextual() ? null : body.get("html").asText();
        } catch (JsonProcessingException e) {
            html = null;
        }
        if (html == null) {
            send(ctx, 400, new Refused("Send {\"html\": \"…\"}: the pasted HTML as a JSON string.", Map.of()));
            return;
        }
        if (html.length() > PastedHtml.MAX_CHARS) {
            send(ctx, 413, new Refused("That paste is too large to convert; paste it in parts.", Map.of()));
            return;
        }
        send(ctx, 200, new Markdown(paste.toMarkdown(html)));
    }

    private static ArticleDraft inSection(ArticleDraft draft, long sectionId) {
        return new ArticleDraft(draft.id(), draft.title(), draft.dek(), draft.slug(), draft.bodyMarkdown(),
                draft.excerpt(), draft.featuredMediaId(), draft.status(), sectionId, draft.authorIds(),
                draft.tagNames(), draft.publishedAt(), draft.version(), draft.seoTitle(), draft.seoDescription(),
                draft.kind());
    }

    private static long idField(Context ctx) {
        String value = ctx.formParam("id");
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("“" + value + "” is not an article.");
        }
    }

    static void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
        }
    }
}
