package dev.byline.news;

import dev.byline.media.Media;
import java.util.List;

/**
 * A name on a byline, as readers see it.
 *
 * @param avatar the author's picture, or null when there is none
 * @param links  the author's own pages (website, social profiles), http(s) URLs
 */
public record Contributor(long id, String slug, String name, String bio, Media avatar, List<String> links) {
}
