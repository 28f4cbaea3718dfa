package dev.byline.web.site;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.byline.media.Media;
import dev.byline.news.ArticleCard;
import dev.byline.news.AuthorName;
import dev.byline.news.DistributionStore;
import dev.byline.news.FeedItem;
import dev.byline.news.FeedNews;
import dev.byline.settings.Settings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Writes RSS 2.0 and Atom 1.0 with ROME from the read model's feed answers: absolute links from the base URL,
 * each article's id as {@code <base>/?p=ID} (WordPress's, not a permalink: it stays the same across edits and
 * slug changes), the body whole or the excerpt alone as the settings say, the featured image as an enclosure and
 * a {@code media:content} with its type and byte length. Comments carry their author's name, never an address.
 */
final class FeedWriter {

    /** The two formats, with their content types. */
    enum Format {
        RSS("rss_2.0", "application/rss+xml; charset=utf-8"),
        ATOM("atom_1.0", "application/atom+xml; charset=utf-8");

        final String rome;
        final String contentType;

        Format(String rome, String contentType) {
            this.rome = rome;
            this.contentType = contentType;
        }
    }

    /** Feed readers show a lead image this wide or a little wider. */
    static final int IMAGE_WIDTH = 1200;

    private final String baseUrl;
    private final SiteUrls urls;
    private final Path mediaRoot;

    FeedWriter(String baseUrl, SiteUrls urls, Path mediaRoot) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.urls = urls;
        this.mediaRoot = mediaRoot;
    }

    /**
     * @param path    the feed's own path (its self link)
     * @param htmlUrl the path of the page the feed follows
     * @param name    what it follows (a section's name...), or null for the whole site
     */
    byte[] articles(Format format, Settings site, FeedNews feed, String path, String htmlUrl) {
        SyndFeed out = head(format, site, feed.name() == null ? site.siteTitle()
                : site.siteTitle() + " » " + feed.name(), path, htmlUrl);
        var entries = new ArrayList<SyndEntry>();
        for (FeedItem item : feed.items()) {
            entries.add(entry(item, site.feeds().fullText()));
            creators(format, entries.getLast());
        }
        out.setEntries(entries);
        out.setPublishedDate(newest(entries));
        return write(out);
    }

    /** @param title the article's title, or null for the site-wide comment feed */
    byte[] comments(Format format, Settings site, List<DistributionStore.Remark> remarks, String title, String path,
                    String htmlUrl) {
        SyndFeed out = head(format, site, title == null ? "Comments for " + site.siteTitle()
                : "Comments on: " + title, path, htmlUrl);
        var entries = new ArrayList<SyndEntry>();
        for (DistributionStore.Remark remark : remarks) {
            var entry = new SyndEntryImpl();
            String articleUrl = absolute(urls.article(remark.articleSlug(), remark.articlePublishedAt()));
            entry.setTitle("By: " + remark.authorName() + (title == null ? " on " + remark.articleTitle() : ""));
            entry.setLink(articleUrl + "#comment-" + remark.id());
            entry.setUri(baseUrl + "/?p=" + remark.articleId() + "#comment-" + remark.id());
            entry.setAuthors(List.of(person(remark.authorName())));
            entry.setPublishedDate(Date.from(remark.createdAt()));
            entry.setUpdatedDate(Date.from(remark.createdAt()));
            entry.setDescription(html(absoluteLinks(remark.bodyHtml())));
            entries.add(entry);
            creators(format, entry);
        }
        out.setEntries(entries);
        out.setPublishedDate(newest(entries));
        return write(out);
    }

    private SyndFeed head(Format format, Settings site, String title, String path, String htmlUrl) {
        var out = new SyndFeedImpl();
        out.setFeedType(format.rome);
        out.setEncoding("UTF-8");
        out.setTitle(title);
        out.setLink(absolute(htmlUrl));
        out.setUri(absolute(path)); // Atom's feed id: its address
        out.setDescription(site.tagline().isBlank() ? site.siteTitle() : site.tagline());
        out.setLanguage(site.language());
        out.setGenerator("Byline");
        var self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(absolute(path));
        self.setType(format.contentType.substring(0, format.contentType.indexOf(';')));
        var alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(absolute(htmlUrl));
        alternate.setType("text/html");
        out.setLinks(List.<SyndLink>of(alternate, self));
        return out;
    }

    private SyndEntry entry(FeedItem item, boolean fullText) {
        ArticleCard card = item.card();
        var entry = new SyndEntryImpl();
        entry.setTitle(card.title());
        entry.setLink(absolute(urls.article(card.slug(), card.publishedAt())));
        entry.setUri(baseUrl + "/?p=" + card.id());
        entry.setPublishedDate(Date.from(card.publishedAt()));
        entry.setUpdatedDate(Date.from(card.updatedAt()));
        var people = new ArrayList<SyndPerson>();
        for (AuthorName author : card.bylines()) {
            SyndPerson person = person(author.name());
            person.setUri(absolute(SiteUrls.author(author.slug())));
            people.add(person);
        }
        entry.setAuthors(people);
        var categories = new ArrayList<SyndCategory>();
        if (card.section() != null) {
            categories.add(category(card.section().name()));
        }
        item.tags().forEach(tag -> categories.add(category(tag.name())));
        entry.setCategories(categories);
        String summary = card.dek().isBlank() ? card.excerpt() : card.dek();
        var description = new SyndContentImpl();
        description.setType("text/plain");
        description.setValue(summary);
        entry.setDescription(description);
        if (fullText) {
            entry.setContents(List.<SyndContent>of(html(absoluteLinks(item.bodyHtml()))));
        }
        image(item.image()).ifPresent(image -> {
            var enclosure = new SyndEnclosureImpl();
            enclosure.setUrl(image.url());
            enclosure.setType(image.type());
            enclosure.setLength(image.bytes());
            entry.setEnclosures(List.<SyndEnclosure>of(enclosure));
            try {
                var content = new MediaContent(new UrlReference(image.url()));
                content.setType(image.type());
                content.setFileSize(image.bytes());
                content.setWidth(image.width());
                content.setHeight(image.height());
                content.setMedium("image");
                var metadata = new Metadata();
                metadata.setTitle(image.alt());
                content.setMetadata(metadata);
                var media = new MediaEntryModuleImpl();
                media.setMediaContents(new MediaContent[] {content});
                entry.getModules().add(media);
            } catch (java.net.URISyntaxException e) {
                // the enclosure stands alone
            }
        });
        return entry;
    }

    /** The copy of an image a feed carries, with its size on disk; empty when its file is not there. */
    private record Image(String url, String type, long bytes, int width, int height, String alt) {
    }

    private Optional<Image> image(Media media) {
        if (media == null) {
            return Optional.empty();
        }
        String path = media.urlAtLeast(IMAGE_WIDTH);
        try {
            long bytes = Files.size(mediaRoot.resolve(path.substring(Media.URL_PREFIX.length())));
            int width = path.equals(media.url()) ? media.width()
                    : media.variants().stream().filter(w -> w >= IMAGE_WIDTH).findFirst().orElse(media.width());
            return Optional.of(new Image(absolute(path), media.mimeType(), bytes, width, media.heightAt(width),
                    media.alt()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** RSS has no author element but an email address's: the names go in {@code dc:creator}, as WordPress's do. */
    private static void creators(Format format, SyndEntry entry) {
        if (format == Format.RSS) {
            var dc = (com.rometools.rome.feed.module.DCModule) entry.getModule(com.rometools.rome.feed.module.DCModule.URI);
            dc.setCreators(entry.getAuthors().stream().map(SyndPerson::getName).toList());
        }
    }

    private static SyndPerson person(String name) {
        var person = new SyndPersonImpl();
        person.setName(name);
        return person;
    }

    private static SyndCategory category(String name) {
        var category = new SyndCategoryImpl();
        category.setName(name);
        return category;
    }

    private static SyndContent html(String value) {
        var content = new SyndContentImpl();
        content.setType("html");
        content.setValue(value);
        return content;
    }

    private static Date newest(List<SyndEntry> entries) {
        return entries.stream().map(SyndEntry::getUpdatedDate).max(Date::compareTo)
                .orElse(Date.from(Instant.EPOCH));
    }

    /** Links and images in a body point at this site with paths; a feed reader needs whole addresses. */
    String absoluteLinks(String bodyHtml) {
        Document document = Jsoup.parseBodyFragment(bodyHtml, baseUrl + "/");
        document.outputSettings().prettyPrint(false);
        for (Element element : document.select("[href]")) {
            element.attr("href", element.absUrl("href"));
        }
        for (Element element : document.select("[src]")) {
            element.attr("src", element.absUrl("src"));
        }
        for (Element element : document.select("[srcset]")) {
            var parts = new ArrayList<String>();
            for (String candidate : element.attr("srcset").split(",")) {
                String[] words = candidate.strip().split("\\s+", 2);
                if (!words[0].isEmpty()) {
                    parts.add(absoluteOrAsIs(words[0]) + (words.length > 1 ? " " + words[1] : ""));
                }
            }
            element.attr("srcset", String.join(", ", parts));
        }
        return document.body().html();
    }

    private String absoluteOrAsIs(String url) {
        try {
            return URI.create(baseUrl + "/").resolve(url).toString();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    String absolute(String path) {
        return baseUrl + SiteUrls.wire(path);
    }

    private static byte[] write(SyndFeed feed) {
        try {
            return new SyndFeedOutput().outputString(feed, false).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("The feed could not be written: " + e.getMessage(), e);
        }
    }
}
