package dev.byline.news;

import java.util.List;

/**
 * What a feed of articles carries: the newest articles of the site, a section, a tag or an author.
 *
 * @param name  the section's, tag's or author's name; null for the whole site
 * @param slug  its slug; null for the whole site
 * @param items newest first
 */
public record FeedNews(String name, String slug, List<FeedItem> items) {
}
