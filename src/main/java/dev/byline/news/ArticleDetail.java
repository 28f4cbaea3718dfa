package dev.byline.news;

import dev.byline.article.Note;
import dev.byline.media.Media;
import dev.byline.taxonomy.Section;
import dev.byline.taxonomy.Tag;
import java.time.Instant;
import java.util.List;

/**
 * A published article, whole.
 *
 * @param bodyHtml     rendered and sanitised when saved; safe to emit as is
 * @param sectionTrail the article's section and its parents, outermost first: World › Asia
 * @param tags         in the order the editor gave them
 * @param bylines      in the order the editor gave them
 * @param image        the featured image, or null
 * @param related      the latest other articles of its section, newest first
 * @param seoTitle     the headline for search engines and shares, "" for the headline itself
 * @param seoDescription the description for search engines, "" for the dek or excerpt
 * @param notes        its corrections and updates, oldest first
 */
public record ArticleDetail(long id, String slug, String title, String dek, String excerpt, String bodyHtml,
                            List<Section> sectionTrail, List<Tag> tags, Instant publishedAt, Instant updatedAt,
                            List<Contributor> bylines, Media image, List<ArticleCard> related, String seoTitle,
                            String seoDescription, List<Note> notes) {

    /** The article's own section: the last of the trail. */
    public Section section() {
        return sectionTrail.getLast();
    }
}
