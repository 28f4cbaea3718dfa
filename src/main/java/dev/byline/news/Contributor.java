package dev.byline.news;

import dev.byline.media.Media;

/**
 * A name on a byline, as readers see it.
 *
 * @param avatar the author's picture, or null when there is none
 */
public record Contributor(long id, String slug, String name, String bio, Media avatar) {
}
