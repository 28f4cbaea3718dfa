package dev.byline.article;

import java.time.Instant;
import java.util.List;

/**
 * One save of an article, kept: who, when, and every field as saved. An autosave is a revision too (one per
 * person and article, replaced by their next autosave).
 *
 * @param version    the article's version this save made; for an autosave, the version it was made from
 * @param who        the name of who saved it
 * @param note       what the save was, when more than an edit: "Restored the revision of …", "Moved to the trash"
 * @param sectionId  null for a page
 * @param tagNames   the tags, by name, in order
 */
public record Revision(long id, long articleId, long version, String who, Instant at, boolean autosave,
                       String note, Kind kind, String title, String dek, String slug, String bodyMarkdown,
                       String excerpt, Long sectionId, Long featuredMediaId, String seoTitle, String seoDescription,
                       ArticleStatus status, Instant publishedAt, List<String> tagNames, List<Long> authorIds) {
}
