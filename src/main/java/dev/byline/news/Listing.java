package dev.byline.news;

import java.util.List;

/** One page of a list of articles, numbered from 1, newest first. */
public record Listing(List<ArticleCard> cards, long page, int pageSize, boolean hasNext) {

    public boolean hasPrevious() {
        return page > 1;
    }
}
