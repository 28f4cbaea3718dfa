package dev.byline.article;

import java.time.Instant;
import java.util.List;

/**
 * What an editor submits: a new article ({@code id == 0}) or changes to one. Blank slug and excerpt are derived
 * from the title and body.
 *
 * @param sectionId      required for an article; null only when the form left it out; null for a page
 * @param publishedAt    null to keep the publication date (or publish now, the first time), or the time to
 *                       schedule for
 * @param version        for an update, the version of the article the changes were made to: if it has been
 *                       saved since, the update is refused ({@link dev.byline.error.Conflict}); ignored for a new
 *                       article
 * @param seoTitle       optional override of the headline for search engines ("" or null: none)
 * @param seoDescription optional override of the excerpt for search engines ("" or null: none)
 * @param kind           ARTICLE or PAGE (null: ARTICLE); fixed when the article is created
 */
public record ArticleDraft(long id, String title, String dek, String slug, String bodyMarkdown, String excerpt,
                           Long featuredMediaId, ArticleStatus status, Long sectionId, List<Long> authorIds,
                           List<String> tagNames, Instant publishedAt, long version, String seoTitle,
                           String seoDescription, Kind kind) {

    /** An article without SEO overrides, as before the desk. */
    public ArticleDraft(long id, String title, String dek, String slug, String bodyMarkdown, String excerpt,
                        Long featuredMediaId, ArticleStatus status, Long sectionId, List<Long> authorIds,
                        List<String> tagNames, Instant publishedAt, long version) {
        this(id, title, dek, slug, bodyMarkdown, excerpt, featuredMediaId, status, sectionId, authorIds, tagNames,
                publishedAt, version, "", "", Kind.ARTICLE);
    }

    /** A new article. */
    public ArticleDraft(long id, String title, String dek, String slug, String bodyMarkdown, String excerpt,
                        Long featuredMediaId, ArticleStatus status, Long sectionId, List<Long> authorIds,
                        List<String> tagNames, Instant publishedAt) {
        this(id, title, dek, slug, bodyMarkdown, excerpt, featuredMediaId, status, sectionId, authorIds, tagNames,
                publishedAt, 0);
    }

    /** The same draft in another status: how the desk's buttons (submit, publish, schedule) differ. */
    public ArticleDraft withStatus(ArticleStatus newStatus) {
        return new ArticleDraft(id, title, dek, slug, bodyMarkdown, excerpt, featuredMediaId, newStatus, sectionId,
                authorIds, tagNames, publishedAt, version, seoTitle, seoDescription, kind);
    }

    /** The draft as an edit of article {@code articleId} at {@code articleVersion}. */
    public ArticleDraft forArticle(long articleId, long articleVersion) {
        return new ArticleDraft(articleId, title, dek, slug, bodyMarkdown, excerpt, featuredMediaId, status,
                sectionId, authorIds, tagNames, publishedAt, articleVersion, seoTitle, seoDescription, kind);
    }

    /** The draft as it was made from an article: everything it has, unchanged. */
    public static ArticleDraft of(Article article, List<String> tagNames) {
        return new ArticleDraft(article.id(), article.title(), article.dek(), article.slug(), article.bodyMarkdown(),
                article.excerpt(), article.featuredMediaId(), article.status(),
                article.isPage() ? null : article.sectionId(), article.authorIds(), tagNames, article.publishedAt(),
                article.version(), article.seoTitle(), article.seoDescription(), article.kind());
    }
}
