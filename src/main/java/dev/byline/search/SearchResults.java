package dev.byline.search;

import java.util.List;

/**
 * A page of results.
 *
 * @param text       what was searched for, as read ({@link QueryText#normalized})
 * @param total      how many match in all
 * @param suggestion the text with a misspelt word replaced by one the index knows, when that finds something; or
 *                   null
 */
public record SearchResults(String text, long total, int page, int pageSize, List<SearchHit> hits,
                            String suggestion) {

    public SearchResults {
        hits = List.copyOf(hits);
    }

    public long pages() {
        return (total + pageSize - 1) / pageSize;
    }

    public boolean hasNext() {
        return (long) page * pageSize < total && page < SearchRequest.MAX_PAGE;
    }
}
