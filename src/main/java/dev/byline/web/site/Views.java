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
     * @param nav        the header menu
     * @param footer     the footer menu; empty for none
     * @param shareImage the link preview's image with its size and alt text (og:image:*, twitter:image:alt), or null
     * @param articleMeta OpenGraph {@code article:*} properties in order (one per tag and author); empty elsewhere
     */
    public record Chrome(String siteName, String tagline, Image logo, String lang, String dir, String title,
                         String description, String canonicalUrl, String baseUrl,
                         List<MenuLink> nav, String cssUrl, String faviconUrl, String ogType, String ogImageUrl,
                         String jsonLd, String robots, int year, boolean demoNotice, List<MenuLink> footer,
                         ShareImage shareImage, List<MetaProperty> articleMeta) {

        /** The same page kept out of search engines' indexes (search results). */
        public Chrome noindexed() {
            return new Chrome(siteName, tagline, logo, lang, dir, title, description, canonicalUrl, baseUrl, nav, cssUrl,
                    faviconUrl, ogType, ogImageUrl, jsonLd, "noindex", year, demoNotice, footer, shareImage,
                    articleMeta);
        }

        /** The same page with OpenGraph {@code article:*} properties. */
        public Chrome withArticleMeta(List<MetaProperty> properties) {
            return new Chrome(siteName, tagline, logo, lang, dir, title, description, canonicalUrl, baseUrl, nav, cssUrl,
                    faviconUrl, ogType, ogImageUrl, jsonLd, robots, year, demoNotice, footer, shareImage,
                    List.copyOf(properties));
        }
    }

    /** An image for link previews: its absolute URL and the size of that file. */
    public record ShareImage(String url, int width, int height, String alt) {
    }

    /** A {@code <meta property content>} pair. */
    public record MetaProperty(String property, String content) {
    }

    public record Link(String label, String url, boolean current) {
    }

    /**
     * A link of a menu, with the links nested under it (one level).
     *
     * @param current the page shows what it links to ({@code aria-current="page"})
     */
    public record MenuLink(String label, String url, boolean current, List<MenuLink> children) {
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

    /** {@code lead} and {@code pinned} are on the first page only (the lead null when nothing is published). */
    public record HomePage(Chrome chrome, Teaser lead, List<Teaser> pinned, List<Teaser> latest,
                           Pagination pagination) {
    }

    /**
     * @param articleId  the article's id (0 for a preview)
     * @param discussion its comments and the form; null where none is shown (the editor's preview)
     */
    public record ArticlePage(Chrome chrome, ArticleView article, Link moreLink, List<Teaser> more, long articleId,
                              Discussion discussion) {

        public ArticlePage withDiscussion(Discussion discussion) {
            return new ArticlePage(chrome, article, moreLink, more, articleId, discussion);
        }
    }

    /**
     * The readers' discussion under an article: the count (by the headline and above the thread), the thread, and
     * the form.
     *
     * @param countText  "3 Comments", "1 Comment", "No comments yet"
     * @param comments   the top-level comments of this page, each with its replies
     * @param open       the form is shown; else "Comments are closed."
     * @param pagination pages of top-level comments ({@code ?page=N}, 50 to a page by default)
     * @param scriptUrl  comments.js: Reply moves the form, a fresh token, remembered name (an enhancement)
     * @param postUrl    where the form posts: the article's own address, so the reader's held-comment cookie (scoped
     *                   to that path) comes with it and a second held comment joins the first
     */
    public record Discussion(long articleId, String countText, long count, List<CommentView> comments, boolean open,
                             CommentForm form, Pagination pagination, String scriptUrl, String postUrl) {
    }

    /**
     * One comment as readers see it. {@code authorUrl} empty for none (else linked {@code rel="nofollow ugc"});
     * {@code avatarUrl} null: the initials stand in; {@code held} marks the reader's own comment that waits.
     */
    public record CommentView(long id, String authorName, String authorUrl, Initials initials, String avatarUrl,
                              boolean staff, String dateIso, String dateText, String permalink, String bodyHtml,
                              boolean held, int depth, boolean canReply, String replyUrl, List<CommentView> replies) {
    }

    /**
     * The form, with what was typed when it comes back refused.
     *
     * @param token     the signed form token ({@code dev.byline.comment.FormTokens})
     * @param parentId  the comment replied to (without JavaScript, from {@code ?replytocom=}), or 0
     * @param replyTo   "Leave a Reply to Nadia Petrova" when replying, else null
     * @param staffName a signed-in member of staff comments as themselves: "Logged in as …"; null for readers
     * @param message   what refused the whole form (a duplicate, too fast, expired), or null
     * @param values    what was typed, by field name (author, email, url, comment)
     * @param errors    a message for each field that is wrong
     */
    public record CommentForm(String token, long parentId, String replyTo, String staffName, String message,
                              java.util.Map<String, String> values, java.util.Map<String, String> errors,
                              boolean followUps, boolean remember) {

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    /** A section, tag or author archive. {@code author} is set on author archives only. */
    public record ArchivePage(Chrome chrome, String kind, String heading, String description, AuthorBox author,
                              List<Link> trail, List<Teaser> items, Pagination pagination) {
    }

    public record ErrorPage(Chrome chrome, int status, String heading, String message, List<Teaser> latest) {
    }
}
