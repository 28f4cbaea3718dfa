package dev.byline.taxonomy;

/** A free label on articles (Russia, Taliban). */
public record Tag(long id, String slug, String name, String description) {
}
