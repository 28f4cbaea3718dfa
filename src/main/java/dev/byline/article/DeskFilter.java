package dev.byline.article;

import java.time.Instant;

/**
 * What the desk's list shows: one kind (articles or pages), and the filters as the service checked them.
 *
 * @param status   one status, or null for every status but the trash
 * @param sectionIds the section and those nested under it, or null for any
 * @param tagId    or null for any
 * @param authorId or null for anyone's
 * @param from     inclusive, or null; the date is the publication date, or the last change of what never was
 *                 published
 * @param until    exclusive, or null
 * @param search   words the title contains (any case), or "" for any title
 */
public record DeskFilter(Kind kind, ArticleStatus status, java.util.List<Long> sectionIds, Long tagId, Long authorId,
                         Instant from, Instant until, String search, Sort sort) {

    /** How the list is ordered; each ends with the id, so a page boundary never splits ties differently. */
    public enum Sort {
        CHANGED("Last changed first", "a.updated_at DESC, a.id DESC"),
        CHANGED_OLDEST("Least recently changed first", "a.updated_at ASC, a.id ASC"),
        TITLE("Title, A to Z", "a.title ASC, a.id ASC");

        public final String label;
        final String orderBy;

        Sort(String label, String orderBy) {
            this.label = label;
            this.orderBy = orderBy;
        }

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static java.util.Optional<Sort> parse(String key) {
            for (Sort sort : values()) {
                if (sort.key().equals(key)) {
                    return java.util.Optional.of(sort);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
