package dev.byline.web.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.news.ArticleDetail;
import dev.byline.settings.Settings;
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

    static String newsArticle(String baseUrl, ArticleView view, ArticleDetail article, Image image, Settings site) {
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
        data.put("articleSection", article.section().name());
        data.put("author", article.bylines().stream().map(author -> ordered("@type", "Person", "name", author.name(),
                "url", baseUrl + SiteUrls.wire(SiteUrls.author(author.slug())))).toList());
        if (image != null) {
            data.put("image", List.of(baseUrl + image.src()));
        }
        data.put("inLanguage", site.language());
        data.put("publisher", ordered("@type", "NewsMediaOrganization", "name", site.siteTitle(), "url",
                baseUrl + "/"));
        try {
            // inside <script>, "</" would end the element early
            return JSON.writeValueAsString(data).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A JSON object with its members in the order given. Map.of iterates in an order that changes from one JVM
     * start to the next, which gave the same page different bytes, and so different ETags, on every node.
     */
    private static Map<String, String> ordered(String... namesAndValues) {
        var members = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return members;
    }
}
