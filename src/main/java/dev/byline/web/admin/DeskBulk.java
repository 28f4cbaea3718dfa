package dev.byline.web.admin;

import dev.byline.account.Actor;
import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.article.Desk;
import dev.byline.error.BadRequest;
import dev.byline.error.Conflict;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.taxonomy.Tag;
import dev.byline.taxonomy.TaxonomyService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The list's bulk actions: each ticked article goes through the {@link Desk} on its own, as if its editor had
 * pressed the button, so every rule (roles, versions, the trash) holds; a refusal is reported with the article's
 * title and the Desk's reason, and the others still go ahead.
 */
final class DeskBulk {

    private final Desk desk;
    private final TaxonomyService taxonomy;

    DeskBulk(Desk desk, TaxonomyService taxonomy) {
        this.desk = desk;
        this.taxonomy = taxonomy;
    }

    /**
     * @param ids each ticked article's id, with the version the list showed (null: any): one changed since is
     *            refused, as its editor's button would be
     */
    DeskViews.Report apply(Actor actor, String action, Map<Long, Long> ids, String sectionField) {
        if (ids.isEmpty()) {
            throw new BadRequest("Tick at least one article for the action.");
        }
        Long sectionId = null;
        if ("section".equals(action)) {
            try {
                sectionId = Long.parseLong(sectionField == null ? "" : sectionField.strip());
            } catch (NumberFormatException e) {
                throw new BadRequest("Choose the section to move the articles to.");
            }
        }
        String verb = switch (action == null ? "" : action) {
            case "publish" -> "Published";
            case "trash" -> "Moved to the trash";
            case "restore" -> "Restored";
            case "delete" -> "Deleted for good";
            case "section" -> "Moved to the section";
            default -> throw new BadRequest("Choose an action: publish, move to the trash, restore, delete for good "
                    + "or move to a section.");
        };
        int done = 0;
        var refused = new ArrayList<String>();
        for (var picked : ids.entrySet()) {
            long id = picked.getKey();
            String title = "Article " + id;
            try {
                Article article = desk.find(actor, id).orElseThrow(() -> new NotFound("it no longer exists."));
                title = "“" + article.title() + "”";
                if (picked.getValue() != null && picked.getValue() != article.version()) {
                    throw new Conflict("it was changed after this list was shown: open it to see what changed.");
                }
                switch (action) {
                    case "publish" -> publish(actor, article);
                    case "trash" -> desk.trash(actor, id, article.version());
                    case "restore" -> desk.restore(actor, id);
                    case "delete" -> desk.deleteForever(actor, id);
                    default -> move(actor, article, sectionId);
                }
                done++;
            } catch (Forbidden | Invalid | Conflict | NotFound refusal) {
                refused.add(title + ": " + reason(refusal));
            }
        }
        return new DeskViews.Report(verb + ": " + done + " of " + ids.size() + ".", refused);
    }

    private void publish(Actor actor, Article article) {
        if (article.status() == ArticleStatus.PUBLISHED) {
            throw new Conflict("it is published already.");
        }
        if (article.status() == ArticleStatus.TRASH) {
            throw new Conflict("it is in the trash: restore it first.");
        }
        // publishing now: a date it was only scheduled for is not kept
        ArticleDraft draft = ArticleDraft.of(article, tagNames(article)).withStatus(ArticleStatus.PUBLISHED);
        desk.save(actor, new ArticleDraft(draft.id(), draft.title(), draft.dek(), draft.slug(), draft.bodyMarkdown(),
                draft.excerpt(), draft.featuredMediaId(), draft.status(), draft.sectionId(), draft.authorIds(),
                draft.tagNames(), article.status() == ArticleStatus.SCHEDULED ? null : draft.publishedAt(),
                draft.version(), draft.seoTitle(), draft.seoDescription(), draft.kind()));
    }

    private void move(Actor actor, Article article, long sectionId) {
        if (article.isPage()) {
            throw new Conflict("pages belong to no section.");
        }
        ArticleDraft draft = ArticleDraft.of(article, tagNames(article));
        desk.save(actor, new ArticleDraft(draft.id(), draft.title(), draft.dek(), draft.slug(), draft.bodyMarkdown(),
                draft.excerpt(), draft.featuredMediaId(), draft.status(), sectionId, draft.authorIds(),
                draft.tagNames(), draft.publishedAt(), draft.version(), draft.seoTitle(), draft.seoDescription(),
                draft.kind()));
    }

    List<String> tagNames(Article article) {
        Map<Long, String> names = taxonomy.tags(article.tagIds()).stream()
                .collect(Collectors.toMap(Tag::id, Tag::name, (a, b) -> a));
        return article.tagIds().stream().map(names::get).filter(java.util.Objects::nonNull).toList();
    }

    private static String reason(RuntimeException refusal) {
        if (refusal instanceof Invalid invalid) {
            return String.join(" ", invalid.fieldErrors().values());
        }
        return refusal.getMessage();
    }

}
