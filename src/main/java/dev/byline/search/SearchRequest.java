package dev.byline.search;

import java.time.Instant;

/**
 * One search: what was typed and the filters, as the page or the API read them.
 *
 * @param text    what was typed, as typed (read leniently: {@link QueryText})
 * @param section a section's slug (its subsections included), or null for any
 * @param tag     a tag's slug, or null
 * @param author  an author's slug, or null
 * @param from    inclusive, or null
 * @param until   exclusive, or null
 * @param byDate  newest first instead of best match first
 * @param page    1 or more; {@link #MAX_PAGE} at most
 */
public record SearchRequest(String text, String section, String tag, String author, Instant from, Instant until,
                            boolean byDate, int page, int pageSize) {

    /** Pages past this are not offered: nobody reads the 1,001st result, and deep pages cost the most. */
    public static final int MAX_PAGE = 100;

    public SearchRequest {
        text = text == null ? "" : text;
        if (page < 1 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page " + page + " is out of 1.." + MAX_PAGE);
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("page size " + pageSize + " is out of 1..100");
        }
    }

    public static SearchRequest of(String text) {
        return new SearchRequest(text, null, null, null, null, null, false, 1, 10);
    }

    public SearchRequest withText(String other) {
        return new SearchRequest(other, section, tag, author, from, until, byDate, page, pageSize);
    }
}
