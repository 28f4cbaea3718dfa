package dev.byline.web.site;

import dev.byline.web.support.Initials;
import java.util.List;

/** The records templates receive: everything already resolved to text and URLs, nothing left to query. */
public final class Views {

    private Views() {
    }

    /**
     * The layout's part of every page: head metadata and the site's chrome.
     *
     * @param tagline    the line under the title; empty for none
     * @param logo       the masthead's image instead of the title as text, or null
     * @param lang       the site's language, a BCP 47 tag, for {@code <html lang>}
     * @param dir        {@code ltr} or {@code rtl}, for {@code <html dir>}
     * @param demoNotice show the notice that the site carries demo content (and how to remove it)
     */
    public record Chrome(String siteName, String tagline, Image logo, String lang, String dir, String title,
                         String description, String canonicalUrl, String baseUrl,
                         List<Link> nav, String cssUrl, String faviconUrl, String ogType, String ogImageUrl,
                         String jsonLd, String robots, int year, boolean demoNotice) {
    }

    public record Link(String label, String url, boolean current) {
    }

    /**
     * A responsive image.
     *
     * @param srcset empty for a single-size image
     */
    public record Image(String src, String srcset, String sizes, int width, int height, String alt, String caption,
                        String credit) {
    }

    /** A name on a byline; {@code avatar} null means the {@code initials} stand in for it. */
    public record Byline(String name, String url, Image avatar, Initials initials) {
    }

    /**
     * An author as article pages (the box under the article) and the author's page show them.
     *
     * @param avatar null when the author has none: {@code initials} stand in for it
     * @param links  the author's own pages, labelled by address (shown on the author's page)
     */
    public record AuthorBox(String name, String url, String bio, Image avatar, Initials initials, List<Link> links) {
    }

    /** An article in a list. {@code image} may be null. */
    public record Teaser(String url, String title, String dek, String excerpt, Link section, String dateIso,
                         String dateText, List<Byline> authors, Image image) {
    }

    /** {@code hero} is null when the lead image already stands in the body; {@code updatedText} when unchanged. */
    public record ArticleView(String url, String title, String dek, String bodyHtml, String dateIso, String dateText,
                              String updatedIso, String updatedText, List<Link> sectionTrail, List<Link> tags,
                              List<Byline> bylines, List<AuthorBox> authors, Image hero, int readingMinutes,
                              List<NoteView> notesTop, List<NoteView> notesFoot) {
    }

    /**
     * A correction or update as readers see it, with its date.
     *
     * @param kind  "Correction" or "Update"
     * @param body  plain text (escaped by the template)
     */
    public record NoteView(String kind, String cssClass, String body, String dateIso, String dateText) {
    }

    /** A page (About, Contact): no date, no byline. {@code hero} may be null. */
    public record PageView(String url, String title, String dek, String bodyHtml, Image hero,
                           List<NoteView> notesTop, List<NoteView> notesFoot) {
    }

    public record PagePage(Chrome chrome, PageView page) {
    }

    /** Either link may be null. */
    public record Pagination(long page, String previousUrl, String nextUrl) {
        public boolean needed() {
            return previousUrl != null || nextUrl != null;
        }
    }

    public record HomePage(Chrome chrome, Teaser lead, List<Teaser> latest, Pagination pagination) {
    }

    public record ArticlePage(Chrome chrome, ArticleView article, Link moreLink, List<Teaser> more) {
    }

    /** A section, tag or author archive. {@code author} is set on author archives only. */
    public record ArchivePage(Chrome chrome, String kind, String heading, String description, AuthorBox author,
                              List<Link> trail, List<Teaser> items, Pagination pagination) {
    }

    public record ErrorPage(Chrome chrome, int status, String heading, String message, List<Teaser> latest) {
    }
}
