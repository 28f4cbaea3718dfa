package dev.byline.news;

import dev.byline.taxonomy.Tag;

/** A tag's articles. */
public record TagArchive(Tag tag, Listing listing) {
}
