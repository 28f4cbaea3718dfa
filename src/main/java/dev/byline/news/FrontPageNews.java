package dev.byline.news;

import java.util.List;

/**
 * The first page of the home page: the lead story (the editors' pick, else the newest), the stories they pinned
 * above the latest, in their order, and the latest news without the stories already shown above it.
 *
 * @param lead   null only when nothing is published
 * @param latest the first page of the latest list; its cards leave out the lead and the pinned stories
 */
public record FrontPageNews(ArticleCard lead, List<ArticleCard> pinned, Listing latest) {
}
