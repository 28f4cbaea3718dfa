package dev.byline.news;

import dev.byline.media.Media;
import dev.byline.taxonomy.Tag;
import java.util.List;

/** A published article as a feed carries it: its card, the whole body and its tags. */
public record FeedItem(ArticleCard card, String bodyHtml, List<Tag> tags) {

    /** The featured image, or null. */
    public Media image() {
        return card.image();
    }
}
