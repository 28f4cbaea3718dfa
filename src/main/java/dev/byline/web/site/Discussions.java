package dev.byline.web.site;

import dev.byline.change.Keys;
import dev.byline.comment.Comment;
import dev.byline.comment.CommentService;
import dev.byline.comment.FormTokens;
import dev.byline.error.NotFound;
import dev.byline.settings.Settings;
import dev.byline.web.site.Views.ArticlePage;
import dev.byline.web.site.Views.CommentForm;
import dev.byline.web.site.Views.CommentView;
import dev.byline.web.site.Views.Discussion;
import dev.byline.web.support.Initials;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The discussion under an article page: the thread (a page of top-level comments with their replies, threaded in
 * memory from one query), the count, and the form. Added to the article's page record inside the render, with the
 * key {@link Keys#comments}: an approved comment appearing, changing or going drops the page, and nothing else
 * does.
 *
 * <p>A shared page is made for {@link Reader#ANYONE}. A page for one reader (never in the shared cache: the
 * {@code byline_held} and session cookies bypass it, and a refused form or {@code ?replytocom=} is answered
 * privately) may show that reader's own held comments, their name as staff, the comment they reply to, and what
 * they typed with the messages.
 */
public final class Discussions {

    /**
     * What one reader brings. Only for pages rendered for that reader alone.
     *
     * @param held      the reader's own comments waiting for moderation (from their signed cookie)
     * @param staffName a signed-in member of staff's name, or null
     * @param replyTo   the comment they reply to without JavaScript ({@code ?replytocom=}), or 0
     * @param refused   the form they sent and why it was refused, or null
     */
    public record Reader(List<Long> held, String staffName, long replyTo, Refused refused) {
        public static final Reader ANYONE = new Reader(List.of(), null, 0, null);
    }

    /** A form sent back: the message for the whole form (or null), what was typed, a message per field. */
    public record Refused(String message, Map<String, String> values, Map<String, String> errors, boolean followUps,
                          boolean remember) {
    }

    private final CommentService comments;
    private final Supplier<Settings> settings;
    private final String scriptUrl;
    private final Clock clock;

    public Discussions(CommentService comments, Supplier<Settings> settings, String scriptUrl, Clock clock) {
        this.comments = comments;
        this.settings = settings;
        this.scriptUrl = scriptUrl;
        this.clock = clock;
    }

    /**
     * The article page with page {@code page} of its discussion.
     *
     * @throws NotFound for a page of comments past the last
     */
    public SiteViews.Rendered<ArticlePage> attach(SiteViews.Rendered<ArticlePage> rendered, long page, Reader reader) {
        ArticlePage article = rendered.page();
        long articleId = article.articleId();
        CommentService.Thread thread = comments.thread(articleId, page, reader.held());
        if (page > thread.pages()) {
            throw new NotFound("There is no page " + page + " of comments on this article.");
        }
        Settings site = settings.get();
        String url = article.article().url();
        List<CommentView> tree = tree(site, thread, url, reader);
        var pagination = new Views.Pagination(thread.page(),
                thread.page() > 1 ? SiteUrls.page(url, thread.page() - 1) + "#comments" : null,
                thread.page() < thread.pages() ? SiteUrls.page(url, thread.page() + 1) + "#comments" : null);
        Discussion discussion = new Discussion(articleId, countText(thread.approved()), thread.approved(), tree,
                thread.open(), form(thread, reader), pagination, scriptUrl, url + "#respond");
        var keys = new LinkedHashSet<>(rendered.keys());
        keys.add(Keys.comments(articleId));
        // the form's token must be renewed before it expires, and the form goes when the age rule closes it
        Instant expires = comments.tokens().pageTokenExpires();
        if (rendered.expiresAt() != null && rendered.expiresAt().isBefore(expires)) {
            expires = rendered.expiresAt();
        }
        if (thread.closesAt() != null && thread.closesAt().isBefore(expires)) {
            expires = thread.closesAt();
        }
        return new SiteViews.Rendered<>(article.withDiscussion(discussion), keys, expires);
    }

    static String countText(long count) {
        return count == 0 ? "No comments yet" : count == 1 ? "1 Comment" : count + " Comments";
    }

    private CommentForm form(CommentService.Thread thread, Reader reader) {
        String token = comments.tokens().issueForPage(thread.articleId());
        long asked = reader.replyTo();
        long parent = asked;
        String replyTo = null;
        if (asked != 0) {
            var replied = thread.comments().stream().filter(c -> c.id() == asked && c.approved()).findFirst();
            replyTo = replied.map(c -> "Leave a Reply to " + c.authorName()).orElse(null);
            parent = replied.isPresent() ? parent : 0;
        }
        Refused refused = reader.refused();
        if (refused == null) {
            return new CommentForm(token, parent, replyTo, reader.staffName(), null, Map.of(), Map.of(), false, false);
        }
        return new CommentForm(token, parent, replyTo, reader.staffName(), refused.message(), refused.values(),
                refused.errors(), refused.followUps(), refused.remember());
    }

    /** The page's comments as a tree: replies under their parents, a reply whose parent is not shown at the top. */
    private List<CommentView> tree(Settings site, CommentService.Thread thread, String url, Reader reader) {
        var children = new HashMap<Long, List<Comment>>();
        var shown = new java.util.HashSet<Long>();
        thread.comments().forEach(c -> shown.add(c.id()));
        var roots = new ArrayList<Comment>();
        for (Comment comment : thread.comments()) {
            if (comment.parentId() != 0 && shown.contains(comment.parentId())) {
                children.computeIfAbsent(comment.parentId(), id -> new ArrayList<>()).add(comment);
            } else {
                roots.add(comment);
            }
        }
        String pageUrl = SiteUrls.page(url, thread.page());
        return roots.stream().map(root -> view(site, root, 1, children, pageUrl, thread)).toList();
    }

    /**
     * Gravatar's picture of the commenter when the site shows them (null: the initials made here). The address is
     * Gravatar's SHA-256 form of the trimmed, lower-cased email, so the email itself never enters the page; a
     * comment with no email (an erased commenter's) keeps its initials.
     */
    static String avatarUrl(Settings site, Comment comment) {
        String email = comment.authorEmail() == null ? "" : comment.authorEmail().strip().toLowerCase(java.util.Locale.ROOT);
        if (!site.comments().gravatar() || email.isEmpty()) {
            return null;
        }
        return dev.byline.web.support.SecurityHeaders.GRAVATAR + "/avatar/" + dev.byline.account.OneTimeLinks.hash(email)
                + "?s=80&d=identicon";
    }

    private CommentView view(Settings site, Comment comment, int depth, Map<Long, List<Comment>> children,
                             String pageUrl, CommentService.Thread thread) {
        List<CommentView> replies = children.getOrDefault(comment.id(), List.of()).stream()
                .map(reply -> view(site, reply, depth + 1, children, pageUrl, thread)).toList();
        String separator = pageUrl.contains("?") ? "&" : "?";
        return new CommentView(comment.id(), comment.authorName(), comment.authorUrl(),
                Initials.of(comment.id(), comment.authorName()), avatarUrl(site, comment), comment.staff(),
                comment.createdAt().atZone(site.zone()).toOffsetDateTime().toString(),
                site.formatDate(comment.createdAt()), pageUrl + "#comment-" + comment.id(), comment.bodyHtml(),
                !comment.approved(), depth, thread.open() && comment.approved(),
                pageUrl + separator + "replytocom=" + comment.id() + "#respond", replies);
    }
}
