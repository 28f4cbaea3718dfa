package dev.byline.article;

import java.util.List;

/** One page of a paginated list, numbered from 1. */
public record Page<T>(List<T> items, long number, int size, long totalItems) {

    public long totalPages() {
        return Math.max(1, (totalItems + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < totalPages();
    }
}
