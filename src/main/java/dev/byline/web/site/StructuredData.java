package dev.byline.web.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.article.Note;
import dev.byline.article.NoteKind;
import dev.byline.media.Media;
import dev.byline.news.ArticleDetail;
import dev.byline.settings.Settings;
import dev.byline.taxonomy.Section;
import dev.byline.web.site.Views.ArticleView;
import dev.byline.web.site.Views.ShareImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * schema.org as JSON-LD, the form search engines read: on an article a NewsArticle and its BreadcrumbList, on the
 * home page the WebSite with its search box. Every object is a LinkedHashMap, so the same page has the same bytes
 * on every node (a HashMap's order, Map.of's, changes from one JVM start to the next, and with it the ETag).
 */
final class StructuredData {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Google's least for an article image: 50,000 pixels (width × height). Smaller copies are thumbnails. */
    private static final int LEAST_PIXELS = 50_000;

    private StructuredData() {
    }

    /**
     * @param modifiedIso when the article last changed (never before it was published)
     * @param logo        the publisher's logo (absolute URL)
     */
    static String newsArticle(String baseUrl, ArticleView view, ArticleDetail article, Settings site,
                              String modifiedIso, ShareImage logo, Function<java.time.Instant, String> iso) {
        String url = baseUrl + SiteUrls.wire(view.url());
        var data = new LinkedHashMap<String, Object>();
        data.put("@type", "NewsArticle");
        data.put("@id", url + "#article");
        data.put("mainEntityOfPage", ordered("@type", "WebPage", "@id", url));
        data.put("url", url);
        data.put("headline", article.title());
        String description = !article.seoDescription().isBlank() ? article.seoDescription()
                : article.dek().isBlank() ? article.excerpt() : article.dek();
        if (!description.isBlank()) {
            data.put("description", description);
        }
        if (article.image() != null) {
            data.put("image", images(baseUrl, article.image()));
        }
        data.put("datePublished", view.dateIso());
        data.put("dateModified", modifiedIso);
        data.put("author", article.bylines().stream().map(author -> ordered("@type", "Person", "name", author.name(),
                "url", baseUrl + SiteUrls.wire(SiteUrls.author(author.slug())))).toList());
        data.put("publisher", publisher(baseUrl, site, logo));
        data.put("articleSection", article.section().name());
        if (!article.tags().isEmpty()) {
            data.put("keywords", article.tags().stream().map(tag -> tag.name()).toList());
        }
        data.put("inLanguage", site.language());
        List<Map<String, Object>> corrections = new ArrayList<>();
        for (Note note : article.notes()) {
            if (note.kind() == NoteKind.CORRECTION) {
                var correction = new LinkedHashMap<String, Object>();
                correction.put("@type", "CorrectionComment");
                correction.put("text", note.body());
                correction.put("datePublished", iso.apply(note.at()));
                corrections.add(correction);
            }
        }
        if (!corrections.isEmpty()) {
            data.put("correction", corrections);
        }
        return json(graph(data, breadcrumbs(baseUrl, site, article.sectionTrail(), article.title(), url)));
    }

    /** The home page: the site, who publishes it and its search (the search page answers at /search?q=). */
    static String webSite(String baseUrl, Settings site, ShareImage logo) {
        var data = new LinkedHashMap<String, Object>();
        data.put("@type", "WebSite");
        data.put("@id", baseUrl + "/#website");
        data.put("url", baseUrl + "/");
        data.put("name", site.siteTitle());
        if (!site.tagline().isBlank()) {
            data.put("description", site.tagline());
        }
        data.put("inLanguage", site.language());
        data.put("publisher", publisher(baseUrl, site, logo));
        var action = new LinkedHashMap<String, Object>();
        action.put("@type", "SearchAction");
        action.put("target", ordered("@type", "EntryPoint", "urlTemplate", baseUrl + "/search?q={search_term_string}"));
        action.put("query-input", "required name=search_term_string");
        data.put("potentialAction", action);
        return json(graph(data));
    }

    /** The article's image at each size stored (no cropped copies exist: each keeps the original's ratio). */
    private static List<Map<String, Object>> images(String baseUrl, Media media) {
        var sizes = new ArrayList<Integer>();
        sizes.add(media.width());
        media.variants().stream().filter(width -> width < media.width()).sorted(Comparator.reverseOrder())
                .forEach(sizes::add);
        var images = new ArrayList<Map<String, Object>>();
        for (int width : sizes) {
            int height = width == media.width() ? media.height() : media.heightAt(width);
            if (width * height < LEAST_PIXELS && !images.isEmpty()) {
                continue;
            }
            var image = new LinkedHashMap<String, Object>();
            image.put("@type", "ImageObject");
            image.put("url", baseUrl + (width == media.width() ? media.url() : media.url(width)));
            image.put("width", width);
            image.put("height", height);
            images.add(image);
        }
        return images;
    }

    private static Map<String, Object> publisher(String baseUrl, Settings site, ShareImage logo) {
        var publisher = new LinkedHashMap<String, Object>();
        publisher.put("@type", "NewsMediaOrganization");
        publisher.put("@id", baseUrl + "/#publisher");
        publisher.put("name", site.siteTitle());
        publisher.put("url", baseUrl + "/");
        var image = new LinkedHashMap<String, Object>();
        image.put("@type", "ImageObject");
        image.put("url", logo.url());
        image.put("width", logo.width());
        image.put("height", logo.height());
        publisher.put("logo", image);
        return publisher;
    }

    /** Home, the section and each above it, the article. */
    private static Map<String, Object> breadcrumbs(String baseUrl, Settings site, List<Section> trail, String title,
                                                   String url) {
        var items = new ArrayList<Map<String, Object>>();
        items.add(crumb(1, site.siteTitle(), baseUrl + "/"));
        for (Section section : trail) {
            items.add(crumb(items.size() + 1, section.name(), baseUrl + SiteUrls.wire(SiteUrls.section(section.slug()))));
        }
        items.add(crumb(items.size() + 1, title, url));
        var list = new LinkedHashMap<String, Object>();
        list.put("@type", "BreadcrumbList");
        list.put("itemListElement", items);
        return list;
    }

    private static Map<String, Object> crumb(int position, String name, String url) {
        var item = new LinkedHashMap<String, Object>();
        item.put("@type", "ListItem");
        item.put("position", position);
        item.put("name", name);
        item.put("item", url);
        return item;
    }

    @SafeVarargs
    private static Map<String, Object> graph(Map<String, Object>... nodes) {
        var data = new LinkedHashMap<String, Object>();
        data.put("@context", "https://schema.org");
        data.put("@graph", List.of(nodes));
        return data;
    }

    private static String json(Object data) {
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
