package dev.byline.media;

import java.util.List;

/**
 * What shows an image: the articles (some of them, and how many in all), the authors whose picture it is, the
 * site's logo. An image in use is not deleted.
 */
public record MediaUses(List<Use> articles, long articleCount, List<Use> others) {

    public enum Kind { ARTICLE, AUTHOR, LOGO }

    /** @param status the article's status ("published", "draft", …); empty for the other kinds */
    public record Use(Kind kind, long id, String title, String status) {
    }

    /**
     * The same, naming only published articles: for those who may not open everyone's stories (an embargoed
     * headline is not theirs to read). The others still count.
     */
    public MediaUses publishedOnly() {
        return new MediaUses(articles.stream().filter(use -> "published".equals(use.status())).toList(),
                articleCount, others);
    }

    public boolean isEmpty() {
        return articleCount == 0 && others.isEmpty();
    }

    /** "2 articles and the site's logo": for messages. */
    public String summary() {
        var parts = new java.util.ArrayList<String>();
        if (articleCount > 0) {
            parts.add(articleCount == 1 ? "1 article" : articleCount + " articles");
        }
        for (Use other : others) {
            parts.add(other.kind() == Kind.AUTHOR ? "the picture of " + other.title() : "the site's logo");
        }
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }
}
