package dev.byline.web.site;

import dev.byline.news.DistributionStore;
import dev.byline.news.PublicFeeds;
import dev.byline.news.SitemapNews;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the sitemaps (sitemaps.org 0.9) and the Google News sitemap with the JDK's XMLStreamWriter, which
 * escapes every value. Addresses are absolute, from the base URL; {@code lastmod} is the W3C datetime in UTC.
 *
 * <pre>
 *   /sitemap.xml                      the index
 *   /sitemap-articles-2025-10.xml     the articles published in October 2025 (UTC), oldest first;
 *   /sitemap-articles-2025-10-2.xml   a month past 50,000 articles goes on to page 2, 3…
 *   /sitemap-sections.xml, /sitemap-tags.xml, /sitemap-authors.xml, /sitemap-pages.xml
 *   /sitemap-news.xml                 the articles of the last 48 hours, for Google News
 * </pre>
 */
final class SitemapWriter {

    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final String CONTENT_TYPE = "application/xml; charset=utf-8";
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final FeedWriter links;
    private final SiteUrls urls;

    SitemapWriter(FeedWriter links, SiteUrls urls) {
        this.links = links;
        this.urls = urls;
    }

    /** The path of a month's sitemap, page {@code page} (page 1 has no number). */
    static String month(java.time.YearMonth month, long page) {
        return "/sitemap-articles-" + month + (page > 1 ? "-" + page : "") + ".xml";
    }

    byte[] index(SitemapNews.Index index) {
        return xml(out -> {
            out.writeStartElement("sitemapindex");
            out.writeDefaultNamespace(NS);
            for (SitemapNews.Month month : index.months()) {
                long pages = (month.count() + PublicFeeds.SITEMAP_LIMIT - 1) / PublicFeeds.SITEMAP_LIMIT;
                for (long page = 1; page <= pages; page++) {
                    sitemap(out, month(month.month(), page), month.lastChange());
                }
            }
            if (index.archivesChanged() != null) {
                for (String kind : List.of("sections", "tags", "authors")) {
                    sitemap(out, "/sitemap-" + kind + ".xml", index.archivesChanged());
                }
                sitemap(out, "/sitemap-news.xml", null);
            }
            if (index.pagesChanged() != null) {
                sitemap(out, "/sitemap-pages.xml", index.pagesChanged());
            }
            out.writeEndElement();
        });
    }

    byte[] articles(List<DistributionStore.Entry> entries) {
        return urlset(entries.stream().map(entry -> new Url(urls.article(entry.slug(), entry.publishedAt()),
                entry.updatedAt())).toList());
    }

    byte[] pages(List<DistributionStore.Entry> entries) {
        return urlset(entries.stream().map(entry -> new Url(SiteUrls.sitePage(entry.slug()), entry.updatedAt()))
                .toList());
    }

    /** @param path the archive's path for a slug, e.g. SiteUrls::section */
    byte[] archives(List<SitemapNews.Archive> archives, java.util.function.Function<String, String> path) {
        return urlset(archives.stream().map(archive -> new Url(path.apply(archive.slug()), archive.lastChange()))
                .toList());
    }

    byte[] news(SitemapNews.Recent recent, String publication, String language) {
        return xml(out -> {
            out.writeStartElement("urlset");
            out.writeDefaultNamespace(NS);
            out.writeNamespace("news", NEWS_NS);
            for (DistributionStore.Headline article : recent.articles()) {
                out.writeStartElement("url");
                element(out, "loc", links.absolute(urls.article(article.slug(), article.publishedAt())));
                out.writeStartElement("news", "news", NEWS_NS);
                out.writeStartElement("news", "publication", NEWS_NS);
                out.writeStartElement("news", "name", NEWS_NS);
                out.writeCharacters(publication);
                out.writeEndElement();
                out.writeStartElement("news", "language", NEWS_NS);
                out.writeCharacters(language);
                out.writeEndElement();
                out.writeEndElement();
                out.writeStartElement("news", "publication_date", NEWS_NS);
                out.writeCharacters(w3c(article.publishedAt()));
                out.writeEndElement();
                out.writeStartElement("news", "title", NEWS_NS);
                out.writeCharacters(article.title());
                out.writeEndElement();
                out.writeEndElement();
                out.writeEndElement();
            }
            out.writeEndElement();
        });
    }

    private record Url(String path, Instant lastChange) {
    }

    private byte[] urlset(List<Url> entries) {
        return xml(out -> {
            out.writeStartElement("urlset");
            out.writeDefaultNamespace(NS);
            for (Url entry : entries) {
                out.writeStartElement("url");
                element(out, "loc", links.absolute(entry.path()));
                element(out, "lastmod", w3c(entry.lastChange()));
                out.writeEndElement();
            }
            out.writeEndElement();
        });
    }

    private void sitemap(XMLStreamWriter out, String path, Instant lastChange) throws XMLStreamException {
        out.writeStartElement("sitemap");
        element(out, "loc", links.absolute(path));
        if (lastChange != null) {
            element(out, "lastmod", w3c(lastChange));
        }
        out.writeEndElement();
    }

    private static void element(XMLStreamWriter out, String name, String text) throws XMLStreamException {
        out.writeStartElement(name);
        out.writeCharacters(text);
        out.writeEndElement();
    }

    static String w3c(Instant instant) {
        return W3C.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter out) throws XMLStreamException;
    }

    private static byte[] xml(Body body) {
        var bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter out = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            out.writeStartDocument("UTF-8", "1.0");
            out.setDefaultNamespace(NS);
            body.write(out);
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The sitemap could not be written: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }
}
