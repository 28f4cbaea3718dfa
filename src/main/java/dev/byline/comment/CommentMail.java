package dev.byline.comment;

import dev.byline.mail.Mail;
import dev.byline.mail.Outbox;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The mail comments send, written into the durable outbox in the transaction of the write that causes it (so it
 * is sent once the write commits, never for a write that did not, retried, never twice, and never while the
 * reader waits): the article's authors hear of a new approved comment, moderators of a held one, and a commenter
 * who ticked "Notify me of follow-up comments by email" of an approved reply, with a link that unsubscribes in one
 * click, no account needed.
 *
 * <p>Readers' addresses are only mailed when a mail server is configured ({@code mailReaders}): without one the
 * outbox writes mail to the log, and a reader's address must never be in the log.
 */
public final class CommentMail {

    private final Outbox outbox;
    private final Supplier<String> baseUrl;
    private final Supplier<String> siteTitle;
    /** The article's public address from its slug and publication time (the site's URL scheme). */
    private final BiFunction<String, Instant, String> articlePath;
    private final FormTokens tokens;
    private final boolean mailReaders;

    public CommentMail(Outbox outbox, Supplier<String> baseUrl, Supplier<String> siteTitle,
                       BiFunction<String, Instant, String> articlePath, FormTokens tokens, boolean mailReaders) {
        this.outbox = outbox;
        this.baseUrl = baseUrl;
        this.siteTitle = siteTitle;
        this.articlePath = articlePath;
        this.tokens = tokens;
        this.mailReaders = mailReaders;
    }

    /** A comment readers can now see: the article's authors, and the subscriber it replies to. */
    void approved(Handle handle, CommentStore store, Comment comment, CommentStore.Target article) {
        if (!store.markMailed(handle, comment.id())) {
            return; // approved before, unapproved, approved again: its mail went the first time
        }
        String link = baseUrl.get() + articlePath.apply(article.slug(), article.publishedAt()) + "#comment-"
                + comment.id();
        String excerpt = excerpt(comment);
        for (String email : staff(handle, article, false)) {
            if (!email.equals(comment.authorEmail())) {
                outbox.enqueue(handle, new Mail(email, "New comment on “" + article.title() + "”", """
                        %s commented on “%s”:

                        %s

                        Read it on the site: %s
                        Moderate it: %s/admin/comments/%d
                        """.formatted(comment.authorName(), article.title(), excerpt, link, baseUrl.get(),
                        comment.id())));
            }
        }
        long answered = store.answered(handle, comment);
        if (answered == 0 || !mailReaders) {
            return;
        }
        store.find(handle, answered)
                .filter(parent -> parent.followUps() && parent.approved()
                        && !parent.authorEmail().equals(comment.authorEmail()) && Mail.isAddress(parent.authorEmail()))
                .ifPresent(parent -> outbox.enqueue(handle, new Mail(parent.authorEmail(),
                        "New reply to your comment on “" + article.title() + "”", """
                        %s replied to your comment on “%s” at %s:

                        %s

                        Read it: %s

                        You asked to be told of replies to your comments on this article. To stop, open this link
                        (no account needed): %s
                        """.formatted(comment.authorName(), article.title(), siteTitle.get(), excerpt, link,
                        unsubscribeLink(parent)))));
    }

    /** A comment waiting for moderation: editors, administrators and the article's own authors. */
    void held(Handle handle, Comment comment, CommentStore.Target article) {
        for (String email : staff(handle, article, true)) {
            outbox.enqueue(handle, new Mail(email, "A comment waits for moderation on “" + article.title() + "”", """
                    %s commented on “%s”; it waits for a moderator because: %s

                    %s

                    Approve, edit or mark it as spam: %s/admin/comments/%d
                    """.formatted(comment.authorName(), article.title(), comment.reason(), excerpt(comment),
                    baseUrl.get(), comment.id())));
        }
    }

    /** The link in a follow-up mail: the comment subscribed, signed. */
    public String unsubscribeLink(Comment subscribed) {
        return baseUrl.get() + "/comments/unsubscribe?c=" + subscribed.id() + "&s="
                + tokens.sign("unsubscribe", String.valueOf(subscribed.id()));
    }

    /** The active accounts to tell: the article's authors, and (for held comments) every editor and administrator. */
    private static Set<String> staff(Handle handle, CommentStore.Target article, boolean moderators) {
        var emails = new LinkedHashSet<String>();
        if (!article.authorIds().isEmpty()) {
            emails.addAll(handle.createQuery("SELECT email FROM users WHERE status = 'active' "
                            + "AND role <> 'contributor' AND author_id IN (<authors>) ORDER BY id")
                    .bindList("authors", article.authorIds()).mapTo(String.class).list());
        }
        if (moderators) {
            emails.addAll(handle.createQuery("SELECT email FROM users WHERE status = 'active' "
                    + "AND role IN ('administrator', 'editor') ORDER BY id").mapTo(String.class).list());
        }
        return emails;
    }

    private static String excerpt(Comment comment) {
        String text = CommentText.plain(comment.bodyHtml());
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

}
