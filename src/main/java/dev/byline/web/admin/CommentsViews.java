package dev.byline.web.admin;

import java.util.List;

/** The moderation queue's page records. */
public final class CommentsViews {

    private CommentsViews() {
    }

    /** A status tab (Pending, Approved, Spam, Trash) with its count. */
    public record Tab(String label, String url, long count, boolean current) {
    }

    /** A button for one comment: the action's key (approve, spam…) and its label. */
    public record Button(String action, String label, boolean danger) {
    }

    /**
     * One comment in the queue.
     *
     * @param reason  why it is where it is (the rules' decision, or who moved it)
     * @param history the commenter's other comments, by status ("3 approved, 1 spam"), or "First comment"
     */
    public record Row(long id, long version, String author, String email, String url, String ip, boolean staff,
                      String bodyHtml, String date, String dateIso, long articleId, String articleTitle,
                      String status, String reason, String history, List<Button> buttons) {
    }

    /**
     * /admin/comments: a status's comments (of one article, when {@code articleId} is set), newest first.
     *
     * @param returnTo  this page's address, for the forms to come back to
     * @param scriptUrl moderation.js: keyboard shortcuts (an enhancement)
     * @param privacy   the viewer may export or erase a commenter's data (administrators): link to that page
     */
    public record QueuePage(AdminViews.Chrome chrome, String heading, String status, List<Tab> tabs, List<Row> rows,
                            List<Button> bulk, long articleId, String articleTitle, boolean articleClosed,
                            String previousUrl, String nextUrl, String returnTo, String scriptUrl, boolean privacy) {
    }

    /** One comment's page: edit it, or reply to it (published at once under the moderator's name). */
    public record EditPage(AdminViews.Chrome chrome, Row row, AdminViews.Form form, AdminViews.Form reply,
                           String formError, String returnTo) {
    }

    /**
     * /admin/comments/privacy: a commenter's personal data, exported or erased (administrators only).
     *
     * @param notice what the last request found (no comments for the address), or null
     */
    public record PrivacyPage(AdminViews.Chrome chrome, AdminViews.Form form, String notice) {
    }
}
