package dev.byline.web.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * The public URL scheme, in one place:
 * <pre>
 *   /                              home, newest first          ?page=N for older pages
 *   /2025/10/08/russia-hosts-…/    an article: date published (newsroom time zone) and slug, as WordPress's
 *                                  "day and name" permalinks, so links survive a move from WordPress
 *   /section/world/                a section with its subsections ?page=N
 *   /tag/taliban/                  a tag                          ?page=N
 *   /author/muhammad-gulriaz/      an author                      ?page=N
 *   /media/2025/10/photo-ab12cd34.jpg, /assets/site.1a2b3c4d.css   files, immutable names
 * </pre>
 * The slug alone identifies an article; a wrong date or missing slash answers 301 to the canonical URL, and so does
 * a slug the article had before.
 *
 * <p>URLs are built here, in the web, not in the domain: the read model ({@code dev.byline.news}) hands out ids,
 * slugs and instants, and each audience spells its own addresses (the API's are not the site's). Feeds and
 * sitemaps link to the site's pages, so they will build their links with this class too.
 */
public final class SiteUrls {

    private static final DateTimeFormatter DATE_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final Supplier<ZoneId> zone;

    /**
     * @param zone the newsroom's zone as the settings say now. When it changes, an article published near midnight
     *             may get another date, so another address; its old address still finds it by the slug and
     *             answers 301 to the new one, so no link breaks.
     */
    public SiteUrls(Supplier<ZoneId> zone) {
        this.zone = zone;
    }

    public SiteUrls(ZoneId zone) {
        this(() -> zone);
    }

    public String article(String slug, Instant publishedAt) {
        return "/" + DATE_PATH.format(publishedAt.atZone(zone.get())) + "/" + slug + "/";
    }

    /** The article address a request spells: its date parts as given (checked to be digits), and the slug. */
    public static String article(String year, String month, String day, String slug) {
        return "/" + year + "/" + month + "/" + day + "/" + slug + "/";
    }

    public static String section(String slug) {
        return "/section/" + slug + "/";
    }

    public static String tag(String slug) {
        return "/tag/" + slug + "/";
    }

    public static String author(String slug) {
        return "/author/" + slug + "/";
    }

    /** The path of page {@code page} of a list at {@code path}: page 1 has no query. */
    public static String page(String path, long page) {
        return page <= 1 ? path : path + "?page=" + page;
    }

    /** A page's address (About, Contact): {@code /about/}. */
    public static String sitePage(String slug) {
        return "/" + slug + "/";
    }

    /** The form a request path takes on the wire: non-ASCII characters percent-encoded as UTF-8. */
    public static String wire(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(path, e);
        }
    }
}
