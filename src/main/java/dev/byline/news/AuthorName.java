package dev.byline.news;

/** A name on a card's byline: what a teaser shows of an author (the full {@link Contributor} is for pages). */
public record AuthorName(long id, String slug, String name) {
}
