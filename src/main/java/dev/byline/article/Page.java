package dev.byline.article;

import java.util.List;

/**
 * One page of a list, numbered from 1. Lists are read one row past the page to learn whether another page
 * follows, so no page ever counts the whole archive: on 100k articles a COUNT(*) costs more than the page.
 *
 * @param next that one row past the page, the first of the next page; null on the last page. How far down a page
 *             reads ends there: a list write below it cannot change the page (see {@code Keys.listDownTo}).
 */
public record Page<T>(List<T> items, long number, int size, T next) {

    /** Builds the page from up to {@code size + 1} rows. */
    static <T> Page<T> of(List<T> rowsPlusOne, long number, int size) {
        boolean more = rowsPlusOne.size() > size;
        return new Page<>(more ? rowsPlusOne.subList(0, size) : rowsPlusOne, number, size,
                more ? rowsPlusOne.get(size) : null);
    }

    public boolean hasNext() {
        return next != null;
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    /** A page past the end of the list: it has nothing on it and is not the first. */
    public boolean isPastTheEnd() {
        return items.isEmpty() && number > 1;
    }
}
