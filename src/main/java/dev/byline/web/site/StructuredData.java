package dev.byline.web.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.article.Article;
import dev.byline.people.Author;
import dev.byline.web.site.Views.ArticleView;
import dev.byline.web.site.Views.Image;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** schema.org NewsArticle as JSON-LD, the form search engines read for news. */
final class StructuredData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StructuredData() {
    }

    static String newsArticle(String baseUrl, ArticleView view, Article article, List<Author> authors, Image image,
                              String siteName, String sectionName) {
        var data = new LinkedHashMap<String, Object>();
        data.put("@context", "https://schema.org");
        data.put("@type", "NewsArticle");
        data.put("mainEntityOfPage", baseUrl + SiteUrls.wire(view.url()));
        data.put("headline", article.title());
        if (!article.dek().isBlank()) {
            data.put("description", article.dek());
        }
        data.put("datePublished", view.dateIso());
        data.put("dateModified", view.updatedIso() != null ? view.updatedIso() : view.dateIso());
        data.put("articleSection", sectionName);
        data.put("author", authors.stream().map(author -> Map.of("@type", "Person", "name", author.displayName(),
                "url", baseUrl + SiteUrls.wire(author.url()))).toList());
        if (image != null) {
            data.put("image", List.of(baseUrl + image.src()));
        }
        data.put("publisher", Map.of("@type", "NewsMediaOrganization", "name", siteName, "url", baseUrl + "/"));
        try {
            // inside <script>, "</" would end the element early
            return JSON.writeValueAsString(data).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
