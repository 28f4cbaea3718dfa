package dev.byline.news;

/** The articles an author's name stands on. */
public record AuthorArchive(Contributor author, Listing listing) {
}
